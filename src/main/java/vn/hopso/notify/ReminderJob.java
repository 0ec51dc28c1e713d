package vn.hopso.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.hopso.agenda.AgendaService;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingStatus;
import vn.hopso.meeting.Participant;

/**
 * Reminders before a meeting's start (by default one day and one hour before). Each reminder is
 * sent once even with several instances: the instance whose insert of the (meeting, offset) row
 * succeeds sends it, in the same transaction.
 */
@ApplicationScoped
public class ReminderJob {
  @Inject NotifyConfig config;
  @Inject Announcer announcer;
  @Inject AgendaService agenda;
  @Inject EntityManager em;
  @Inject Clock clock;

  @Scheduled(
      every = "${hopso.notify.reminders.interval}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    sendDue();
  }

  /** Sends the reminders that are due; answers how many meetings were reminded. */
  public int sendDue() {
    int sent = 0;
    Instant now = clock.instant();
    for (Duration offset : config.reminders().offsets()) {
      int minutes = (int) offset.toMinutes();
      // Due: the start is within the offset from now, and still ahead.
      List<Long> due =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      em.createQuery(
                              "select m.id from Meeting m where m.status = :s and m.startsAt > :now"
                                  + " and m.startsAt <= :limit and not exists (select 1 from"
                                  + " MeetingReminder r where r.meetingId = m.id and"
                                  + " r.offsetMinutes = :off)",
                              Long.class)
                          .setParameter("s", MeetingStatus.SCHEDULED)
                          .setParameter("now", now)
                          .setParameter("limit", now.plus(offset))
                          .setParameter("off", minutes)
                          .getResultList());
      for (Long id : due) {
        if (remind(id, minutes, offset, now)) {
          sent++;
        }
      }
    }
    return sent;
  }

  private boolean remind(long meetingId, int minutes, Duration offset, Instant now) {
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                MeetingReminder r = new MeetingReminder();
                r.meetingId = meetingId;
                r.offsetMinutes = minutes;
                r.sentAt = now;
                r.persist();
                r.flush(); // another instance got here first: the unique key refuses this row
                Meeting m = Meeting.findById(meetingId);
                List<Participant> all =
                    Participant.list(
                        "from Participant p join fetch p.person where p.meeting = ?1", m);
                announcer.announce(m, Announcer.What.REMINDER, all, agenda.lines(m), null);
                return true;
              });
    } catch (RuntimeException e) {
      return false; // claimed by another instance (or the meeting changed meanwhile)
    }
  }
}
