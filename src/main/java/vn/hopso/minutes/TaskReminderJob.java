package vn.hopso.minutes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.hopso.common.ClockProducer;
import vn.hopso.common.Role;
import vn.hopso.notify.Announcer;
import vn.hopso.org.Person;

/**
 * Reminds the responsible people of a task before its deadline and once it is overdue, by the
 * outbox (in-app, email, SMS). Each reminder is sent once whatever the number of instances: the
 * instance whose conditional update marks the task as reminded sends it, in the same transaction.
 */
@ApplicationScoped
public class TaskReminderJob {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Inject MinutesConfig config;
  @Inject Announcer announcer;
  @Inject EntityManager em;
  @Inject Clock clock;

  @Scheduled(
      every = "${hopso.minutes.reminders-interval:10m}",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    sendDue();
  }

  /** Sends the reminders that are due; answers how many were sent. */
  public int sendDue() {
    Instant now = clock.instant();
    LocalDate today = now.atZone(ClockProducer.VIETNAM).toLocalDate();
    LocalDate soon = now.plus(config.remindBefore()).atZone(ClockProducer.VIETNAM).toLocalDate();
    List<TaskState> open = List.of(TaskState.OPEN, TaskState.IN_PROGRESS);
    int sent = 0;
    List<Long> before =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createQuery(
                            "select t.id from Task t where t.state in :open and t.remindedBefore"
                                + " is null and t.deadline >= :today and t.deadline <= :soon",
                            Long.class)
                        .setParameter("open", open)
                        .setParameter("today", today)
                        .setParameter("soon", soon)
                        .getResultList());
    for (Long id : before) {
      if (remind(id, false, now)) {
        sent++;
      }
    }
    List<Long> overdue =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createQuery(
                            "select t.id from Task t where t.state in :open and"
                                + " t.remindedOverdue is null and t.deadline < :today",
                            Long.class)
                        .setParameter("open", open)
                        .setParameter("today", today)
                        .getResultList());
    for (Long id : overdue) {
      if (remind(id, true, now)) {
        sent++;
      }
    }
    return sent;
  }

  private boolean remind(long taskId, boolean overdue, Instant now) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              String column = overdue ? "remindedOverdue" : "remindedBefore";
              int claimed =
                  em.createQuery(
                          "update Task t set t."
                              + column
                              + " = :now where t.id = :id and t."
                              + column
                              + " is null")
                      .setParameter("now", now)
                      .setParameter("id", taskId)
                      .executeUpdate();
              if (claimed == 0) {
                return false; // another instance sent it
              }
              Task t = Task.findById(taskId);
              String deadline = t.deadline.format(DATE);
              String title = (overdue ? "Nhiệm vụ quá hạn: " : "Sắp đến hạn nhiệm vụ: ") + t.title;
              String body =
                  (overdue
                          ? "Nhiệm vụ dưới đây đã quá hạn " + deadline + " mà chưa hoàn thành."
                          : "Nhiệm vụ dưới đây đến hạn ngày " + deadline + ".")
                      + "\nNhiệm vụ: "
                      + t.title
                      + "\nTừ cuộc họp: "
                      + t.meeting.title
                      + "\nTiến độ đã báo cáo: "
                      + t.progress
                      + "%";
              String sms =
                  "HopSo: "
                      + (overdue ? "Nhiem vu qua han " : "Nhiem vu den han ")
                      + deadline
                      + ": "
                      + t.title;
              for (Person p : recipients(t)) {
                announcer.tell(
                    p, t.meeting, overdue ? "TASK_OVERDUE" : "TASK_DUE", title, body, sms);
              }
              return true;
            });
  }

  /** The person responsible, else the unit's secretaries (its office), else the issuer. */
  static List<Person> recipients(Task t) {
    List<Person> out = new ArrayList<>();
    if (t.person != null) {
      out.add(t.person);
    } else if (t.unit != null) {
      for (Person p : Person.<Person>list("unit = ?1 and active = true", t.unit)) {
        if (p.roles.contains(Role.SECRETARY)) {
          out.add(p);
        }
      }
    }
    if (out.isEmpty()) {
      out.add(t.issuedBy);
    }
    return out;
  }
}
