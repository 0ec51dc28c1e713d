package vn.hopso.speaker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.hopso.agenda.AgendaEvents;
import vn.hopso.agenda.AgendaItem;
import vn.hopso.common.ApiException;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.Texts;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingAccess.Access;
import vn.hopso.meeting.MeetingEndpoint;
import vn.hopso.meeting.MeetingEvents;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.org.Endpoint;
import vn.hopso.org.Person;
import vn.hopso.speaker.SpeakerViews.Queue;
import vn.hopso.speaker.SpeakerViews.RequestInput;
import vn.hopso.speaker.SpeakerViews.Speech;

/**
 * The speaking queue of a running meeting: delegates (or rooms, through their device account) ask
 * for the floor on the current item; a point of order goes to the top; the chair or the secretary
 * reorders, gives the floor, pauses and ends speeches, closes and reopens the queue. Every speech
 * keeps its start, end and pauses.
 */
@ApplicationScoped
@Transactional
public class SpeakerService {
  /** Speeches of the current item shown in the queue's "done" list. */
  private static final int DONE_SHOWN = 20;

  @Inject MeetingAccess access;
  @Inject CurrentUser current;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  // --- reading ------------------------------------------------------------------------------

  @Transactional
  public Queue queue(long meetingId) {
    Access a = access.require(meetingId, MeetingOp.FOLLOW_LIVE);
    return queue(a.meeting(), current.personId());
  }

  /** The queue of a meeting, with {@code mine} marked for {@code personId} (may be null). */
  @Transactional(Transactional.TxType.MANDATORY)
  public Queue queue(Meeting m, Long personId) {
    List<SpeakerRequest> open =
        SpeakerRequest.list(
            "from SpeakerRequest r left join fetch r.person p left join fetch p.unit"
                + " left join fetch r.endpoint left join fetch r.item"
                + " where r.meeting = ?1 and r.state in ?2 order by r.position, r.id",
            m,
            List.of(SpeakerState.WAITING, SpeakerState.SPEAKING));
    Speech speaking = null;
    List<Speech> waiting = new ArrayList<>();
    for (SpeakerRequest r : open) {
      Speech s = view(r, personId);
      if (r.state == SpeakerState.SPEAKING) {
        speaking = s;
      } else {
        waiting.add(s);
      }
    }
    List<Speech> done =
        SpeakerRequest.<SpeakerRequest>find(
                "from SpeakerRequest r left join fetch r.person p left join fetch p.unit"
                    + " left join fetch r.endpoint left join fetch r.item"
                    + " where r.meeting = ?1 and r.state = ?2"
                    + (m.currentItemId == null ? "" : " and r.item.id = ?3")
                    + " order by r.endedAt desc, r.id desc",
                m.currentItemId == null
                    ? new Object[] {m, SpeakerState.DONE}
                    : new Object[] {m, SpeakerState.DONE, m.currentItemId})
            .page(0, DONE_SHOWN)
            .list()
            .stream()
            .map(r -> view(r, personId))
            .toList();
    return new Queue(m.queueOpen, m.speechLimitSeconds, speaking, waiting, done, clock.instant());
  }

  /** Every speech given so far, for whoever may follow the meeting. */
  public List<Speech> log(long meetingId) {
    return log(access.require(meetingId, MeetingOp.FOLLOW_LIVE).meeting());
  }

