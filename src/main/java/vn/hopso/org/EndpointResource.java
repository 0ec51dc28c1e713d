package vn.hopso.org;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import vn.hopso.common.Page;
import vn.hopso.common.PageRequest;
import vn.hopso.common.Params;
import vn.hopso.common.Role;
import vn.hopso.org.OrgViews.EndpointInput;
import vn.hopso.org.OrgViews.EndpointView;

@Path("/api/endpoints")
public class EndpointResource {
  @Inject EndpointService endpoints;

  /** Staff see every endpoint; an endpoint device sees only its own. */
  @GET
  @RolesAllowed({Role.Names.ADMIN, Role.Names.SECRETARY, Role.Names.CHAIR, Role.Names.ENDPOINT})
  public Page<EndpointView> list(
      @QueryParam("q") String q,
      @QueryParam("unitId") Long unitId,
      @QueryParam("level") String level,
      @QueryParam("active") String active,
      @Valid @BeanParam PageRequest paging) {
    return endpoints.list(
        q,
        unitId,
        Params.enumValue(UnitLevel.class, level, "level"),
        Params.bool(active, "active"),
        paging);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.Names.ADMIN, Role.Names.SECRETARY, Role.Names.CHAIR, Role.Names.ENDPOINT})
  public EndpointView get(@PathParam("id") long id) {
    return endpoints.get(id);
  }

  @POST
  @RolesAllowed(Role.Names.ADMIN)
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = EndpointView.class)))
  public RestResponse<EndpointView> create(@Valid @NotNull EndpointInput body) {
    EndpointView created = endpoints.create(body);
    return RestResponse.ResponseBuilder.<EndpointView>created(
            URI.create("/api/endpoints/" + created.id()))
        .entity(created)
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Role.Names.ADMIN)
  public EndpointView update(@PathParam("id") long id, @Valid @NotNull EndpointInput body) {
    return endpoints.update(id, body);
  }
}
