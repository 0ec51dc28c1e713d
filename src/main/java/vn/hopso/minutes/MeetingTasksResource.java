package vn.hopso.minutes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import vn.hopso.minutes.TaskViews.ConclusionInput;
import vn.hopso.minutes.TaskViews.ConclusionView;
import vn.hopso.minutes.TaskViews.Conclusions;
import vn.hopso.minutes.TaskViews.Overview;
import vn.hopso.minutes.TaskViews.TaskInput;
import vn.hopso.minutes.TaskViews.TaskView;

/** A meeting's conclusions and the tasks they give, with the counts per unit. */
@Path("/api/meetings/{id}")
@RolesAllowed("**")
public class MeetingTasksResource {
  @Inject TaskService tasks;

  @GET
  @Path("/conclusions")
  public Conclusions conclusions(@PathParam("id") long meetingId) {
    return tasks.conclusions(meetingId);
  }

  @POST
  @Path("/conclusions")
  public ConclusionView addConclusion(
      @PathParam("id") long meetingId, @Valid @NotNull ConclusionInput body) {
    return tasks.addConclusion(meetingId, body);
  }

  @POST
  @Path("/tasks")
  public TaskView create(@PathParam("id") long meetingId, @Valid @NotNull TaskInput body) {
    return tasks.create(meetingId, body);
  }

  @GET
  @Path("/tasks/overview")
  public Overview meetingOverview(@PathParam("id") long meetingId) {
    return tasks.overview(meetingId);
  }

  @GET
  @Path("/tasks/overdue")
  public List<TaskView> overdueForAgenda(@PathParam("id") long meetingId) {
    return tasks.overdueForAgenda(meetingId);
  }
}
