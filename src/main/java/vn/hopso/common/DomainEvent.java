package vn.hopso.common;

/**
 * Something that happened in a feature, published by its service with CDI ({@code
 * Event<DomainEvent>}) inside the service's transaction. Observers inside the transaction write
 * what must commit with the change (the audit entry, the notification outbox, the meeting's event
 * log); observers {@code during = AFTER_SUCCESS} do what leaves the process. Features react to each
 * other only through these, never by calling back into each other.
 */
public interface DomainEvent {
  /** The audit log's action ("meeting.scheduled"), or null when the event is not audited. */
  String action();

  /** What the action was done to ("meeting:12"), or null. */
  default String target() {
    return null;
  }

  /** A short description for the audit log, or null. */
  default String detail() {
    return null;
  }

  /**
   * An event that names who caused it, for events published outside the caller's request (a ballot
   * committed by the ballot desk's writer, on behalf of the voter): the audit records this actor
   * and address instead of the current request's.
   */
  interface Attributed extends DomainEvent {
    String actor();

    String ip();
  }
}
