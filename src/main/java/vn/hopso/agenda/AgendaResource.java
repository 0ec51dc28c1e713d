package vn.hopso.agenda;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The agenda of a meeting; the service decides who may see and change what. */
@Path("/api/meetings/{id}/agenda")
@RolesAllowed("**")
public class AgendaResource {
  @Inject AgendaService agenda;

  @GET
  public AgendaViews.Agenda get(@PathParam("id") long id) {
    return agenda.get(id);
  }

  @POST
  @Path("/items")
  @ResponseStatus(201)
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = AgendaViews.ItemView.class)))
  public AgendaViews.ItemView add(
      @PathParam("id") long id, @Valid @NotNull AgendaViews.ItemInput body) {
    return agenda.add(id, body);
  }

  @PUT
  @Path("/items/{itemId}")
  public AgendaViews.ItemView update(
      @PathParam("id") long id,
      @PathParam("itemId") long itemId,
      @Valid @NotNull AgendaViews.ItemInput body) {
    return agenda.update(id, itemId, body);
  }

  @DELETE
  @Path("/items/{itemId}")
  public void delete(@PathParam("id") long id, @PathParam("itemId") long itemId) {
    agenda.delete(id, itemId);
  }

  @POST
  @Path("/items/{itemId}/move")
  public AgendaViews.ItemView move(
      @PathParam("id") long id,
      @PathParam("itemId") long itemId,
      @Valid @NotNull AgendaViews.MoveRequest body) {
    return agenda.move(id, itemId, body.parentId(), body.position());
  }

  @POST
  @Path("/publish")
  public AgendaViews.Agenda publish(@PathParam("id") long id) {
    return agenda.publish(id);
  }

  @GET
  @Path("/versions")
  public List<AgendaViews.VersionView> versions(@PathParam("id") long id) {
    return agenda.versions(id);
  }
}
