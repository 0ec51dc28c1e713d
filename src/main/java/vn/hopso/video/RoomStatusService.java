package vn.hopso.video;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import vn.hopso.common.ApiException;
import vn.hopso.common.Coalescer;
import vn.hopso.common.DomainEvent;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingEndpoint;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.org.Endpoint;
import vn.hopso.org.EndpointStatus;
import vn.hopso.video.RoomViews.ConferenceState;
import vn.hopso.video.RoomViews.LinkQuality;
import vn.hopso.video.RoomViews.MediaState;
import vn.hopso.video.RoomViews.RoomBoard;
import vn.hopso.video.RoomViews.RoomCheckAnswers;
import vn.hopso.video.RoomViews.RoomChecks;
import vn.hopso.video.RoomViews.RoomCounts;
import vn.hopso.video.RoomViews.RoomProblem;
import vn.hopso.video.RoomViews.RoomReport;
import vn.hopso.video.RoomViews.RoomState;
import vn.hopso.video.RoomViews.RoomsStatus;

/**
 * Every room's status in a meeting. A room's display is connected to one instance over the live
 * channel; that instance counts its connections and takes its reports (every few seconds, and at
 * once when something changes) in memory, and writes what changed to the shared {@code room_status}
 * table in batches: one transaction per meeting for everything that arrived in the last {@link
 * #BATCH_MILLIS}, so 356 rooms reporting every 5 s cost a few small transactions a second. A report
 * that changes nothing is only written to refresh the room's "last seen" every {@link #SEEN_EVERY}.
 * When a room's state as the grid shows it changes, the meeting's runners get one {@code
 * rooms.status} event per batch with the rooms that changed and the new counts.
 *
 * <p>A room whose row nobody refreshed for {@link #STALE} is offline (its display, or the instance
 * it was connected to, is gone); a sweep marks it so and tells the runners.
 */
@ApplicationScoped
public class RoomStatusService {
  private static final Logger LOG = Logger.getLogger(RoomStatusService.class);

  /** A row not refreshed for this long is a display that is gone. */
  static final Duration STALE = Duration.ofSeconds(45);

  /** Reports wait this long to be written together. */
  static final long BATCH_MILLIS = 200;

  /** A connected room's "last seen" is written at least this often. */
  static final Duration SEEN_EVERY = Duration.ofSeconds(15);

  @Inject EntityManager em;
  @Inject MeetingAccess access;
  @Inject Clock clock;
  @Inject Event<DomainEvent> events;

  /** This instance, in the rows it writes (a room's last writer). */
  final String instanceId = UUID.randomUUID().toString();

  private record Key(long meetingId, long endpointId) {}

  /** This instance's view of one room in one meeting (guarded by itself). */
  private static final class Local {
    int connections;

    /** The report not written yet, and the checks answered since the last batch (merged). */
    RoomReport pending;

    RoomCheckAnswers checks;

    /** Reports that wait for the batch that writes them. */
    final List<CompletableFuture<Void>> waiting = new ArrayList<>();

    /** The last report written, and when this instance last wrote the row. */
    RoomReport written;

    long writtenNanos;
  }

  private final Map<Key, Local> local = new ConcurrentHashMap<>();
  private final Coalescer<Key> batches =
      new Coalescer<>("hopso-room-status", BATCH_MILLIS, this::flush);

  // --- what the live channel tells -----------------------------------------------------------

  /** A display of the room opened a socket on the meeting (its device account's). */
  public void connected(long meetingId, long endpointId) {
    Key k = new Key(meetingId, endpointId);
    while (true) {
      Local l = local.computeIfAbsent(k, x -> new Local());
      synchronized (l) {
        // a batch may have just forgotten it (its last connection had closed): take a new one
        if (local.get(k) == l) {
          l.connections++;
          break;
        }
      }
    }
    markDirty(k);
  }

  public void disconnected(long meetingId, long endpointId) {
    Key k = new Key(meetingId, endpointId);
    Local l = local.get(k);
    if (l == null) {
      return;
    }
    synchronized (l) {
      l.connections = Math.max(0, l.connections - 1);
    }
    markDirty(k);
  }

  /**
   * A display's report. Completes once it is written (or at once when it changes nothing that needs
   * writing yet); fails with the policy's refusal when the room may not report now ({@link
   * MeetingOp#REPORT_ROOM_STATUS}: from 30 minutes before the start until the end).
   */
  public CompletableFuture<Void> report(long meetingId, long endpointId, RoomReport r) {
    Key k = new Key(meetingId, endpointId);
    Local l = local.computeIfAbsent(k, x -> new Local());
    CompletableFuture<Void> done = new CompletableFuture<>();
    boolean write;
    synchronized (l) {
      // the same report again (state and checks) is written only to refresh "last seen"
      write =
          l.pending != null
              || !r.equals(l.written)
              || System.nanoTime() - l.writtenNanos >= SEEN_EVERY.toNanos();
      if (write) {
        l.pending = r;
        l.checks = RoomCheckAnswers.merge(l.checks, r.checks());
        l.waiting.add(done);
      }
    }
    if (write) {
      markDirty(k);
    } else {
      done.complete(null);
    }
    return done;
  }

