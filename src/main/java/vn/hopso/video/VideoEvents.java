package vn.hopso.video;

import vn.hopso.common.DomainEvent;
import vn.hopso.meeting.Meeting;

/** What the video feature tells the others. */
public final class VideoEvents {
  private VideoEvents() {}

  /**
   * Rooms' status changed (a display connected, joined, muted, lost quality, confirmed a check, or
   * went away): not audited, a fact about devices; the live channel tells the meeting's runners.
   */
  public record RoomsChanged(Meeting meeting, RoomViews.RoomsStatus changed)
      implements DomainEvent {
    @Override
    public String action() {
      return null;
    }
  }
}
