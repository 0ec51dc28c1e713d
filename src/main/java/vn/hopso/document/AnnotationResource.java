package vn.hopso.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import vn.hopso.document.DocumentViews.AnnotationInput;
import vn.hopso.document.DocumentViews.AnnotationView;

/** One annotation, addressed by the id its client made (idempotent writes for offline outboxes). */
@Path("/api/annotations/{annotationId}")
@RolesAllowed("**")
public class AnnotationResource {
  @Inject AnnotationService annotations;

  @PUT
  public AnnotationView put(
      @PathParam("annotationId") String id, @Valid @NotNull AnnotationInput body) {
    return annotations.put(id, body);
  }

  @DELETE
  public Response delete(@PathParam("annotationId") String id) {
    annotations.delete(id);
    return Response.noContent().build();
  }
}
