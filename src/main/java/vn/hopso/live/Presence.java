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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import vn.hopso.meeting.Meeting;

/**
 * Who is connected to a meeting — people and rooms — across all instances: each instance keeps rows
 * for its own connections and refreshes them; rows an instance stopped refreshing expire. A
 * person's first connection and last disconnection are events for the meeting's runners.
 */
@ApplicationScoped
public class Presence {
  private static final Logger LOG = Logger.getLogger(Presence.class);

  /** Rows not refreshed for this long belong to an instance that stopped. */
  static final Duration STALE = Duration.ofSeconds(60);

  @Inject Hub hub;
  @Inject EntityManager em;
  @Inject EventRecorder recorder;
  @Inject Clock clock;

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "hopso-presence");
            t.setDaemon(true);
            return t;
          });

  /**
   * Who is online now, for the meeting's runners: people (persons connected for themselves, on any
   * device) and rooms (a room's own screen or operator PC, through its device account).
   */
  public record Online(long people, long rooms, List<Long> personIds, List<Long> endpointIds) {}

  void joined(LiveConnection c) {
    worker.submit(() -> update(c, +1));
  }

  void left(LiveConnection c) {
    worker.submit(() -> update(c, -1));
  }

  private void update(LiveConnection c, int delta) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                Instant now = clock.instant();
                PresenceRow.Key key = new PresenceRow.Key(c.meetingId, c.personId, hub.instanceId);
                PresenceRow row = em.find(PresenceRow.class, key);
                boolean before = online(c.meetingId, c.personId);
                if (row == null && delta > 0) {
                  row = new PresenceRow();
                  row.key = key;
                  row.endpointId = c.endpointId;
                  row.connections = delta;
                  row.connectedAt = now;
                  row.seenAt = now;
                  row.persist();
                } else if (row != null) {
                  row.connections = Math.max(0, row.connections + delta);
                  row.seenAt = now;
                  if (row.connections == 0) {
                    row.delete();
                  }
                }
                em.flush();
                boolean after = online(c.meetingId, c.personId);
                if (before != after) {
                  Meeting m = em.find(Meeting.class, c.meetingId);
                  if (m != null) {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("personId", c.personId);
                    data.put("endpointId", c.endpointId);
                    data.put("online", after);
                    Online now2 = online(c.meetingId);
                    data.put("people", now2.people());
                    data.put("rooms", now2.rooms());
                    recorder.record(m, "presence.changed", Audience.RUNNERS, data);
                  }
                }
              });
    } catch (RuntimeException e) {
      LOG.warnf(e, "presence of %d in meeting %d not recorded", c.personId, c.meetingId);
    }
  }

  private boolean online(long meetingId, long personId) {
    return PresenceRow.count(
            "key.meetingId = ?1 and key.personId = ?2 and seenAt > ?3",
            meetingId,
            personId,
            clock.instant().minus(STALE))
        > 0;
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
            .toList();
    List<Long> rooms =
        rows.stream().map(r -> r.endpointId).filter(e -> e != null).distinct().toList();
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
    worker.shutdown();
    try {
      QuarkusTransaction.requiringNew()
          .run(() -> PresenceRow.delete("key.instanceId = ?1", hub.instanceId));
    } catch (RuntimeException e) {
      // the database may be gone already; the rows expire
    }
  }
}