  /** Every speech of the meeting in the order given, for the minutes. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Speech> log(Meeting m) {
    return SpeakerRequest.<SpeakerRequest>list(
            "from SpeakerRequest r left join fetch r.person p left join fetch p.unit"
                + " left join fetch r.endpoint left join fetch r.item"
                + " where r.meeting = ?1 and r.startedAt is not null order by r.startedAt, r.id",
            m)
        .stream()
        .map(r -> view(r, null))
        .toList();
  }

  private static Speech view(SpeakerRequest r, Long personId) {
    return new Speech(
        r.id,
        r.person == null ? null : r.person.id,
        r.person != null ? r.person.fullName : r.endpoint == null ? "" : r.endpoint.name,
        r.person == null ? null : r.person.position,
        r.person != null && r.person.unit != null ? r.person.unit.name : null,
        r.endpoint == null ? null : r.endpoint.id,
        r.endpoint == null ? null : r.endpoint.name,
        r.kind,
        r.state,
        r.position,
        r.note,
        r.item == null ? null : r.item.id,
        r.item == null ? null : r.item.title,
        r.requestedAt,
        r.startedAt,
        r.endedAt,
        r.pausedAt,
        r.pausedSeconds,
        r.limitSeconds,
        r.isOf(personId));
  }

  // --- asking and withdrawing ---------------------------------------------------------------

  /** A delegate asks for the floor, or a room's device on behalf of the room. */
  public Queue request(long meetingId, RequestInput in) {
    Access a = access.require(meetingId, MeetingOp.ASK_TO_SPEAK);
    Meeting m = a.meeting();
    if (!m.queueOpen && in.kind() != SpeakerKind.POINT_OF_ORDER) {
      throw ApiException.conflict(SpeakerMsg.QUEUE_CLOSED);
    }
    SpeakerRequest r = new SpeakerRequest();
    r.meeting = m;
    if (a.mine() != null) {
      r.person = a.mine().person;
      r.endpoint = a.mine().endpoint;
      if (SpeakerRequest.count(
              "meeting = ?1 and person = ?2 and state in ?3",
              m,
              r.person,
              List.of(SpeakerState.WAITING, SpeakerState.SPEAKING))
          > 0) {
        throw ApiException.conflict(SpeakerMsg.ALREADY_WAITING);
      }
    } else {
      r.endpoint = ownRoom(m, in.endpointId());
      if (SpeakerRequest.count(
              "meeting = ?1 and person is null and endpoint = ?2 and state in ?3",
              m,
              r.endpoint,
              List.of(SpeakerState.WAITING, SpeakerState.SPEAKING))
          > 0) {
        throw ApiException.conflict(SpeakerMsg.ALREADY_WAITING);
      }
    }
    r.item = m.currentItemId == null ? null : AgendaItem.findById(m.currentItemId);
    r.kind = in.kind();
    r.note = Texts.blankToNull(in.note());
    r.state = SpeakerState.WAITING;
    r.requestedAt = clock.instant();
    r.requestedBy = current.name();
    r.limitSeconds = limitFor(m, r.item);
    List<SpeakerRequest> waiting = waiting(m);
    if (in.kind() == SpeakerKind.POINT_OF_ORDER) {
      // a point of order goes before everyone waiting (after earlier points of order)
      int at = 0;
      while (at < waiting.size() && waiting.get(at).kind == SpeakerKind.POINT_OF_ORDER) {
        at++;
      }
      waiting.add(at, r);
    } else {
      waiting.add(r);
    }
    r.persist();
    renumber(waiting);
    changed(m, "speaker.requested", describe(r));
    return queue(m, current.personId());
  }

  /** The room whose device account is calling; with several, the one named. */
  private Endpoint ownRoom(Meeting m, Long endpointId) {
    List<Endpoint> rooms =
        MeetingEndpoint.operatedBy(m, current.personId()).stream()
            .map(x -> x.endpoint)
            .filter(e -> endpointId == null || e.id.equals(endpointId))
            .toList();
    if (rooms.size() != 1) {
      throw ApiException.invalid("endpointId", SpeakerMsg.WHICH_ROOM);
    }
    return rooms.get(0);
  }

