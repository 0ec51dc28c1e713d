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
import vn.hopso.org.OrgViews.PasswordSet;
import vn.hopso.org.OrgViews.PersonInput;
import vn.hopso.org.OrgViews.PersonView;

@Path("/api/people")
public class PersonResource {
  @Inject PersonService people;

  @GET
  @RolesAllowed({Role.Names.ADMIN, Role.Names.SECRETARY, Role.Names.CHAIR})
  public Page<PersonView> list(
      @QueryParam("q") String q,
      @QueryParam("unitId") Long unitId,
      @QueryParam("role") String role,
      @QueryParam("active") String active,
      @QueryParam("kind") String kind,
      @Valid @BeanParam PageRequest paging) {
    return people.list(
        q,
        unitId,
        Params.enumValue(Role.class, role, "role"),
        Params.bool(active, "active"),
        Params.enumValue(PersonService.Kind.class, kind, "kind"),
        paging);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Role.Names.ADMIN, Role.Names.SECRETARY, Role.Names.CHAIR})
  public PersonView get(@PathParam("id") long id) {
    return people.get(id);
  }

  @POST
  @RolesAllowed(Role.Names.ADMIN)
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = PersonView.class)))
  public RestResponse<PersonView> create(@Valid @NotNull PersonInput body) {
    PersonView created = people.create(body);
    return RestResponse.ResponseBuilder.<PersonView>created(
            URI.create("/api/people/" + created.id()))
        .entity(created)
        .build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Role.Names.ADMIN)
  public PersonView update(@PathParam("id") long id, @Valid @NotNull PersonInput body) {
    return people.update(id, body);
  }

  @POST
  @Path("/{id}/password")
  @RolesAllowed(Role.Names.ADMIN)
  public void setPassword(@PathParam("id") long id, @Valid @NotNull PasswordSet body) {
    people.setPassword(id, body.password());
  }
}
