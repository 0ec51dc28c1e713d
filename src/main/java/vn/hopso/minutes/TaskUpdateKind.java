package vn.hopso.minutes;

/** One step of a task's history. */
public enum TaskUpdateKind {
  PROGRESS,
  REPORTED,
  ACCEPTED,
  RETURNED,
  CANCELLED
}
