package vn.hopso.speaker;

import vn.hopso.common.DomainEvent;
import vn.hopso.meeting.Meeting;

/** What happens to the speaking queue. */
public final class SpeakerEvents {
  private SpeakerEvents() {}

  /**
   * The queue or the current speech changed ({@code action}: speaker.requested, speaker.floor …).
   */
  public record QueueChanged(Meeting meeting, String action, String detail) implements DomainEvent {
    @Override
    public String target() {
      return "meeting:" + meeting.id;
    }
  }
}
