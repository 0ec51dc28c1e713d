package vn.hopso.minutes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.hopso.agenda.AgendaItem;
import vn.hopso.common.ApiException;
import vn.hopso.common.ClockProducer;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.Role;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingAccess.Access;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.minutes.TaskViews.ConclusionInput;
import vn.hopso.minutes.TaskViews.ConclusionView;
import vn.hopso.minutes.TaskViews.Conclusions;
import vn.hopso.minutes.TaskViews.Counts;
import vn.hopso.minutes.TaskViews.Overview;
import vn.hopso.minutes.TaskViews.TaskCan;
import vn.hopso.minutes.TaskViews.TaskDetail;
import vn.hopso.minutes.TaskViews.TaskInput;
import vn.hopso.minutes.TaskViews.TaskView;
import vn.hopso.minutes.TaskViews.UnitCounts;
import vn.hopso.minutes.TaskViews.UpdateView;
import vn.hopso.org.Person;
import vn.hopso.org.Unit;
import vn.hopso.storage.DocumentStorage;

/**
 * Conclusions and the tasks they give: who answers for each (a unit, a person, or both), by when;
 * the responsible side reports progress (with notes and files) and says when it is done; whoever
 * runs the meeting accepts or returns it. One rule decides who may do what with a task ({@link
 * #can}); every view carries its verdicts.
 */
@ApplicationScoped
public class TaskService {
  @Inject MeetingAccess access;
  @Inject CurrentUser current;
  @Inject Clock clock;
  @Inject EntityManager em;
  @Inject DocumentStorage storage;
  @Inject Event<DomainEvent> events;

  // --- conclusions --------------------------------------------------------------------------

  @Transactional
  public Conclusions conclusions(long meetingId) {
    Access a = access.view(meetingId);
    boolean manage = access.allowed(a.meeting(), a.relation(), MeetingOp.MANAGE_TASKS);
    if (!manage) {
      access.require(a, MeetingOp.READ_DOCUMENTS); // those who took part read the conclusions
    }
    LocalDate today = today();
    Asker asker = new Asker();
    List<Task> tasks = Task.list("meeting = ?1 order by deadline, id", a.meeting());
    List<ConclusionView> out = new ArrayList<>();
    for (Conclusion c :
        Conclusion.<Conclusion>list("meeting = ?1 order by position, id", a.meeting())) {
      out.add(
          new ConclusionView(
              c.id,
              c.item == null ? null : c.item.id,
              c.item == null ? null : c.item.title,
              c.position,
              c.text,
              tasks.stream()
                  .filter(t -> t.conclusion != null && t.conclusion.id.equals(c.id))
                  .map(t -> view(t, today, asker))
                  .toList()));
    }
    List<TaskView> loose =
        tasks.stream().filter(t -> t.conclusion == null).map(t -> view(t, today, asker)).toList();
    return new Conclusions(meetingId, manage, out, loose, counts(tasks, today));
  }

  @Transactional
  public ConclusionView addConclusion(long meetingId, ConclusionInput in) {
    Access a = access.require(meetingId, MeetingOp.MANAGE_TASKS);
    Conclusion c = new Conclusion();
    c.meeting = a.meeting();
    c.item = item(a.meeting(), in.itemId());
    c.text = in.text().strip();
    Integer last =
        em.createQuery(
                "select max(c.position) from Conclusion c where c.meeting = :m", Integer.class)
            .setParameter("m", a.meeting())
            .getSingleResult();
    c.position = last == null ? 1 : last + 1;
    c.createdBy = Person.findById(current.personId());
    c.createdAt = clock.instant();
    c.persist();
    events.fire(new MinutesEvents.TaskChanged(a.meeting(), null, "conclusion.created", c.text));
    return new ConclusionView(
        c.id,
        c.item == null ? null : c.item.id,
        c.item == null ? null : c.item.title,
        c.position,
        c.text,
        List.of());
  }

  @Transactional
  public void deleteConclusion(long conclusionId) {
    Conclusion c = Conclusion.findById(conclusionId);
    if (c == null) {
      throw ApiException.notFound(MinutesMsg.CONCLUSION, conclusionId);
    }
    Access a = access.require(c.meeting.id, MeetingOp.MANAGE_TASKS);
    Task.update("conclusion = null where conclusion = ?1", c);
    c.delete();
    events.fire(new MinutesEvents.TaskChanged(a.meeting(), null, "conclusion.deleted", c.text));
  }

  private static AgendaItem item(Meeting m, Long itemId) {
    if (itemId == null) {
      return null;
    }
    AgendaItem item = AgendaItem.findById(itemId);
    if (item == null || !item.meeting.id.equals(m.id)) {
      throw ApiException.invalid("itemId", MinutesMsg.ITEM_OTHER_MEETING);
    }
    return item;
  }

