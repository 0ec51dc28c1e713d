package vn.hopso.vote;

/** What a poll asks. */
public enum PollKind {
  /** Tán thành / không tán thành / không biểu quyết. */
  YES_NO,
  /** Choose up to {@code seats} of the candidates (or strike the others: the same count). */
  ELECTION,
  /** Each person rated tín nhiệm cao / tín nhiệm / tín nhiệm thấp. */
  CONFIDENCE
}
