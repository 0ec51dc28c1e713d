package vn.hopso.agenda;

import vn.hopso.common.DomainEvent;
import vn.hopso.meeting.Meeting;

/** What happens to a meeting's agenda. */
public final class AgendaEvents {
  private AgendaEvents() {}

  /** The working copy changed ({@code action}: agenda.item.added, …). */
  public record AgendaChanged(Meeting meeting, String action, String title) implements DomainEvent {
    @Override
    public String target() {
      return "meeting:" + meeting.id;
    }

    @Override
    public String detail() {
      return title;
    }
  }

  /** A new version was published; {@code changes} says what changed, null for the first. */
  public record AgendaPublished(Meeting meeting, int version, String changes)
      implements DomainEvent {
    @Override
    public String action() {
      return "agenda.published";
    }

    @Override
    public String target() {
      return "meeting:" + meeting.id;
    }

    @Override
    public String detail() {
      return "version " + version;
    }
  }

  /** An item is about to be deleted (not audited itself: {@link AgendaChanged} is). */
  public record ItemDeleted(Meeting meeting, long itemId) implements DomainEvent {
    @Override
    public String action() {
      return null;
    }
  }
}