  private void markDirty(Key k) {
    batches.mark(k);
  }

  // --- writing -------------------------------------------------------------------------------

  /** What one room's batch takes from memory: its connections, its report, the waiting. */
  private record Taken(
      Key key,
      int connections,
      RoomReport report,
      RoomCheckAnswers checks,
      List<CompletableFuture<Void>> waiting) {}

  private void flush(List<Key> changed) {
    Map<Long, List<Taken>> byMeeting = new HashMap<>();
    for (Key k : changed) {
      Local l = local.get(k);
      if (l == null) {
        continue;
      }
      Taken t;
      synchronized (l) {
        t = new Taken(k, l.connections, l.pending, l.checks, List.copyOf(l.waiting));
        l.pending = null;
        l.checks = null;
        l.waiting.clear();
        if (t.report() != null) {
          l.written = t.report();
        }
        l.writtenNanos = System.nanoTime();
        if (l.connections == 0) {
          local.remove(k, l);
        }
      }
      byMeeting.computeIfAbsent(k.meetingId(), id -> new ArrayList<>()).add(t);
    }
    for (Map.Entry<Long, List<Taken>> e : byMeeting.entrySet()) {
      List<Taken> batch = e.getValue();
      ApiException refused;
      try {
        refused = QuarkusTransaction.requiringNew().call(() -> write(e.getKey(), batch));
      } catch (RuntimeException ex) {
        if (batches.stopped()) {
          return;
        }
        LOG.warnf(ex, "rooms' status in meeting %d not recorded; retrying", e.getKey());
        ApiException failed = ApiException.internal(ex, "a room's status was not recorded");
        for (Taken t : batch) {
          t.waiting().forEach(f -> f.completeExceptionally(failed));
          markDirty(t.key()); // its connection state is written again
        }
        continue;
      }
      for (Taken t : batch) {
        for (CompletableFuture<Void> f : t.waiting()) {
          if (refused != null && t.report() != null) {
            f.completeExceptionally(refused);
          } else {
            f.complete(null);
          }
        }
      }
    }
  }

  /**
   * Writes one meeting's batch; answers the policy's refusal of its reports (null when the rooms
   * may report now). Connections are written whatever the meeting's state: they are facts.
   */
  private ApiException write(long meetingId, List<Taken> batch) {
    Meeting m = em.find(Meeting.class, meetingId);
    if (m == null) {
      return ApiException.notFound(vn.hopso.meeting.MeetingMsg.MEETING, meetingId);
    }
    boolean mayReport = access.allowedAsRoom(m, MeetingOp.REPORT_ROOM_STATUS);
    Instant now = clock.instant();
    Map<Long, RoomStatusRow> rows = rows(meetingId);
    Map<Long, Shown> before = new HashMap<>();
    List<RoomStatusRow> created = new ArrayList<>();
    for (Taken t : batch) {
      long endpointId = t.key().endpointId();
      RoomStatusRow row = rows.get(endpointId);
      before.put(endpointId, shown(row, now));
      if (row == null) {
        if (t.connections() == 0) {
          continue; // connected and gone within one batch
        }
        row = new RoomStatusRow();
        row.key = new RoomStatusRow.Key(meetingId, endpointId);
        row.seenAt = now;
        rows.put(endpointId, row);
        created.add(row); // persisted once filled in: an insert takes the row as it is then
      }
      if (t.connections() > 0) {
        if (!row.connected) {
          row.connectedAt = now;
        }
        row.connected = true;
        row.instanceId = instanceId;
        row.seenAt = now;
        if (mayReport && t.report() != null) {
          apply(row, t, now);
        }
      } else if (instanceId.equals(row.instanceId) && row.connected) {
        // the display left this instance (not one that moved to another instance meanwhile)
        offline(row, now);
      }
    }
    created.forEach(r -> r.persist());
    em.flush();
    List<Long> changed = new ArrayList<>();
    for (Map.Entry<Long, Shown> b : before.entrySet()) {
      RoomStatusRow row = rows.get(b.getKey());
      if (!Objects.equals(b.getValue(), shown(row, now))) {
        changed.add(b.getKey());
      }
    }
    announce(m, rows, changed, now);
    return mayReport ? null : access.decideAsRoom(m, MeetingOp.REPORT_ROOM_STATUS);
  }

