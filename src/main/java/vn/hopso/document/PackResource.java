package vn.hopso.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import vn.hopso.document.DocumentViews.Pack;

/** "Tải về để đọc ngoại tuyến": the agenda and every readable document, with links. */
@Path("/api/meetings/{id}/pack")
@RolesAllowed("**")
public class PackResource {
  @Inject LinkService links;

  @GET
  public Pack pack(@PathParam("id") long meetingId) {
    return links.pack(meetingId);
  }
}
