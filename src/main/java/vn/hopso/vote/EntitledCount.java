package vn.hopso.vote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingEvents;

/**
 * The "entitled" figure that an open poll's view shows ({@link PollService#entitledNow}), counted
 * once for many readers. When a poll opens, every tablet and room screen of the meeting fetches it
 * at once (the web app refetches on {@code poll.changed}); counting the meeting's present voters
 * for each read made that O(n²): with 2,000 tablets, 2,000 counts of 2,000 participants, a full
 * second of database CPU per 1,000 tablets (pg_stat_statements under bench/vote.sh).
 *
 * <p>Exact on this instance: any meeting event (an attendance, a proxy, a voting right, a
 * participant added or removed…) makes every count counted before its commit stale, since a count
 * is kept only with the number of committed changes it was counted after. Another instance's
 * changes reach this one at most {@code hopso.polls.entitled-for} later, as the live count does.
 * What decides (the auto-close, the figures at close) never reads this: it counts.
 */
@ApplicationScoped
public class EntitledCount {
  /** How long a count may serve without a change seen here (other instances' changes). */
  @ConfigProperty(name = "hopso.polls.entitled-for", defaultValue = "1s")
  Duration keep;

  /** Meeting changes committed on this instance so far. */
  private final AtomicLong changes = new AtomicLong();

  private record Counted(long changes, long atNanos, long count) {}

  private final ConcurrentHashMap<Long, Counted> byMeeting = new ConcurrentHashMap<>();

  long of(Meeting m) {
    long seen = changes.get(); // read before counting: a change committed meanwhile outdates it
    long now = System.nanoTime();
    Counted c = byMeeting.get(m.id);
    if (c != null && c.changes() == seen && now - c.atNanos() < keep.toNanos()) {
      return c.count();
    }
    long count = PollService.entitledNow(m);
    byMeeting.put(m.id, new Counted(seen, now, count));
    return count;
  }

  /** After the commit, so that no count read before it is kept beyond it. */
  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingEvents.MeetingEvent e) {
    changes.incrementAndGet();
    byMeeting.remove(e.meeting().id);
  }
}