  /** Its author (or the room's device) withdraws a waiting request; the chair may too. */
  public Queue withdraw(long meetingId, long requestId) {
    Meeting.lockRow(meetingId); // its operation is decided below, once whose request it is is known
    Access a = access.require(meetingId, MeetingOp.FOLLOW_LIVE);
    Meeting m = a.meeting();
    SpeakerRequest r = find(m, requestId);
    boolean own = r.isOf(current.personId());
    if (!own) {
      access.require(a, MeetingOp.RUN_SESSION);
    } else {
      access.require(a, MeetingOp.ASK_TO_SPEAK);
    }
    if (r.state != SpeakerState.WAITING) {
      throw ApiException.conflict(SpeakerMsg.NOT_WAITING);
    }
    r.state = own ? SpeakerState.WITHDRAWN : SpeakerState.CANCELLED;
    r.endedAt = clock.instant();
    renumber(waiting(m));
    changed(m, own ? "speaker.withdrawn" : "speaker.removed", describe(r));
    return queue(m, current.personId());
  }

  // --- the chair ----------------------------------------------------------------------------

  public Queue move(long meetingId, long requestId, int position) {
    Meeting m = access.require(meetingId, MeetingOp.RUN_SESSION).meeting();
    SpeakerRequest r = find(m, requestId);
    if (r.state != SpeakerState.WAITING) {
      throw ApiException.conflict(SpeakerMsg.NOT_WAITING);
    }
    List<SpeakerRequest> waiting = waiting(m);
    waiting.removeIf(w -> w.id.equals(r.id));
    waiting.add(Math.min(position, waiting.size()), r);
    renumber(waiting);
    changed(m, "speaker.moved", describe(r) + " -> " + position);
    return queue(m, current.personId());
  }

  /** Gives the floor to a waiting request (or the first one); whoever spoke is done. */
  public Queue giveFloor(long meetingId, Long requestId) {
    Meeting m = access.require(meetingId, MeetingOp.RUN_SESSION).meeting();
    SpeakerRequest next;
    if (requestId == null) {
      List<SpeakerRequest> waiting = waiting(m);
      if (waiting.isEmpty()) {
        throw ApiException.conflict(SpeakerMsg.QUEUE_EMPTY);
      }
      next = waiting.get(0);
    } else {
      next = find(m, requestId);
      if (next.state != SpeakerState.WAITING) {
        throw ApiException.conflict(SpeakerMsg.NOT_WAITING);
      }
    }
    endSpeaking(m);
    Instant now = clock.instant();
    next.state = SpeakerState.SPEAKING;
    next.startedAt = now;
    next.pausedAt = m.paused ? now : null;
    next.limitSeconds = limitFor(m, next.item);
    renumber(waiting(m));
    changed(m, "speaker.floor", describe(next));
    return queue(m, current.personId());
  }

  public Queue end(long meetingId) {
    Meeting m = access.require(meetingId, MeetingOp.RUN_SESSION).meeting();
    if (!endSpeaking(m)) {
      throw ApiException.conflict(SpeakerMsg.NOT_SPEAKING);
    }
    changed(m, "speaker.ended", null);
    return queue(m, current.personId());
  }

  public Queue pauseSpeech(long meetingId) {
    Meeting m = access.require(meetingId, MeetingOp.RUN_SESSION).meeting();
    SpeakerRequest r = speaking(m);
    if (r == null) {
      throw ApiException.conflict(SpeakerMsg.NOT_SPEAKING);
    }
    if (r.pausedAt != null) {
      throw ApiException.conflict(SpeakerMsg.ALREADY_PAUSED);
    }
    r.pausedAt = clock.instant();
    changed(m, "speaker.paused", describe(r));
    return queue(m, current.personId());
  }

  public Queue resumeSpeech(long meetingId) {
    Meeting m = access.require(meetingId, MeetingOp.RUN_SESSION).meeting();
    SpeakerRequest r = speaking(m);
    if (r == null) {
      throw ApiException.conflict(SpeakerMsg.NOT_SPEAKING);
    }
    if (r.pausedAt == null) {
      throw ApiException.conflict(SpeakerMsg.NOT_PAUSED);
    }
    unpause(r);
    changed(m, "speaker.resumed", describe(r));
    return queue(m, current.personId());
  }

