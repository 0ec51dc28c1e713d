package vn.hopso.vote;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.hopso.common.DomainEvent;
import vn.hopso.meeting.Meeting;

/**
 * Twice a second, on every instance, for each open poll: closes it when its time is up or when
 * every principal who can vote has voted, and otherwise announces its ballot count when it changed
 * (the count only, never content), at most once a second ({@code hopso.polls.progress-every}).
 * Announcing through a counter row of its own keeps instances from announcing the same count twice
 * or too often, and keeps the ballots' shared lock on the poll row free.
 *
 * <p>Why the count is paced apart from the tick: a countdown should close on time, so the tick is
 * short; but each announcement goes to every socket of the meeting (2,000 in a province-wide
 * session), and in a cast spread over a second that fan-out was a fifth of the server's CPU at two
 * announcements a second (docs/votes.md). A count one second old is as good to a delegate.
 */
@ApplicationScoped
public class PollTicker {
  private static final Logger LOG = Logger.getLogger(PollTicker.class);

  @Inject PollService polls;
  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Event<DomainEvent> events;

  /** Ticks twice a second (see {@link #start}); off where the scheduler is (the tests tick). */
  @ConfigProperty(name = "hopso.polls.tick", defaultValue = "500ms")
  java.time.Duration period;

  /** The least time between two announcements of one poll's count, across instances. */
  @ConfigProperty(name = "hopso.polls.progress-every", defaultValue = "1s")
  java.time.Duration progressEvery;

  @ConfigProperty(name = "quarkus.scheduler.enabled", defaultValue = "true")
  boolean enabled;

  private final java.util.concurrent.atomic.AtomicBoolean ticking =
      new java.util.concurrent.atomic.AtomicBoolean();

  private io.vertx.core.Vertx vertx;
  private long timer = -1;
  private volatile boolean stopping;

  /**
   * A Vert.x timer rather than {@code @Scheduled}: Quarkus's scheduler runs nothing more often than
   * once a second (it warned and ran the half-second tick every second), and a countdown should
   * close on time. One tick at a time, on a worker thread; a tick still running when the next is
   * due makes that one skip.
   */
  void start(@Observes StartupEvent e, io.vertx.core.Vertx vertx) {
    if (!enabled) {
      return;
    }
    this.vertx = vertx;
    timer =
        vertx.setPeriodic(
            2000,
            Math.max(100, period.toMillis()),
            id -> {
              if (!ticking.compareAndSet(false, true)) {
                return;
              }
              vertx
                  .executeBlocking(
                      () -> {
                        tick();
                        return null;
                      },
                      false)
                  .onComplete(
                      r -> {
                        ticking.set(false);
                        if (r.failed() && !stopping) {
                          LOG.warn("poll tick failed", r.cause());
                        }
                      });
            });
  }

  /**
   * No tick once the application stops: one falling due while Hibernate shuts down failed with a
   * warning in every stop's log.
   */
  void stop(@Observes io.quarkus.runtime.ShutdownEvent e) {
    stopping = true; // a tick under way may still fail as the persistence unit closes
    if (vertx != null && timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  @ActivateRequestContext
  void tick() {
    List<Long> open =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createQuery("select p.id from Poll p where p.state = ?1", Long.class)
                        .setParameter(1, PollState.OPEN)
                        .getResultList());
    for (Long id : open) {
      try {
        QuarkusTransaction.requiringNew().run(() -> tick(id));
      } catch (RuntimeException e) {
        LOG.warnf(e, "poll %d: tick failed", id);
      }
    }
  }

  private void tick(long id) {
    Poll p = Poll.findById(id);
    if (p == null || p.state != PollState.OPEN) {
      return;
    }
    if (p.closesAt != null && !clock.instant().isBefore(p.closesAt)) {
      close(p, "hết giờ / time up");
      return;
    }
    if (p.analog) {
      return; // figures typed in: no count to announce, no "everyone has voted"
    }
    Meeting m = p.meeting;
    long cast = PollVoter.count("pollId", id);
    long entitled = PollService.entitledNow(m);
    if (entitled > 0 && cast >= entitled) {
      close(p, "đủ phiếu / all voted");
      return;
    }
    java.time.Instant now = clock.instant();
    int updated =
        em.createNativeQuery(
                "update poll_progress set shown = ?1, shown_at = ?2 where poll_id = ?3"
                    + " and shown <> ?1 and (shown_at is null or shown_at <= ?4)")
            .setParameter(1, (int) cast)
            .setParameter(2, now)
            .setParameter(3, id)
            .setParameter(4, now.minus(pace()))
            .executeUpdate();
    if (updated == 0) {
      return; // unchanged, announced less than progressEvery ago, or by another instance
    }
    events.fire(new PollEvents.Progress(m, id, cast, entitled));
  }

  /**
   * The least age of the last announcement for a new one: {@code progress-every} less half a tick,
   * so that the tick falling due just before a full second (timers drift by milliseconds) still
   * announces, instead of waiting one tick more.
   */
  private java.time.Duration pace() {
    java.time.Duration d = progressEvery.minus(period.dividedBy(2));
    return d.isNegative() ? java.time.Duration.ZERO : d;
  }

  /**
   * Closes the poll read above unlocked (so that ticks never wait on the ballots' shared lock):
   * read again under the exclusive lock, it may have been closed meanwhile by someone or another
   * instance.
   */
  private void close(Poll p, String by) {
    em.refresh(p, LockModeType.PESSIMISTIC_WRITE);
    if (p.state == PollState.OPEN) {
      polls.closeLocked(p, by);
    }
  }
}
