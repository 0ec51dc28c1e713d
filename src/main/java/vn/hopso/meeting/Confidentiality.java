package vn.hopso.meeting;

/** Thông thường, nội bộ, mật. */
public enum Confidentiality {
  NORMAL,
  INTERNAL,
  CONFIDENTIAL
}
