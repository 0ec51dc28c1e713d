package vn.hopso.vote;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import vn.hopso.vote.PollViews.Chain;
import vn.hopso.vote.PollViews.PollInput;
import vn.hopso.vote.PollViews.PollView;

/** A meeting's polls: the list (newest first), new drafts, and the chain of published results. */
@Path("/api/meetings/{id}/polls")
@RolesAllowed("**")
public class MeetingPollsResource {
  @Inject PollService polls;

  @GET
  public List<PollView> list(@PathParam("id") long meetingId) {
    return polls.list(meetingId);
  }

  @POST
  public PollView create(@PathParam("id") long meetingId, @Valid @NotNull PollInput body) {
    return polls.create(meetingId, body);
  }

  /** Each published poll's link of the meeting's hash chain, checked again; the head last. */
  @GET
  @Path("/chain")
  public Chain chain(@PathParam("id") long meetingId) {
    return polls.chain(meetingId);
  }
}
