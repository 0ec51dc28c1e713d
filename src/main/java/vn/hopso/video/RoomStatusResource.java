package vn.hopso.video;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import vn.hopso.video.RoomViews.RoomBoard;

/** Every room's status in a meeting (the chair's and the operators' grid). */
@Path("/api/meetings/{id}/rooms/status")
@RolesAllowed("**")
public class RoomStatusResource {
  @Inject RoomStatusService rooms;

  /**
   * Each invited room: connected, in the conference, camera and microphone, connection quality,
   * readiness check, last seen, and why it is not ready; with the counts. Kept current by the
   * meeting's {@code rooms.status} events (those who run the meeting).
   */
  @GET
  public RoomBoard board(@PathParam("id") long id) {
    return rooms.board(id);
  }
}
