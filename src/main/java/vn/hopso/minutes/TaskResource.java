package vn.hopso.minutes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.InputStream;
import java.util.List;
import vn.hopso.minutes.TaskViews.NoteInput;
import vn.hopso.minutes.TaskViews.Overview;
import vn.hopso.minutes.TaskViews.ProgressInput;
import vn.hopso.minutes.TaskViews.TaskDetail;
import vn.hopso.minutes.TaskViews.TaskView;

/** Tasks: "my tasks", one task and its history, progress, report, accept, return, cancel. */
@Path("/api/tasks")
@RolesAllowed("**")
public class TaskResource {
  @Inject TaskService tasks;

  /** Counts per unit for one meeting's tasks. */

  /** Overdue tasks of the host unit's earlier meetings, for this meeting's agenda. */

  /** The caller's tasks; {@code unit=true}: their unit's too; {@code open=true}: unfinished. */
  @GET
  @Path("/mine")
  public List<TaskView> mine(@QueryParam("unit") boolean unit, @QueryParam("open") boolean open) {
    return tasks.mine(unit, open);
  }

  /** Counts per responsible unit over every meeting (the office's overview). */
  @GET
  @Path("/overview")
  public Overview overview() {
    return tasks.overview(null);
  }

  @GET
  @Path("/{taskId}")
  public TaskDetail detail(@PathParam("taskId") long taskId) {
    return tasks.detail(taskId);
  }

  @POST
  @Path("/{taskId}/progress")
  public TaskView progress(@PathParam("taskId") long taskId, @Valid @NotNull ProgressInput body) {
    return tasks.progress(taskId, body.progress(), body.note());
  }

  /** A file for the task's record; its name in {@code fileName}. */
  @POST
  @Path("/{taskId}/files")
  @Consumes(vn.hopso.document.Ingest.UPLOAD_TYPES)
  public TaskView attach(
      @PathParam("taskId") long taskId,
      @QueryParam("fileName") @NotBlank @Size(max = 255) String fileName,
      @HeaderParam("Content-Type") String type,
      InputStream body) {
    return tasks.attach(taskId, fileName, type, body);
  }

  @POST
  @Path("/{taskId}/report")
  public TaskView report(@PathParam("taskId") long taskId, @Valid NoteInput body) {
    return tasks.report(taskId, body == null ? null : body.note());
  }

  @POST
  @Path("/{taskId}/accept")
  public TaskView accept(@PathParam("taskId") long taskId, @Valid NoteInput body) {
    return tasks.accept(taskId, body == null ? null : body.note());
  }

  @POST
  @Path("/{taskId}/return")
  public TaskView giveBack(@PathParam("taskId") long taskId, @Valid NoteInput body) {
    return tasks.giveBack(taskId, body == null ? null : body.note());
  }

  @POST
  @Path("/{taskId}/cancel")
  public TaskView cancel(@PathParam("taskId") long taskId, @Valid NoteInput body) {
    return tasks.cancel(taskId, body == null ? null : body.note());
  }
}