  // --- tasks ----------------------------------------------------------------------------------

  @Transactional
  public TaskView create(long meetingId, TaskInput in) {
    Access a = access.require(meetingId, MeetingOp.MANAGE_TASKS);
    if (in.unitId() == null && in.personId() == null) {
      throw ApiException.invalid("unitId", MinutesMsg.NEED_RESPONSIBLE);
    }
    Task t = new Task();
    t.meeting = a.meeting();
    if (in.conclusionId() != null) {
      Conclusion c = Conclusion.findById(in.conclusionId());
      if (c == null || !c.meeting.id.equals(meetingId)) {
        throw ApiException.invalid("conclusionId", MinutesMsg.ITEM_OTHER_MEETING);
      }
      t.conclusion = c;
    }
    t.title = in.title().strip();
    t.detail = in.detail() == null || in.detail().isBlank() ? null : in.detail().strip();
    if (in.unitId() != null) {
      t.unit = Unit.findById(in.unitId());
      if (t.unit == null) {
        throw ApiException.invalid("unitId", MinutesMsg.NEED_RESPONSIBLE);
      }
    }
    if (in.personId() != null) {
      t.person = Person.findById(in.personId());
      if (t.person == null || !t.person.active) {
        throw ApiException.invalid("personId", MinutesMsg.NEED_RESPONSIBLE);
      }
      if (t.unit == null) {
        t.unit = t.person.unit;
      }
    }
    t.deadline = in.deadline();
    t.priority = in.priority() == null ? TaskPriority.NORMAL : in.priority();
    t.state = TaskState.OPEN;
    t.issuedBy = Person.findById(current.personId());
    t.createdAt = clock.instant();
    t.persist();
    events.fire(
        new MinutesEvents.TaskChanged(
            a.meeting(),
            t,
            "task.created",
            t.title + " → " + responsible(t) + ", hạn " + t.deadline));
    return view(t, today());
  }

  @Transactional
  public TaskDetail detail(long taskId) {
    Task t = visible(taskId);
    List<UpdateView> updates =
        TaskUpdate.<TaskUpdate>list("task = ?1 order by at, id", t).stream()
            .map(
                u ->
                    new UpdateView(
                        u.id,
                        u.kind,
                        u.person.fullName,
                        u.progress,
                        u.note,
                        u.fileName,
                        u.fileSize,
                        u.at))
            .toList();
    return new TaskDetail(view(t, today()), updates);
  }

  /** The responsible side reports progress (0–100 %) with a note. */
  @Transactional
  public TaskView progress(long taskId, int progress, String note) {
    Task t = visible(taskId);
    require(t, can(t).report(), "báo cáo tiến độ");
    t.progress = progress;
    if (t.state == TaskState.OPEN) {
      t.state = TaskState.IN_PROGRESS;
    }
    record(t, TaskUpdateKind.PROGRESS, progress, note);
    return changed(t, "task.progress", progress + "%");
  }

  /** The largest file a task's report may carry. */
  static final int MAX_FILE = 50 * 1024 * 1024;

