package vn.hopso.meeting;

import java.util.List;
import vn.hopso.common.DomainEvent;
import vn.hopso.org.Endpoint;

/**
 * What happens to a meeting. The meetings feature publishes these inside its transactions; the
 * notifications (invitations, updates, cancellations), the audit log and the live channel observe
 * them. Events carry the managed entities for observers inside the transaction.
 */
public final class MeetingEvents {
  private MeetingEvents() {}

  /** Any event about one meeting; audited against the meeting. */
  public sealed interface MeetingEvent extends DomainEvent
      permits Created,
          Updated,
          Scheduled,
          Started,
          Ended,
          MinutesPublished,
          Archived,
          Postponed,
          Cancelled,
          ParticipantsAdded,
          ParticipantUpdated,
          ParticipantRemoved,
          ProxyChanged,
          RoomsAdded,
          RoomRemoved,
          AttendanceChanged,
          HeadCountReported,
          InvitationAnswered,
          SessionPaused,
          SessionResumed {
    Meeting meeting();

    @Override
    default String target() {
      return "meeting:" + meeting().id;
    }
  }

  public record Created(Meeting meeting) implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.created";
    }

    @Override
    public String detail() {
      return meeting.title;
    }
  }

  /**
   * Details changed; {@code moved}: the time or the place did, participants must be told. {@code
   * relationChanged}: people whose part in the meeting changed (the chair or secretary before and
   * after); {@code restricted}: the meeting became confidential, so some who saw it no longer may.
   */
  public record Updated(
      Meeting meeting, boolean moved, java.util.Set<Long> relationChanged, boolean restricted)
      implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.updated";
    }

    @Override
    public String detail() {
      return meeting.title;
    }
  }

  /** DRAFT → SCHEDULED: every participant is invited. */
  public record Scheduled(Meeting meeting, List<Participant> invited) implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.scheduled";
    }

    @Override
    public String detail() {
      return meeting.title;
    }
  }

  public record Started(Meeting meeting) implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.started";
    }
  }

  public record Ended(Meeting meeting) implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.ended";
    }
  }

  /**
   * The minutes (number {@code number}) were signed and published: the meeting's record is final.
   */
  public record MinutesPublished(Meeting meeting, String number) implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.minutes-published";
    }
  }

  public record Archived(Meeting meeting) implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.archived";
    }
  }

  /** New time; {@code informed}: participants had been invited and are told. */
  public record Postponed(Meeting meeting, String reason, boolean informed)
      implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.postponed";
    }

    @Override
    public String detail() {
      return reason;
    }
  }

  public record Cancelled(Meeting meeting, String reason, boolean informed)
      implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.cancelled";
    }

    @Override
    public String detail() {
      return reason;
    }
  }

  public record ParticipantsAdded(Meeting meeting, List<Participant> added)
      implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.participants.added";
    }

    @Override
    public String detail() {
      return added.size() + " people";
    }
  }

  public record ParticipantUpdated(Meeting meeting, Participant participant)
      implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.participant.updated";
    }

    @Override
    public String detail() {
      return participant.person.username + " " + participant.role;
    }
  }

  /**
   * Fired after the row is deleted and flushed, so observers count the meeting without them; the
   * (detached) participant still carries who it was.
   */
  public record ParticipantRemoved(Meeting meeting, Participant participant)
      implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.participant.removed";
    }

    @Override
    public String detail() {
      return participant.person.username;
    }
  }

  /** {@code to} is null when the proxy was withdrawn. */
  public record ProxyChanged(Meeting meeting, Participant from, Participant to)
      implements MeetingEvent {
    @Override
    public String action() {
      return to == null ? "meeting.proxy.withdrawn" : "meeting.proxy.set";
    }

    @Override
    public String detail() {
      return from.person.username + (to == null ? "" : " -> " + to.person.username);
    }
  }

  public record RoomsAdded(Meeting meeting, int added) implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.endpoints.added";
    }

    @Override
    public String detail() {
      return added + " rooms";
    }
  }

  /**
   * Fired after the room's row is deleted and flushed (seats there cleared), so observers see the
   * meeting without it; {@code endpoint} (still managed) says which room it was.
   */
  public record RoomRemoved(Meeting meeting, Endpoint endpoint) implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.endpoint.removed";
    }

    @Override
    public String detail() {
      return endpoint.code;
    }
  }

  public record AttendanceChanged(Meeting meeting, Participant participant)
      implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.attendance";
    }

    @Override
    public String detail() {
      return participant.person.username + " " + participant.attendance;
    }
  }

  public record HeadCountReported(Meeting meeting, MeetingEndpoint room) implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.head-count";
    }

    @Override
    public String detail() {
      return room.endpoint.code + " " + room.headCount;
    }
  }

  public record InvitationAnswered(Meeting meeting, Participant participant)
      implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.invitation.answered";
    }

    @Override
    public String detail() {
      return participant.person.username + " " + participant.response;
    }
  }

  /** The chair paused the running session (clocks of the item and the speech stop). */
  public record SessionPaused(Meeting meeting) implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.session.paused";
    }
  }

  public record SessionResumed(Meeting meeting, long pausedSeconds) implements MeetingEvent {
    @Override
    public String action() {
      return "meeting.session.resumed";
    }
  }
}
