package vn.hopso.minutes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.hopso.minutes.MinutesViews.MinutesVerification;

/**
 * Verifies a signed PDF someone holds (minutes passed around by email, say): each signature,
 * checked over its byte range, and whether the file changed after. Which meeting it belongs to is
 * told only to those who may read that meeting's minutes.
 */
@Path("/api/minutes/verify")
@RolesAllowed("**")
public class MinutesVerifyResource {
  @Inject MinutesService minutes;

  @POST
  @Consumes("application/pdf")
  @Produces(MediaType.APPLICATION_JSON)
  public MinutesVerification verify(byte[] pdf) {
    return minutes.verify(pdf);
  }
}