  public Queue setOpen(long meetingId, boolean open) {
    Meeting m = access.require(meetingId, MeetingOp.RUN_SESSION).meeting();
    m.queueOpen = open;
    changed(m, open ? "speaker.queue.opened" : "speaker.queue.closed", null);
    return queue(m, current.personId());
  }

  /** The meeting's default time of one speech (an item may override it). */
  public Queue setDefaultLimit(long meetingId, int seconds) {
    Meeting m = access.require(meetingId, MeetingOp.RUN_SESSION).meeting();
    m.speechLimitSeconds = seconds;
    for (SpeakerRequest r : waiting(m)) {
      r.limitSeconds = limitFor(m, r.item);
    }
    changed(m, "speaker.limit", seconds + " s");
    return queue(m, current.personId());
  }

  // --- reacting to the session --------------------------------------------------------------

  void sessionPaused(@Observes MeetingEvents.SessionPaused e) {
    SpeakerRequest r = speaking(e.meeting());
    if (r != null && r.pausedAt == null) {
      r.pausedAt = clock.instant();
      r.pausedWithSession = true;
    }
  }

  /** Resumes the speech the session's pause paused; one the chair paused stays paused. */
  void sessionResumed(@Observes MeetingEvents.SessionResumed e) {
    SpeakerRequest r = speaking(e.meeting());
    if (r != null && r.pausedAt != null && r.pausedWithSession) {
      unpause(r);
    }
  }

  /** When the meeting ends the speech in progress ends and nobody waits any more. */
  void meetingEnded(@Observes MeetingEvents.Ended e) {
    endSpeaking(e.meeting());
    Instant now = clock.instant();
    for (SpeakerRequest r : waiting(e.meeting())) {
      r.state = SpeakerState.CANCELLED;
      r.endedAt = now;
    }
  }

  void itemDeleted(@Observes AgendaEvents.ItemDeleted e) {
    SpeakerRequest.update("item = null where item.id = ?1", e.itemId());
  }

  // --- helpers ------------------------------------------------------------------------------

  private boolean endSpeaking(Meeting m) {
    SpeakerRequest r = speaking(m);
    if (r == null) {
      return false;
    }
    if (r.pausedAt != null) {
      unpause(r);
    }
    r.state = SpeakerState.DONE;
    r.endedAt = clock.instant();
    return true;
  }

  private void unpause(SpeakerRequest r) {
    r.pausedSeconds += Math.max(0, Duration.between(r.pausedAt, clock.instant()).toSeconds());
    r.pausedAt = null;
    r.pausedWithSession = false;
  }

  private static SpeakerRequest speaking(Meeting m) {
    return SpeakerRequest.find("meeting = ?1 and state = ?2", m, SpeakerState.SPEAKING)
        .firstResult();
  }

  private static List<SpeakerRequest> waiting(Meeting m) {
    return new ArrayList<>(
        SpeakerRequest.<SpeakerRequest>list(
            "meeting = ?1 and state = ?2 order by position, id", m, SpeakerState.WAITING));
  }

  private static void renumber(List<SpeakerRequest> waiting) {
    for (int i = 0; i < waiting.size(); i++) {
      waiting.get(i).position = i;
    }
  }

  private static int limitFor(Meeting m, AgendaItem item) {
    return item != null && item.speechLimitSeconds != null
        ? item.speechLimitSeconds
        : m.speechLimitSeconds;
  }

  private static SpeakerRequest find(Meeting m, long id) {
    SpeakerRequest r = SpeakerRequest.findById(id);
    if (r == null || !r.meeting.id.equals(m.id)) {
      throw ApiException.notFound(SpeakerMsg.REQUEST, id);
    }
    return r;
  }

  private static String describe(SpeakerRequest r) {
    Person p = r.person;
    return (p != null ? p.username : r.endpoint == null ? "" : r.endpoint.code) + " " + r.kind;
  }

  private void changed(Meeting m, String action, String detail) {
    events.fire(new SpeakerEvents.QueueChanged(m, action, detail));
  }
}
