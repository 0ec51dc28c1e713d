package vn.hopso.video;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import vn.hopso.video.VideoViews.VideoCommandView;
import vn.hopso.video.VideoViews.VideoJoin;

/** The meeting's video conference (Jitsi). */
@Path("/api/meetings/{id}")
@RolesAllowed("**")
public class VideoResource {
  @Inject VideoService video;
  @Inject StageService stage;

  /**
   * A token to join the meeting's conference (participants, the chair and invited rooms, while the
   * meeting runs or from 30 minutes before); {@code configured: false} without a Jitsi deployment.
   */
  @POST
  @Path("/video-token")
  public VideoJoin token(@PathParam("id") long id) {
    return video.join(id);
  }

  /**
   * The conference's stage: in a large meeting, the rooms and people who join as participants (the
   * others are Jitsi visitors); changes come as {@code video.stage} events.
   */
  @GET
  @Path("/video/stage")
  public VideoViews.StageView stage(@PathParam("id") long id) {
    return stage.stage(id);
  }

  /**
   * A command of the chair to the conference (mute everyone, mute one room, ask a room to unmute,
   * spotlight a room or end it, the lobby on or off, remove a room): audited and sent to every
   * client of the meeting as a {@code video.command} event.
   */
  @POST
  @Path("/video/commands")
  public VideoCommandView command(
      @PathParam("id") long id,
      @jakarta.validation.Valid @jakarta.validation.constraints.NotNull
          VideoViews.VideoCommand body) {
    return video.command(id, body);
  }
}
