package vn.hopso.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.hopso.agenda.AgendaEvents;
import vn.hopso.agenda.AgendaRunService;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingEvents;
import vn.hopso.meeting.MeetingEvents.MeetingEvent;
import vn.hopso.meeting.ParticipantService;
import vn.hopso.speaker.SpeakerEvents;
import vn.hopso.speaker.SpeakerService;

/**
 * Writes what clients must learn about a meeting into its event log, inside the transaction of the
 * change (so an event exists exactly when its change committed), and asks the {@link Sequencer} to
 * number and publish them once the transaction has committed. Observes after the features' own
 * observers, so the data it records is the final state of the change.
 */
@ApplicationScoped
public class EventRecorder {
  /** Observed last: after the features reacted to the same event within the transaction. */
  static final int LATE = Interceptor.Priority.APPLICATION + 1000;

  private static final Object PENDING = new Object();
  private static final Object LOCKED = new Object();

  /**
   * The event telling someone that their right to follow the meeting changed: their connections
   * close after it and reconnect, and the new handshake decides (see {@link Hub.Delivered}).
   */
  public static final String ACCESS_CHANGED = "access.changed";

  @Inject ObjectMapper json;
  @Inject Clock clock;
  @Inject TransactionSynchronizationRegistry tx;
  @Inject Sequencer sequencer;
  @Inject AgendaRunService run;
  @Inject SpeakerService speakers;
  @Inject vn.hopso.auth.TicketService tickets;

  // --- what each domain event means for clients ----------------------------------------------

