package vn.hopso.video;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import vn.hopso.video.VideoViews.VideoJoin;

/** The meeting's video conference (Jitsi). */
@Path("/api/meetings/{id}/video-token")
@RolesAllowed("**")
public class VideoResource {
  @Inject VideoService video;

  /**
   * A token to join the meeting's conference (participants, the chair and invited rooms, while the
   * meeting runs or from 30 minutes before); {@code configured: false} without a Jitsi deployment.
   */
  @POST
  public VideoJoin token(@PathParam("id") long id) {
    return video.join(id);
  }
}
