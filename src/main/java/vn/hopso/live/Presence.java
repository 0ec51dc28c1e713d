package vn.hopso.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import vn.hopso.common.Coalescer;
import vn.hopso.meeting.Meeting;

/**
 * Who is connected to a meeting — people and rooms — across all instances. Each instance counts its
 * own connections in memory and writes them to its rows in the shared table in batches (at most a
 * few times a second, one transaction for everything that changed meanwhile): 856 rooms coming back
 * after a restart cost a handful of transactions, not 856. Rows an instance stopped refreshing
 * expire. When who is online changes, the meeting's runners get one {@code presence.changed} event
 * per batch with the whole picture.
 */
@ApplicationScoped
public class Presence {
  private static final Logger LOG = Logger.getLogger(Presence.class);

  /** Rows not refreshed for this long belong to an instance that stopped. */
  static final Duration STALE = Duration.ofSeconds(60);

  /** Changes wait this long to be written together. */
  static final long BATCH_MILLIS = 150;

  @Inject Hub hub;
  @Inject EntityManager em;
  @Inject EventRecorder recorder;
  @Inject Clock clock;

  /**
   * Who is online now, for the meeting's runners: people (persons connected for themselves, on any
   * device) and rooms (a room's own screen or operator PC, through its device account).
   */
  public record Online(long people, long rooms, List<Long> personIds, List<Long> endpointIds) {}

  /** This instance's connections of one person to one meeting. */
  private record Local(int connections, Long endpointId) {}

  private record Key(long meetingId, long personId) {}

  private final Map<Key, Local> local = new ConcurrentHashMap<>();
  private final Coalescer<Key> batches =
      new Coalescer<>("hopso-presence", BATCH_MILLIS, this::flush);

  void joined(LiveConnection c) {
    change(c, +1);
  }

  void left(LiveConnection c) {
    change(c, -1);
  }

  private void change(LiveConnection c, int delta) {
    Key key = new Key(c.meetingId, c.personId);
    local.compute(
        key,
        (k, was) -> {
          int n = (was == null ? 0 : was.connections()) + delta;
          return n <= 0 ? null : new Local(n, c.endpointId);
        });
    batches.mark(key);
  }

  /**
   * Writes what changed since the last batch; tells the runners of meetings whose picture moved.
   */
  private void flush(List<Key> changed) {
    Map<Long, List<Key>> byMeeting = new HashMap<>();
    for (Key k : changed) {
      byMeeting.computeIfAbsent(k.meetingId(), id -> new ArrayList<>()).add(k);
    }
    for (Map.Entry<Long, List<Key>> e : byMeeting.entrySet()) {
      try {
        QuarkusTransaction.requiringNew().run(() -> write(e.getKey(), e.getValue()));
      } catch (RuntimeException ex) {
        if (!batches.stopped()) {
          LOG.warnf(ex, "presence in meeting %d not recorded; retrying", e.getKey());
          batches.retry(e.getValue(), 2000);
        }
      }
    }
  }

  private void write(long meetingId, List<Key> keys) {
    Instant now = clock.instant();
    Online before = online(meetingId);
    Map<Long, PresenceRow> mine = new HashMap<>();
    for (PresenceRow r :
        PresenceRow.<PresenceRow>list(
            "key.meetingId = ?1 and key.instanceId = ?2", meetingId, hub.instanceId)) {
      mine.put(r.key.personId(), r);
    }
    for (Key k : keys) {
      Local l = local.get(k);
      PresenceRow row = mine.get(k.personId());
      if (l == null) {
        if (row != null) {
          row.delete();
        }
      } else if (row == null) {
        row = new PresenceRow();
        row.key = new PresenceRow.Key(meetingId, k.personId(), hub.instanceId);
        row.endpointId = l.endpointId();
        row.connections = l.connections();
        row.connectedAt = now;
        row.seenAt = now;
        row.persist();
      } else {
        row.connections = l.connections();
        row.endpointId = l.endpointId();
        row.seenAt = now;
      }
    }
    em.flush();
    Online after = online(meetingId);
    if (!Set.copyOf(before.personIds()).equals(Set.copyOf(after.personIds()))
        || !Set.copyOf(before.endpointIds()).equals(Set.copyOf(after.endpointIds()))) {
      Meeting m = em.find(Meeting.class, meetingId);
      if (m != null) {
        recorder.record(m, "presence.changed", Audience.RUNNERS, after);
      }
    }
  }

  /** Who is connected to a meeting through any instance (call within a transaction). */
  public Online online(long meetingId) {
    List<PresenceRow> rows =
        PresenceRow.list(
            "key.meetingId = ?1 and seenAt > ?2", meetingId, clock.instant().minus(STALE));
    List<Long> people =
        rows.stream()
            .filter(r -> r.endpointId == null)
            .map(r -> r.key.personId())
            .distinct()
            .sorted()
            .toList();
    List<Long> rooms =
        rows.stream().map(r -> r.endpointId).filter(e -> e != null).distinct().sorted().toList();
    return new Online(people.size(), rooms.size(), people, rooms);
  }

  /** Keeps this instance's rows fresh, and forgets rows of instances that stopped. */
  @Scheduled(
      every = "20s",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void refresh() {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Instant now = clock.instant();
              PresenceRow.update("seenAt = ?1 where key.instanceId = ?2", now, hub.instanceId);
              PresenceRow.delete("seenAt < ?1", now.minus(STALE.multipliedBy(5)));
            });
  }

  void stop(@Observes ShutdownEvent event) {
    batches.stop(); // this instance's rows go below, whatever was pending
    try {
      QuarkusTransaction.requiringNew()
          .run(() -> PresenceRow.delete("key.instanceId = ?1", hub.instanceId));
    } catch (RuntimeException e) {
      // the database may be gone already; the rows expire
    }
  }
}
