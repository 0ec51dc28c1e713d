package vn.hopso.meeting;

/** Attendance of one participant. */
public enum Attendance {
  UNKNOWN,
  PRESENT_IN_ROOM,
  PRESENT_ONLINE,
  EXCUSED,
  ABSENT;

  public boolean present() {
    return this == PRESENT_IN_ROOM || this == PRESENT_ONLINE;
  }
}
