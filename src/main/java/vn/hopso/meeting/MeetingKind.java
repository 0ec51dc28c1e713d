package vn.hopso.meeting;

/** Họp thường kỳ, bất thường, chuyên đề, kỳ họp HĐND. */
public enum MeetingKind {
  REGULAR,
  EXTRAORDINARY,
  THEMATIC,
  COUNCIL_SESSION
}