  void meeting(@Observes @Priority(LATE) MeetingEvent e) {
    Meeting m = e.meeting();
    serialize(m);
    if (e instanceof MeetingEvents.Started) {
      session(m);
    } else if (e instanceof MeetingEvents.Ended
        || e instanceof MeetingEvents.SessionPaused
        || e instanceof MeetingEvents.SessionResumed) {
      session(m);
      record(m, "speaker.changed", Audience.ALL, speakers.queue(m, null));
    } else if (e instanceof MeetingEvents.ParticipantRemoved r) {
      participants(m);
      accessChanged(m, Audience.person(r.participant().person.id));
    } else if (e instanceof MeetingEvents.Updated u) {
      record(m, "meeting.changed", Audience.ALL, meetingData(m));
      if (u.restricted()) {
        accessChanged(m, Audience.ALL);
      } else {
        u.relationChanged().forEach(id -> accessChanged(m, Audience.person(id)));
      }
    } else if (e instanceof MeetingEvents.ParticipantsAdded
        || e instanceof MeetingEvents.ParticipantUpdated
        || e instanceof MeetingEvents.ProxyChanged
        || e instanceof MeetingEvents.InvitationAnswered) {
      participants(m);
    } else if (e instanceof MeetingEvents.RoomsAdded) {
      record(m, "rooms.changed", Audience.ALL, Map.of());
    } else if (e instanceof MeetingEvents.RoomRemoved r) {
      record(m, "rooms.changed", Audience.ALL, Map.of("endpointId", r.endpoint().id));
      if (r.endpoint().account != null) {
        accessChanged(m, Audience.person(r.endpoint().account.id));
      }
    } else if (e instanceof MeetingEvents.HeadCountReported h) {
      record(
          m,
          "rooms.changed",
          Audience.ALL,
          Map.of("endpointId", h.room().endpoint.id, "headCount", h.room().headCount));
    } else if (e instanceof MeetingEvents.AttendanceChanged a) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("participantId", a.participant().id);
      data.put("personId", a.participant().person.id);
      data.put("attendance", a.participant().attendance);
      data.put("quorum", ParticipantService.quorumSummary(m));
      record(m, "attendance.changed", Audience.ALL, data);
    } else {
      record(m, "meeting.changed", Audience.ALL, meetingData(m));
    }
  }

  /** Rooms' status (the chair's grid): for those who run the meeting. */
  void rooms(@Observes @Priority(LATE) vn.hopso.video.VideoEvents.RoomsChanged e) {
    record(e.meeting(), "rooms.status", Audience.RUNNERS, e.changed());
  }

  /** The conference's stage: every client (each compares it with its own place). */
  void videoStage(@Observes @Priority(LATE) vn.hopso.video.VideoEvents.StageChanged e) {
    record(e.meeting(), "video.stage", Audience.ALL, e.stage());
  }

  /** The chair's command to the conference: every client (each does its part). */
  void videoCommand(@Observes @Priority(LATE) vn.hopso.video.VideoEvents.Commanded e) {
    record(e.meeting(), "video.command", Audience.ALL, e.command());
  }

  /**
   * The minutes changed: those who run the meeting follow the draft and the signing; once they are
   * published, everyone who follows the meeting learns of it.
   */
  void minutes(@Observes @Priority(LATE) vn.hopso.minutes.MinutesEvents.Changed e) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("minutesId", e.minutes().id);
    data.put("state", e.minutes().state);
    data.put("action", e.action());
    record(e.meeting(), "minutes.changed", e.published() ? Audience.ALL : Audience.RUNNERS, data);
  }

  /** Conclusions and tasks: for those who run the meeting (each task's people see it in theirs). */
  void tasks(@Observes @Priority(LATE) vn.hopso.minutes.MinutesEvents.TaskChanged e) {
    record(
        e.meeting(),
        "tasks.changed",
        Audience.RUNNERS,
        e.task() == null ? Map.of() : Map.of("taskId", e.task().id));
  }

  void agendaChanged(@Observes @Priority(LATE) AgendaEvents.AgendaChanged e) {
    record(e.meeting(), "agenda.changed", Audience.MANAGERS, Map.of());
  }

  void agendaPublished(@Observes @Priority(LATE) AgendaEvents.AgendaPublished e) {
    serialize(e.meeting());
    record(e.meeting(), "agenda.published", Audience.ALL, Map.of("version", e.version()));
    if (e.meeting().status == vn.hopso.meeting.MeetingStatus.IN_PROGRESS) {
      session(e.meeting());
    }
  }

  /** Moving through the agenda changes the session only (not the meeting's own fields). */
  void run(@Observes @Priority(LATE) AgendaRunService.RunChanged e) {
    serialize(e.meeting());
    record(e.meeting(), "session.changed", Audience.ALL, sessionData(e.meeting()));
  }

  void speaker(@Observes @Priority(LATE) SpeakerEvents.QueueChanged e) {
    serialize(e.meeting());
    record(e.meeting(), "speaker.changed", Audience.ALL, speakers.queue(e.meeting(), null));
  }

  /**
   * Documents carry only ids over the live channel: each reader fetches the list again, which holds
   * only what they may read (a restricted document's title never reaches the others). Events with
   * ids only need not take the meeting's row lock ({@link #serialize}): nothing in them depends on
   * the order of concurrent changes, and annotation saves of a whole room must not queue on it.
   */
  void documents(@Observes @Priority(LATE) vn.hopso.document.DocumentEvents.Changed e) {
    record(
        e.meeting(),
        "documents.changed",
        Audience.ALL,
        Map.of("documentId", e.documentId(), "action", e.action()));
  }

  void firstRead(@Observes @Priority(LATE) vn.hopso.document.DocumentEvents.FirstRead e) {
    record(
        e.meeting(),
        "documents.read",
        Audience.MANAGERS,
        Map.of("documentId", e.documentId(), "personId", e.personId()));
  }

  /** The author's other devices fetch the annotations again; everyone's when one is shared. */
  void annotations(
      @Observes @Priority(LATE) vn.hopso.document.DocumentEvents.AnnotationsChanged e) {
    record(
        e.meeting(),
        "annotations.changed",
        e.shared() ? Audience.ALL : Audience.person(e.personId()),
        Map.of("documentId", e.documentId(), "personId", e.personId()));
  }

  /**
   * Polls: a change of state to everyone (a draft's to those who run the meeting); a published
   * result carries the result itself, so every tablet and room screen draws it without a request.
   * Nothing here ever names a voter with a choice.
   */
  void poll(@Observes @Priority(LATE) vn.hopso.vote.PollEvents.Changed e) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("pollId", e.poll().id);
    data.put("state", e.action().equals("poll.deleted") ? "DELETED" : e.poll().state);
    record(e.meeting(), "poll.changed", e.draft() ? Audience.RUNNERS : Audience.ALL, data);
    if (e.action().equals("poll.published")) {
      try {
        record(
            e.meeting(),
            "poll.published",
            Audience.ALL,
            Map.of("pollId", e.poll().id, "result", json.readTree(e.poll().result)));
      } catch (JsonProcessingException x) {
        throw new IllegalStateException("stored poll result " + e.poll().id, x);
      }
    }
  }

  void pollProgress(@Observes @Priority(LATE) vn.hopso.vote.PollEvents.Progress e) {
    record(
        e.meeting(),
        "poll.progress",
        Audience.ALL,
        Map.of("pollId", e.pollId(), "cast", e.cast(), "entitled", e.entitled()));
  }

  /** Analog figures as they are entered: only those who run the meeting follow them. */
  void pollCounted(@Observes @Priority(LATE) vn.hopso.vote.PollEvents.Counted e) {
    record(
        e.meeting(),
        "poll.changed",
        Audience.RUNNERS,
        Map.of("pollId", e.poll().id, "state", e.poll().state));
  }

  /**
   * Someone's right to follow the meeting changed: their open sockets are told (and reconnect),
   * their unused tickets for it stop working.
   */
  private void accessChanged(Meeting m, String audience) {
    record(m, ACCESS_CHANGED, audience, Map.of());
    String scope = LiveAuth.meetingScope(m.id);
    if (Audience.ALL.equals(audience)) {
      tickets.revokeScope(scope);
    } else {
      tickets.revoke(Long.parseLong(audience.substring(audience.indexOf(':') + 1)), scope);
    }
  }

  private void participants(Meeting m) {
    record(
        m,
        "participants.changed",
        Audience.ALL,
        Map.of(
            "total", vn.hopso.meeting.Participant.count("meeting", m),
            "quorum", ParticipantService.quorumSummary(m)));
  }

  private void session(Meeting m) {
    record(m, "meeting.changed", Audience.ALL, meetingData(m));
    record(m, "session.changed", Audience.ALL, sessionData(m));
  }

  static Map<String, Object> meetingData(Meeting m) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", m.status);
    data.put("paused", m.paused);
    data.put("pausedAt", m.pausedAt);
    data.put("sessionStartedAt", m.sessionStartedAt);
    data.put("version", m.version);
    return data;
  }

  Map<String, Object> sessionData(Meeting m) {
    Map<String, Object> data = meetingData(m);
    data.put("currentItemId", m.currentItemId);
    data.put("items", run.runItems(m));
    return data;
  }

  // --- writing and publishing ----------------------------------------------------------------

  /** Adds an event to the meeting's log in the current transaction. */
  public void record(Meeting m, String type, String audience, Object data) {
    MeetingEventRow row = new MeetingEventRow();
    row.meetingId = m.id;
    row.type = type;
    row.audience = audience;
    row.at = clock.instant();
    try {
      row.data = json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("live event data for " + type, e);
    }
    row.persist();
    pending().add(m.id);
  }

  /**
   * Holds the meeting's row lock from here to the commit, once per transaction, before an event's
   * data is computed: events that carry whole-meeting figures (the queue, the quorum, the agenda's
   * states) are computed one transaction after another, each seeing the ones before, and numbered
   * in that order (their ids come from the sequence one at a time, after the lock). Without it two
   * check-ins in the same instant would each report the quorum without the other.
   */
  private void serialize(Meeting m) {
    @SuppressWarnings("unchecked")
    Set<Long> locked = (Set<Long>) tx.getResource(LOCKED);
    if (locked == null) {
      locked = new HashSet<>();
      tx.putResource(LOCKED, locked);
    }
    if (locked.add(m.id)) {
      Meeting.lockRow(m.id);
    }
  }

  /** Meetings with new events in this transaction; sequenced once it has committed. */
  @SuppressWarnings("unchecked")
  private Set<Long> pending() {
    Set<Long> pending = (Set<Long>) tx.getResource(PENDING);
    if (pending == null) {
      Set<Long> fresh = new HashSet<>();
      tx.putResource(PENDING, fresh);
      tx.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                sequencer.request(fresh);
              }
            }
          });
      pending = fresh;
    }
    return pending;
  }
}
