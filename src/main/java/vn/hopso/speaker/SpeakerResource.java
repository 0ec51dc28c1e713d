package vn.hopso.speaker;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import vn.hopso.speaker.SpeakerViews.FloorInput;
import vn.hopso.speaker.SpeakerViews.MoveInput;
import vn.hopso.speaker.SpeakerViews.Queue;
import vn.hopso.speaker.SpeakerViews.RequestInput;
import vn.hopso.speaker.SpeakerViews.SpeechLimitInput;

/** The speaking queue of a meeting; every answer is the queue as it now stands. */
@Path("/api/meetings/{id}/speakers")
@RolesAllowed("**")
public class SpeakerResource {
  @Inject SpeakerService speakers;

  @GET
  public Queue queue(@PathParam("id") long id) {
    return speakers.queue(id);
  }

  /** Every speech given so far, in order, with its start, end and paused time (for the minutes). */
  @GET
  @Path("/log")
  public java.util.List<SpeakerViews.Speech> log(@PathParam("id") long id) {
    return speakers.log(id);
  }

  /** "Xin phát biểu": the caller (or the caller's room) asks for the floor. */
  @POST
  public Queue request(@PathParam("id") long id, @Valid @NotNull RequestInput body) {
    return speakers.request(id, body);
  }

  @DELETE
  @Path("/{requestId}")
  public Queue withdraw(@PathParam("id") long id, @PathParam("requestId") long requestId) {
    return speakers.withdraw(id, requestId);
  }

  @POST
  @Path("/{requestId}/move")
  public Queue move(
      @PathParam("id") long id,
      @PathParam("requestId") long requestId,
      @Valid @NotNull MoveInput body) {
    return speakers.move(id, requestId, body.position());
  }

  @POST
  @Path("/floor")
  public Queue floor(@PathParam("id") long id, @Valid FloorInput body) {
    return speakers.giveFloor(id, body == null ? null : body.requestId());
  }

  @POST
  @Path("/end")
  public Queue end(@PathParam("id") long id) {
    return speakers.end(id);
  }

  @POST
  @Path("/pause")
  public Queue pause(@PathParam("id") long id) {
    return speakers.pauseSpeech(id);
  }

  @POST
  @Path("/resume")
  public Queue resume(@PathParam("id") long id) {
    return speakers.resumeSpeech(id);
  }

  @POST
  @Path("/open")
  public Queue open(@PathParam("id") long id) {
    return speakers.setOpen(id, true);
  }

  @POST
  @Path("/close")
  public Queue close(@PathParam("id") long id) {
    return speakers.setOpen(id, false);
  }

  @PUT
  @Path("/limit")
  public Queue limit(@PathParam("id") long id, @Valid @NotNull SpeechLimitInput body) {
    return speakers.setDefaultLimit(id, body.seconds());
  }
}
