package vn.hopso.vote;

/** A confidence rating: tín nhiệm cao, tín nhiệm, tín nhiệm thấp. */
public enum Rating {
  HIGH,
  MEDIUM,
  LOW
}
