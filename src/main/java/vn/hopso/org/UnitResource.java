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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import vn.hopso.common.Page;
import vn.hopso.common.PageRequest;
import vn.hopso.common.Params;
import vn.hopso.common.Role;
import vn.hopso.org.OrgViews.MergeRequest;
import vn.hopso.org.OrgViews.MergeResult;
import vn.hopso.org.OrgViews.MergeView;
import vn.hopso.org.OrgViews.UnitInput;
import vn.hopso.org.OrgViews.UnitNode;
import vn.hopso.org.OrgViews.UnitView;

@Path("/api/units")
public class UnitResource {
  @Inject UnitService units;

  @GET
  @RolesAllowed("**")
  public Page<UnitView> list(
      @QueryParam("level") String level,
      @QueryParam("parentId") Long parentId,
      @QueryParam("q") String q,
      @QueryParam("active") String active,
      @Valid @BeanParam PageRequest paging) {
    return units.list(
        Params.enumValue(UnitLevel.class, level, "level"),
        parentId,
        q,
        Params.bool(active, "active"),
        paging);
  }

  @GET
  @Path("/tree")
  @RolesAllowed("**")
  public List<UnitNode> tree(@QueryParam("active") String active) {
    return units.tree(Params.bool(active, "active"));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed("**")
  public UnitView get(@PathParam("id") long id) {
    return units.get(id);
  }

  @POST
  @RolesAllowed(Role.Names.ADMIN)
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = UnitView.class)))
  public RestResponse<UnitView> create(@Valid @NotNull UnitInput body) {
    UnitView created = units.create(body);
    return RestResponse.ResponseBuilder.<UnitView>created(URI.create("/api/units/" + created.id()))
        .entity(created)
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Role.Names.ADMIN)
  public UnitView update(@PathParam("id") long id, @Valid @NotNull UnitInput body) {
    return units.update(id, body);
  }

  @POST
  @Path("/{id}/merge")
  @RolesAllowed(Role.Names.ADMIN)
  public MergeResult merge(@PathParam("id") long id, @Valid @NotNull MergeRequest body) {
    return units.merge(id, body.intoUnitId());
  }

  @GET
  @Path("/{id}/merges")
  @RolesAllowed("**")
  public List<MergeView> merges(@PathParam("id") long id) {
    return units.merges(id);
  }
}
