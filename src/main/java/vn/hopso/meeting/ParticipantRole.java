package vn.hopso.meeting;

/** A person's role in one meeting (not their account roles). */
public enum ParticipantRole {
  CHAIR,
  SECRETARY,
  DELEGATE,
  PRESENTER,
  OBSERVER
}
