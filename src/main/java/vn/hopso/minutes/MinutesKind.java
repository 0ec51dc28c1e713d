package vn.hopso.minutes;

/** The meeting's record itself, or a later signed document that corrects it. */
public enum MinutesKind {
  MINUTES,
  CORRECTION
}
