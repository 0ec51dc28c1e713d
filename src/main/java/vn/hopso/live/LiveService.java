package vn.hopso.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.hopso.agenda.AgendaRunService;
import vn.hopso.auth.TicketService;
import vn.hopso.common.CurrentUser;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingAccess.Access;
import vn.hopso.meeting.MeetingEndpoint;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.meeting.MeetingStatus;
import vn.hopso.meeting.MeetingViews.Capabilities;
import vn.hopso.meeting.ParticipantService;
import vn.hopso.speaker.SpeakerService;
import vn.hopso.speaker.SpeakerViews;

/**
 * The live view of a meeting in one answer (what a chair's console, a tablet or a room's screen
 * shows), with the number of the last event it reflects, and the tickets that open its sockets.
 */
@ApplicationScoped
public class LiveService {
  @Inject MeetingAccess access;
  @Inject TicketService tickets;
  @Inject CurrentUser current;
  @Inject AgendaRunService run;
  @Inject SpeakerService speakers;
  @Inject Presence presence;
  @Inject Clock clock;

  public record Ticket(String ticket, long expiresIn, String path) {}

  /**
   * The whole live state. Apply only events with a higher {@code seq}. {@code presence} is given to
   * those who run the meeting; {@code now} is the server's clock, for countdowns.
   */
  public record LiveState(
      long seq,
      Instant now,
      long meetingId,
      String title,
      Instant startsAt,
      Instant endsAt,
      String place,
      MeetingStatus status,
      boolean paused,
      Instant pausedAt,
      Instant sessionStartedAt,
      Long currentItemId,
      List<AgendaRunService.RunItem> items,
      SpeakerViews.Queue speaker,
      ParticipantService.QuorumSummary quorum,
      Presence.Online presence,
      List<Room> myRooms,
      Capabilities capabilities) {}

  /** A room of this meeting that the caller (a room's device account) speaks for. */
  public record Room(long endpointId, String code, String name) {}

  @Transactional
  public Ticket meetingTicket(long meetingId) {
    // the last event is read before the rights: a change of rights that this decision did not see
    // is recorded after it, and the socket reconnects when it joins (Hub.join)
    long seq = MeetingLive.lastSeq(meetingId);
    Access a = access.require(meetingId, MeetingOp.FOLLOW_LIVE);
    long me = current.personId();
    return new Ticket(
        tickets.issue(
            me,
            LiveAuth.meetingScope(meetingId),
            TicketService.DEFAULT_TTL,
            LiveAuth.grantFor(a, LiveAuth.roomOf(a, me), seq)),
        TicketService.DEFAULT_TTL.toSeconds(),
        "/ws/meetings/" + meetingId);
  }

  @Transactional
  public Ticket personalTicket() {
    return new Ticket(
        tickets.issue(current.personId(), LiveAuth.PERSONAL_SCOPE, TicketService.DEFAULT_TTL),
        TicketService.DEFAULT_TTL.toSeconds(),
        "/ws/me");
  }

  @Transactional
  public LiveState state(long meetingId) {
    // read before the state: an event numbered after it may be applied again, never lost
    long seq = MeetingLive.lastSeq(meetingId);
    Access a = access.require(meetingId, MeetingOp.FOLLOW_LIVE);
    Meeting m = a.meeting();
    return new LiveState(
        seq,
        clock.instant(),
        m.id,
        m.title,
        m.startsAt,
        m.endsAt,
        m.place != null ? m.place : m.hostEndpoint != null ? m.hostEndpoint.name : null,
        m.status,
        m.paused,
        m.pausedAt,
        m.sessionStartedAt,
        m.currentItemId,
        run.runItems(m),
        speakers.queue(m, current.personId()),
        ParticipantService.quorumSummary(m),
        access.allowed(m, a.relation(), MeetingOp.VIEW_QUORUM) ? presence.online(m.id) : null,
        a.relation().room() ? myRooms(m) : List.of(),
        access.capabilities(a));
  }

  private List<Room> myRooms(Meeting m) {
    return MeetingEndpoint.operatedBy(m, current.personId()).stream()
        .map(r -> new Room(r.endpoint.id, r.endpoint.code, r.endpoint.name))
        .toList();
  }

  @Transactional
  public Presence.Online online(long meetingId) {
    Meeting m = access.require(meetingId, MeetingOp.VIEW_QUORUM).meeting();
    return presence.online(m.id);
  }
}