  private static void apply(RoomStatusRow row, Taken t, Instant now) {
    RoomReport r = t.report();
    row.conference = r.conference();
    row.camera = r.camera();
    row.microphone = r.microphone();
    row.quality = r.quality() == null ? LinkQuality.UNKNOWN : r.quality();
    row.jitsiId = r.jitsiId() == null || r.jitsiId().isEmpty() ? null : r.jitsiId();
    RoomCheckAnswers c = t.checks();
    if (c != null) {
      row.cameraOkAt = checked(c.camera(), row.cameraOkAt, now);
      row.microphoneOkAt = checked(c.microphone(), row.microphoneOkAt, now);
      row.speakersOkAt = checked(c.speakers(), row.speakersOkAt, now);
    }
  }

  private static Instant checked(Boolean answer, Instant was, Instant now) {
    if (answer == null) {
      return was;
    }
    return answer ? (was != null ? was : now) : null;
  }

  private static void offline(RoomStatusRow row, Instant now) {
    row.connected = false;
    row.conference = ConferenceState.NONE;
    row.camera = MediaState.UNKNOWN;
    row.microphone = MediaState.UNKNOWN;
    row.quality = LinkQuality.UNKNOWN;
    row.jitsiId = null;
    row.seenAt = now;
  }

  /**
   * Tells the runners which rooms changed, with the new counts, and keeps each room's own status
   * (the endpoints list) current. A bulk update: an administrator editing the room meanwhile does
   * not meet a version conflict.
   */
  private void announce(Meeting m, Map<Long, RoomStatusRow> rows, List<Long> changed, Instant now) {
    if (changed.isEmpty()) {
      return;
    }
    RoomBoard board = board(m, rows, now);
    Set<Long> which = Set.copyOf(changed);
    List<RoomState> rooms =
        board.rooms().stream().filter(r -> which.contains(r.endpointId())).toList();
    for (RoomState r : rooms) {
      em.createQuery("update Endpoint e set e.status = ?1, e.lastSeenAt = ?2 where e.id = ?3")
          .setParameter(1, endpointStatus(r))
          .setParameter(2, r.seenAt())
          .setParameter(3, r.endpointId())
          .executeUpdate();
    }
    if (!rooms.isEmpty()) {
      events.fire(new VideoEvents.RoomsChanged(m, new RoomsStatus(board.counts(), rooms)));
    }
  }

  // --- reading -------------------------------------------------------------------------------

  /** The grid of a meeting's rooms, for its runners ({@link MeetingOp#VIEW_ROOM_STATUS}). */
  @Transactional
  public RoomBoard board(long meetingId) {
    Meeting m = access.require(meetingId, MeetingOp.VIEW_ROOM_STATUS).meeting();
    return board(m, rows(m.id), clock.instant());
  }

  private Map<Long, RoomStatusRow> rows(long meetingId) {
    Map<Long, RoomStatusRow> rows = new HashMap<>();
    for (RoomStatusRow r : RoomStatusRow.<RoomStatusRow>list("key.meetingId = ?1", meetingId)) {
      rows.put(r.key.endpointId(), r);
    }
    return rows;
  }

  private static RoomBoard board(Meeting m, Map<Long, RoomStatusRow> rows, Instant now) {
    List<MeetingEndpoint> invited =
        MeetingEndpoint.list(
            "from MeetingEndpoint x join fetch x.endpoint e join fetch e.unit u"
                + " where x.meeting = ?1 order by u.sortKey, e.sortKey",
            m);
    List<RoomState> rooms = new ArrayList<>(invited.size());
    int connected = 0;
    int inConference = 0;
    int ready = 0;
    int checked = 0;
    for (MeetingEndpoint x : invited) {
      RoomState s = state(m, x.endpoint, rows.get(x.endpoint.id), now);
      rooms.add(s);
      connected += s.connected() ? 1 : 0;
      inConference += s.connected() && s.conference() == ConferenceState.JOINED ? 1 : 0;
      ready += s.ready() ? 1 : 0;
      checked += s.checks().all() ? 1 : 0;
    }
    return new RoomBoard(
        now,
        new RoomCounts(rooms.size(), connected, inConference, ready, rooms.size() - ready, checked),
        rooms);
  }

  private static RoomState state(Meeting m, Endpoint e, RoomStatusRow row, Instant now) {
    Shown s = shown(row, now);
    List<RoomProblem> problems = problems(s);
    return new RoomState(
        e.id,
        e.code,
        e.name,
        e.unit.id,
        e.unit.name,
        m.hostEndpoint != null && m.hostEndpoint.id.equals(e.id),
        s.live(),
        s.conference(),
        s.camera(),
        s.microphone(),
        s.quality(),
        s.jitsiId(),
        s.checks(),
        row == null ? null : row.seenAt,
        problems.isEmpty(),
        problems);
  }

