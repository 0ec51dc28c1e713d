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

  /**
   * The stage was decided again (the floor, the queue or the current item changed): not audited;
   * every client of the meeting learns it and compares it with its own place.
   */
  public record StageChanged(Meeting meeting, VideoViews.StageView stage) implements DomainEvent {
    @Override
    public String action() {
      return null;
    }
  }

  /** The chair gave the conference a command: audited; the live channel tells every client. */
  public record Commanded(Meeting meeting, VideoViews.VideoCommandView command)
      implements DomainEvent {
    @Override
    public String action() {
      return "video."
          + command.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public String target() {
      return "meeting:" + meeting.id;
    }

    @Override
    public String detail() {
      return command.roomName();
    }
  }
}
