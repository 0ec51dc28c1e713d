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
  @Inject AgendaRunService run;

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

  // --- running the session (the chair or the secretary) ---

  public record CurrentInput(@NotNull Long itemId) {}

  public record StateInput(@NotNull ItemState state) {}

  public record LimitInput(
      @jakarta.validation.constraints.Min(30) @jakarta.validation.constraints.Max(3600)
          Integer seconds) {}

  @POST
  @Path("/current")
  public void setCurrent(@PathParam("id") long id, @Valid @NotNull CurrentInput body) {
    run.setCurrent(id, body.itemId());
  }

  @POST
  @Path("/next")
  public void next(@PathParam("id") long id) {
    run.next(id);
  }

  @POST
  @Path("/previous")
  public void previous(@PathParam("id") long id) {
    run.previous(id);
  }

  @PUT
  @Path("/items/{itemId}/state")
  public void setState(
      @PathParam("id") long id, @PathParam("itemId") long itemId, @Valid @NotNull StateInput body) {
    run.setState(id, itemId, body.state());
  }

  /** The time of one speech on this item; {@code seconds} null: the meeting's. */
  @PUT
  @Path("/items/{itemId}/speech-limit")
  public void setSpeechLimit(
      @PathParam("id") long id, @PathParam("itemId") long itemId, @Valid @NotNull LimitInput body) {
    run.setSpeechLimit(id, itemId, body.seconds());
  }

  @GET
  @Path("/versions")
  public List<AgendaViews.VersionView> versions(@PathParam("id") long id) {
    return agenda.versions(id);
  }
}
