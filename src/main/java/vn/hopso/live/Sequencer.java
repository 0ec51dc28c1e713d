package vn.hopso.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives committed events their place in their meeting's gapless order, then publishes them: to the
 * connections of this instance, and (on PostgreSQL) to every other instance with NOTIFY. One
 * meeting is sequenced by one instance at a time (the meeting's counter row is locked); other
 * writes never wait on it. A sweep picks up what an instance that stopped left unsequenced.
 */
@ApplicationScoped
public class Sequencer {
  private static final Logger LOG = Logger.getLogger(Sequencer.class);

  /** The PostgreSQL channel that carries "meetingId:lastSeq" between instances. */
  public static final String CHANNEL = "hopso_live";

  @Inject EntityManager em;
  @Inject Hub hub;
  @Inject Clock clock;

  @ConfigProperty(name = "quarkus.datasource.db-kind")
  String dbKind;

  private final Set<Long> queued = ConcurrentHashMap.newKeySet();
  private final ExecutorService workers =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "hopso-sequencer");
            t.setDaemon(true);
            return t;
          });

  boolean postgres() {
    return dbKind.startsWith("postgres");
  }

  /** Sequences these meetings soon (called after a commit that recorded events for them). */
  public void request(Collection<Long> meetingIds) {
    for (Long id : meetingIds) {
      if (queued.add(id)) {
        workers.submit(() -> run(id));
      }
    }
  }

  private void run(long meetingId) {
    queued.remove(meetingId); // a request from now on schedules another run
    try {
      sequence(meetingId);
    } catch (RuntimeException e) {
      LOG.warnf(e, "sequencing meeting %d failed; the sweep will retry", meetingId);
    }
  }

  /** Numbers the meeting's pending events; answers the last number given (or known). */
  public long sequence(long meetingId) {
    long last =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  MeetingLive live =
                      em.find(MeetingLive.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
                  if (live == null) {
                    live = new MeetingLive();
                    live.meetingId = meetingId;
                    em.persist(live);
                    em.flush();
                  }
                  List<MeetingEventRow> pending =
                      MeetingEventRow.list("meetingId = ?1 and seq is null order by id", meetingId);
                  for (MeetingEventRow r : pending) {
                    r.seq = ++live.lastSeq;
                  }
                  if (!pending.isEmpty() && postgres()) {
                    em.createNativeQuery("select pg_notify(?1, ?2)")
                        .setParameter(1, CHANNEL)
                        .setParameter(2, meetingId + ":" + live.lastSeq)
                        .getSingleResult();
                  }
                  return live.lastSeq;
                });
    hub.advance(meetingId, last);
    return last;
  }

  /**
   * Delivers whatever is committed for a meeting (after the feed from other instances was lost).
   */
  void catchUp(long meetingId) {
    hub.advance(
        meetingId, QuarkusTransaction.requiringNew().call(() -> MeetingLive.lastSeq(meetingId)));
  }

  /** Events an instance recorded but never sequenced (it stopped right after a commit). */
  @Scheduled(every = "2s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    List<Long> meetings =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createQuery(
                            "select distinct e.meetingId from MeetingEventRow e"
                                + " where e.seq is null and e.at < :before",
                            Long.class)
                        .setParameter("before", clock.instant().minus(Duration.ofSeconds(1)))
                        .getResultList());
    request(meetings);
  }

  void stop(@Observes ShutdownEvent event) {
    workers.shutdown();
  }
}
