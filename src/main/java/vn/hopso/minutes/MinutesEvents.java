package vn.hopso.minutes;

import vn.hopso.common.DomainEvent;
import vn.hopso.meeting.Meeting;

/**
 * What happens to a meeting's minutes and its follow-up tasks, for the audit and the live channel.
 */
public final class MinutesEvents {
  private MinutesEvents() {}

  /** The minutes changed: drafted, saved, approved, sent back, signed, published, corrected. */
  public record Changed(Minutes minutes, String action, String detail) implements DomainEvent {
    public Meeting meeting() {
      return minutes.meeting;
    }

    /** Whether everyone who may read the minutes learns of it (else those who run the meeting). */
    public boolean published() {
      return minutes.state == MinutesState.PUBLISHED;
    }

    @Override
    public String target() {
      return "meeting:" + minutes.meeting.id;
    }
  }

  /** A conclusion or a task changed (created, updated, reported on, accepted, returned). */
  public record TaskChanged(Meeting meeting, Task task, String action, String detail)
      implements DomainEvent {
    @Override
    public String target() {
      return task == null ? "meeting:" + meeting.id : "task:" + task.id;
    }
  }
}
