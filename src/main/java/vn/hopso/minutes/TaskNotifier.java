package vn.hopso.minutes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import vn.hopso.notify.Announcer;
import vn.hopso.org.Person;

/**
 * Tells the people of a task what happened to it: the responsible side when it is given or
 * returned, the issuer when it is reported done. Observed inside the transaction of the change, so
 * the messages commit with it; the outbox sends them after commit.
 */
@ApplicationScoped
public class TaskNotifier {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Inject Announcer announcer;

  void changed(@Observes MinutesEvents.TaskChanged e) {
    Task t = e.task();
    if (t == null) {
      return;
    }
    String from = "\nTừ cuộc họp: " + t.meeting.title + "\nHạn: " + t.deadline.format(DATE);
    switch (e.action()) {
      case "task.created" -> {
        for (Person p : TaskReminderJob.recipients(t)) {
          announcer.tell(
              p,
              t.meeting,
              "TASK_GIVEN",
              "Nhiệm vụ mới: " + t.title,
              "Đồng chí (hoặc đơn vị) được giao nhiệm vụ: " + t.title + from,
              "HopSo: Nhiem vu moi, han " + t.deadline.format(DATE) + ": " + t.title);
        }
      }
      case "task.returned" -> {
        for (Person p : TaskReminderJob.recipients(t)) {
          announcer.tell(
              p,
              t.meeting,
              "TASK_RETURNED",
              "Nhiệm vụ bị trả lại: " + t.title,
              "Kết quả nhiệm vụ chưa được chấp nhận"
                  + (e.detail() == null ? "" : ": " + e.detail())
                  + from,
              "HopSo: Nhiem vu bi tra lai: " + t.title);
        }
      }
      case "task.reported" ->
          announcer.notice(
              t.issuedBy,
              t.meeting,
              "TASK_REPORTED",
              "Báo cáo hoàn thành nhiệm vụ: " + t.title,
              TaskService.responsible(t) + " báo cáo đã hoàn thành." + from);
      default -> {}
    }
  }
}
