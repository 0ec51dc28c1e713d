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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

  /** A file of the task's record, as an attachment. */
  @GET
  @Path("/{taskId}/files/{updateId}")
  @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
  public Response file(@PathParam("taskId") long taskId, @PathParam("updateId") long updateId) {
    TaskService.TaskFile f = tasks.file(taskId, updateId);
    return Response.ok(f.bytes(), MediaType.APPLICATION_OCTET_STREAM)
        .header("Content-Disposition", vn.hopso.document.FileService.disposition(f.name(), true))
        .header("Cache-Control", "private, no-store")
        .header("X-Content-Type-Options", "nosniff")
        .build();
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