  private static boolean live(RoomStatusRow row, Instant now) {
    return row != null && row.connected && row.seenAt.isAfter(now.minus(STALE));
  }

  /**
   * Why a room is not ready (none: it is): the one rule the grid, its counts and its "not ready"
   * filter follow. Ready is connected, in the conference with the camera on, a microphone (muted is
   * normal for a room that watches), a connection that is not poor, and the readiness check done.
   */
  static List<RoomProblem> problems(RoomStatusRow row, Instant now) {
    return problems(shown(row, now));
  }

  private static List<RoomProblem> problems(Shown s) {
    EnumSet<RoomProblem> p = EnumSet.noneOf(RoomProblem.class);
    if (!s.live()) {
      p.add(RoomProblem.OFFLINE);
    } else {
      if (s.conference() != ConferenceState.JOINED) {
        p.add(RoomProblem.NOT_IN_CONFERENCE);
      } else {
        if (s.camera() == MediaState.MISSING) {
          p.add(RoomProblem.CAMERA_MISSING);
        } else if (s.camera() == MediaState.MUTED) {
          p.add(RoomProblem.CAMERA_MUTED);
        }
        if (s.microphone() == MediaState.MISSING) {
          p.add(RoomProblem.MICROPHONE_MISSING);
        }
      }
      if (s.quality() == LinkQuality.POOR) {
        p.add(RoomProblem.POOR_CONNECTION);
      }
    }
    if (!s.checks().all()) {
      p.add(RoomProblem.NOT_CHECKED);
    }
    return List.copyOf(p);
  }

  /** The room's own status (the endpoints list), from its state in the meeting. */
  static EndpointStatus endpointStatus(RoomState r) {
    if (!r.connected()) {
      return EndpointStatus.OFFLINE;
    }
    if (r.conference() != ConferenceState.JOINED) {
      return EndpointStatus.CONNECTED;
    }
    return r.quality() == LinkQuality.POOR ? EndpointStatus.DEGRADED : EndpointStatus.IN_CONFERENCE;
  }

  /**
   * What the grid shows of a room's row (everything but "last seen", so that a batch tells what it
   * changed): a row no instance refreshed is offline, whatever it last said.
   */
  private record Shown(
      boolean live,
      ConferenceState conference,
      MediaState camera,
      MediaState microphone,
      LinkQuality quality,
      String jitsiId,
      RoomChecks checks) {}

  private static Shown shown(RoomStatusRow row, Instant now) {
    RoomChecks checks =
        row == null
            ? new RoomChecks(false, false, false)
            : new RoomChecks(
                row.cameraOkAt != null, row.microphoneOkAt != null, row.speakersOkAt != null);
    if (!live(row, now)) {
      return new Shown(
          false,
          ConferenceState.NONE,
          MediaState.UNKNOWN,
          MediaState.UNKNOWN,
          LinkQuality.UNKNOWN,
          null,
          checks);
    }
    return new Shown(
        true, row.conference, row.camera, row.microphone, row.quality, row.jitsiId, checks);
  }

  // --- upkeep --------------------------------------------------------------------------------

  /**
   * Refreshes the "last seen" of rooms connected here that report nothing new, and marks offline
   * the rooms nobody refreshed (their display or its instance is gone), telling the runners.
   */
  @Scheduled(
      every = "10s",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void upkeep() {
    long now = System.nanoTime();
    local.forEach(
        (k, l) -> {
          boolean due;
          synchronized (l) {
            due = l.connections > 0 && now - l.writtenNanos >= SEEN_EVERY.toNanos();
          }
          if (due) {
            markDirty(k);
          }
        });
    QuarkusTransaction.requiringNew().run(this::sweep);
  }

  private void sweep() {
    Instant now = clock.instant();
    List<RoomStatusRow> gone =
        RoomStatusRow.list("connected = true and seenAt < ?1", now.minus(STALE));
    Map<Long, List<Long>> byMeeting = new HashMap<>();
    for (RoomStatusRow row : gone) {
      offline(row, now);
      byMeeting
          .computeIfAbsent(row.key.meetingId(), id -> new ArrayList<>())
          .add(row.key.endpointId());
    }
    em.flush();
    for (Map.Entry<Long, List<Long>> e : byMeeting.entrySet()) {
      Meeting m = em.find(Meeting.class, e.getKey());
      if (m != null) {
        announce(m, rows(m.id), e.getValue(), now);
      }
    }
  }

  void stop(@Observes ShutdownEvent event) {
    batches.stop();
  }
}
