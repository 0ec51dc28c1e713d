package vn.hopso.minutes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.hopso.common.Limits;

/** What the conclusions' and tasks' API reads and answers. */
public final class TaskViews {
  private TaskViews() {}

  public record ConclusionInput(
      Long itemId, @NotBlank @Size(max = Limits.DESCRIPTION) String text) {}

  public record ConclusionView(
      long id, Long itemId, String itemTitle, int position, String text, List<TaskView> tasks) {}

  /** A meeting's conclusions with their tasks, and whether the caller may change them. */
  public record Conclusions(
      long meetingId,
      boolean canManage,
      List<ConclusionView> conclusions,
      List<TaskView> looseTasks,
      Counts counts) {}

  public record TaskInput(
      Long conclusionId,
      @NotBlank @Size(max = Limits.TITLE) String title,
      @Size(max = Limits.DESCRIPTION) String detail,
      Long unitId,
      Long personId,
      @NotNull LocalDate deadline,
      TaskPriority priority) {}

  public record ProgressInput(
      @NotNull @Min(0) @Max(100) Integer progress, @Size(max = Limits.DESCRIPTION) String note) {}

  public record NoteInput(@Size(max = Limits.DESCRIPTION) String note) {}

  /** What the caller may do with a task now. */
  public record TaskCan(boolean report, boolean accept, boolean giveBack, boolean cancel) {}

  public record TaskView(
      long id,
      long meetingId,
      String meetingTitle,
      Long conclusionId,
      String title,
      String detail,
      Long unitId,
      String unitName,
      Long personId,
      String personName,
      LocalDate deadline,
      TaskPriority priority,
      TaskState state,
      String stateText,
      int progress,
      boolean overdue,
      long daysLeft,
      String issuedBy,
      Instant createdAt,
      Instant doneAt,
      TaskCan can,
      long version) {}

  public record UpdateView(
      long id,
      TaskUpdateKind kind,
      String person,
      Integer progress,
      String note,
      String fileName,
      Long fileSize,
      Instant at) {}

  public record TaskDetail(TaskView task, List<UpdateView> updates) {}

  public record Counts(long total, long open, long overdue, long reported, long done) {}

  /** One unit's line of the overview. */
  public record UnitCounts(Long unitId, String unitName, Counts counts) {}

  public record Overview(LocalDate today, Counts all, List<UnitCounts> units) {}
}
