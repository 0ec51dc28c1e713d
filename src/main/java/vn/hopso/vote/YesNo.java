package vn.hopso.vote;

/** A yes/no/abstain answer: tán thành, không tán thành, không biểu quyết. */
public enum YesNo {
  YES,
  NO,
  ABSTAIN
}
