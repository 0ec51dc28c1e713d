package vn.hopso.notify;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** What was sent to the participants of a meeting, and what failed (for its secretary). */
@Path("/api/meetings/{id}/deliveries")
@RolesAllowed("**")
public class DeliveryResource {
  @Inject DeliveryService deliveries;

  @GET
  public List<DeliveryService.DeliveryView> list(@PathParam("id") long id) {
    return deliveries.list(id);
  }

  @POST
  @Path("/{messageId}/retry")
  public void retry(@PathParam("id") long id, @PathParam("messageId") long messageId) {
    deliveries.retry(id, messageId);
  }
}
