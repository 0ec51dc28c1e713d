package vn.hopso.minutes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** One conclusion. */
@Path("/api/conclusions")
@RolesAllowed("**")
public class ConclusionResource {
  @Inject TaskService tasks;

  @DELETE
  @Path("/{conclusionId}")
  public void deleteConclusion(@PathParam("conclusionId") long conclusionId) {
    tasks.deleteConclusion(conclusionId);
  }
}