  /** A file for the task's record (a report, a photo of a signed paper), with the progress. */
  @Transactional
  public TaskView attach(long taskId, String name, String type, InputStream body) {
    Task t = visible(taskId);
    require(t, can(t).report(), "báo cáo tiến độ");
    byte[] bytes;
    try {
      bytes = body.readNBytes(MAX_FILE + 1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (bytes.length > MAX_FILE) {
      throw ApiException.of(
          413,
          vn.hopso.common.CommonMsg.TITLE_TOO_LARGE,
          vn.hopso.common.CommonMsg.TOO_LARGE,
          java.util.Map.of("max", MAX_FILE));
    }
    String key = "tasks/" + t.id + "/" + UUID.randomUUID();
    storage.put(key, new java.io.ByteArrayInputStream(bytes), bytes.length, type);
    TaskUpdate u = record(t, TaskUpdateKind.PROGRESS, null, null);
    u.fileName = name.strip();
    u.fileKey = key;
    u.fileSize = (long) bytes.length;
    u.fileType = type;
    u.fileSha256 = vn.hopso.common.Tokens.sha256(bytes);
    if (t.state == TaskState.OPEN) {
      t.state = TaskState.IN_PROGRESS;
    }
    return changed(t, "task.file", name);
  }

  /** A file of the task's record, for whoever may see the task. */
  public record TaskFile(String name, String type, byte[] bytes) {}

  @Transactional
  public TaskFile file(long taskId, long updateId) {
    Task t = visible(taskId);
    TaskUpdate u = TaskUpdate.findById(updateId);
    if (u == null || !u.task.id.equals(t.id) || u.fileKey == null) {
      throw ApiException.notFound(MinutesMsg.TASK, updateId);
    }
    try (InputStream in =
        storage
            .get(u.fileKey)
            .orElseThrow(() -> ApiException.notFound(MinutesMsg.TASK, updateId))) {
      return new TaskFile(u.fileName, u.fileType, in.readAllBytes());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The responsible side says it is done: the issuer accepts or returns it. */
  @Transactional
  public TaskView report(long taskId, String note) {
    Task t = visible(taskId);
    require(t, can(t).report(), "báo cáo hoàn thành");
    t.state = TaskState.REPORTED;
    t.progress = 100;
    t.reportedAt = clock.instant();
    record(t, TaskUpdateKind.REPORTED, 100, note);
    return changed(t, "task.reported", note);
  }

  @Transactional
  public TaskView accept(long taskId, String note) {
    Task t = visible(taskId);
    require(t, can(t).accept(), "nghiệm thu");
    t.state = TaskState.DONE;
    t.doneAt = clock.instant();
    record(t, TaskUpdateKind.ACCEPTED, null, note);
    return changed(t, "task.accepted", note);
  }

  @Transactional
  public TaskView giveBack(long taskId, String note) {
    Task t = visible(taskId);
    require(t, can(t).giveBack(), "trả lại");
    t.state = TaskState.IN_PROGRESS;
    t.reportedAt = null;
    record(t, TaskUpdateKind.RETURNED, null, note);
    return changed(t, "task.returned", note);
  }

  @Transactional
  public TaskView cancel(long taskId, String note) {
    Task t = visible(taskId);
    require(t, can(t).cancel(), "hủy");
    t.state = TaskState.CANCELLED;
    record(t, TaskUpdateKind.CANCELLED, null, note);
    return changed(t, "task.cancelled", note);
  }

  /** The caller's tasks ({@code unit}: their unit's too), open first by deadline. */
  @Transactional
  public List<TaskView> mine(boolean unit, boolean openOnly) {
    Person me = Person.findById(current.personId());
    String who = unit && me.unit != null ? "(t.person = ?1 or t.unit = ?2)" : "t.person = ?1";
    String q =
        "from Task t join fetch t.meeting where "
            + who
            + (openOnly ? " and t.state in ?3" : "")
            + " order by t.deadline, t.id";
    List<Object> params = new ArrayList<>();
    params.add(me);
    if (unit && me.unit != null) {
      params.add(me.unit);
    } else {
      q = q.replace("?3", "?2");
    }
    if (openOnly) {
      params.add(List.of(TaskState.OPEN, TaskState.IN_PROGRESS, TaskState.REPORTED));
    }
    LocalDate today = today();
    Asker asker = new Asker();
    return Task.<Task>list(q, params.toArray()).stream().map(t -> view(t, today, asker)).toList();
  }

  /** Counts per responsible unit (all tasks, or one meeting's), overdue counted on today. */
  @Transactional
  public Overview overview(Long meetingId) {
    List<Task> tasks;
    if (meetingId != null) {
      Access a = access.require(meetingId, MeetingOp.MANAGE_TASKS);
      tasks = Task.list("meeting = ?1", a.meeting());
    } else {
      if (!current.hasRole(Role.ADMIN)
          && !current.hasRole(Role.SECRETARY)
          && !current.hasRole(Role.CHAIR)) {
        throw ApiException.forbidden(MinutesMsg.NEED_ISSUER);
      }
      tasks = Task.list("from Task t left join fetch t.unit");
    }
    LocalDate today = today();
    Map<Long, List<Task>> byUnit = new LinkedHashMap<>();
    Map<Long, String> names = new LinkedHashMap<>();
    for (Task t : tasks) {
      Long id = t.unit == null ? null : t.unit.id;
      byUnit.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
      names.put(id, t.unit == null ? null : t.unit.name);
    }
    List<UnitCounts> units = new ArrayList<>();
    byUnit.forEach((id, ts) -> units.add(new UnitCounts(id, names.get(id), counts(ts, today))));
    units.sort(
        Comparator.comparingLong((UnitCounts u) -> -u.counts().overdue())
            .thenComparing(u -> u.unitName() == null ? "" : u.unitName()));
    return new Overview(today, counts(tasks, today), units);
  }

  /**
   * Overdue tasks of the host unit's earlier meetings, offered for this meeting's agenda (a
   * follow-up item "kiểm điểm việc thực hiện").
   */
  @Transactional
  public List<TaskView> overdueForAgenda(long meetingId) {
    Access a = access.require(meetingId, MeetingOp.EDIT_AGENDA);
    LocalDate today = today();
    Asker asker = new Asker();
    return Task.<Task>list(
            "from Task t join fetch t.meeting m where m.hostUnit = ?1 and m <> ?2 and t.state in ?3"
                + " and t.deadline < ?4 order by t.deadline, t.id",
            a.meeting().hostUnit,
            a.meeting(),
            List.of(TaskState.OPEN, TaskState.IN_PROGRESS, TaskState.REPORTED),
            today)
        .stream()
        .map(t -> view(t, today, asker))
        .toList();
  }

  // --- the one rule of who may do what with a task --------------------------------------------

  /**
   * Who asks, read once per call: their person, and per meeting whether they give its tasks (a list
   * of tasks from a few meetings asks the meeting's rules once per meeting, not per task).
   */
  private final class Asker {
    final Person me;
    private final Map<Long, Boolean> issues = new HashMap<>();

    Asker() {
      Long id = current.personId();
      me = id == null ? null : Person.findById(id);
    }

    /** On the responsible side: the person named, or (no person named) a member of the unit. */
    boolean assignee(Task t) {
      if (t.person != null) {
        return me != null && t.person.id.equals(me.id);
      }
      return unitMember(t);
    }

    boolean unitMember(Task t) {
      return me != null && me.unit != null && t.unit != null && me.unit.id.equals(t.unit.id);
    }

    /** Gave the task: whoever may manage the meeting's tasks. */
    boolean issuer(Task t) {
      return issues.computeIfAbsent(
          t.meeting.id,
          // the responsible side need not see the meeting that gave the task
          id -> access.visible(current.viewer(), id) && manages(access.view(id)));
    }
  }

  private boolean manages(Access a) {
    return access.allowed(a.meeting(), a.relation(), MeetingOp.MANAGE_TASKS);
  }

  static TaskCan can(Task t, Asker asker) {
    boolean mine = asker.assignee(t);
    boolean issuer = asker.issuer(t);
    boolean open = t.state == TaskState.OPEN || t.state == TaskState.IN_PROGRESS;
    return new TaskCan(
        mine && open,
        issuer && t.state == TaskState.REPORTED,
        issuer && t.state == TaskState.REPORTED,
        issuer && t.state.open());
  }

  private TaskCan can(Task t) {
    return can(t, new Asker());
  }

  /** A task the caller may see: its responsible side, its unit's members, its issuers. */
  private Task visible(long taskId) {
    Task t = Task.findById(taskId);
    if (t == null) {
      throw ApiException.notFound(MinutesMsg.TASK, taskId);
    }
    Asker asker = new Asker();
    if (asker.unitMember(t) || asker.assignee(t) || asker.issuer(t)) {
      return t;
    }
    throw ApiException.notFound(MinutesMsg.TASK, taskId);
  }

  private static void require(Task t, boolean allowed, String action) {
    if (!allowed) {
      throw ApiException.conflict(MinutesMsg.TASK_STATE, "state", t.state.vi(), "action", action);
    }
  }

  private TaskUpdate record(Task t, TaskUpdateKind kind, Integer progress, String note) {
    TaskUpdate u = new TaskUpdate();
    u.task = t;
    u.person = Person.findById(current.personId());
    u.kind = kind;
    u.progress = progress;
    u.note = note == null || note.isBlank() ? null : note.strip();
    u.at = clock.instant();
    u.persist();
    return u;
  }

  private TaskView changed(Task t, String action, String detail) {
    em.flush();
    events.fire(new MinutesEvents.TaskChanged(t.meeting, t, action, detail));
    return view(t, today());
  }

  TaskView view(Task t, LocalDate today) {
    return view(t, today, new Asker());
  }

  private TaskView view(Task t, LocalDate today, Asker asker) {
    return new TaskView(
        t.id,
        t.meeting.id,
        t.meeting.title,
        t.conclusion == null ? null : t.conclusion.id,
        t.title,
        t.detail,
        t.unit == null ? null : t.unit.id,
        t.unit == null ? null : t.unit.name,
        t.person == null ? null : t.person.id,
        t.person == null ? null : t.person.fullName,
        t.deadline,
        t.priority,
        t.state,
        t.state.vi(),
        t.progress,
        t.overdue(today),
        ChronoUnit.DAYS.between(today, t.deadline),
        t.issuedBy.fullName,
        t.createdAt,
        t.doneAt,
        can(t, asker),
        t.version);
  }

  static Counts counts(List<Task> tasks, LocalDate today) {
    long open = tasks.stream().filter(t -> t.state.open()).count();
    long overdue = tasks.stream().filter(t -> t.overdue(today)).count();
    long reported = tasks.stream().filter(t -> t.state == TaskState.REPORTED).count();
    long done = tasks.stream().filter(t -> t.state == TaskState.DONE).count();
    return new Counts(tasks.size(), open, overdue, reported, done);
  }

  static String responsible(Task t) {
    return t.person != null ? t.person.fullName : t.unit != null ? t.unit.name : "";
  }

  LocalDate today() {
    return clock.instant().atZone(ClockProducer.VIETNAM).toLocalDate();
  }
}
