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
import jakarta.ws.rs.core.Response;
import java.util.List;

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
  public Response add(@PathParam("id") long id, @Valid @NotNull AgendaViews.ItemInput body) {
    return Response.status(201).entity(agenda.add(id, body)).build();
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
  public Response delete(@PathParam("id") long id, @PathParam("itemId") long itemId) {
    agenda.delete(id, itemId);
    return Response.noContent().build();
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
