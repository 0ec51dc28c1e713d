package vn.hopso.notify;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** The personal iCalendar feed (see {@link CalendarFeedService}). */
@Path("/api/calendar/feed")
public class CalendarFeedResource {
  @Inject CalendarFeedService feeds;

  public record FeedUrl(String url) {}

  @POST
  @RolesAllowed("**")
  public FeedUrl create() {
    return new FeedUrl(feeds.create());
  }

  @DELETE
  @RolesAllowed("**")
  public void revoke() {
    feeds.revoke();
  }

  @GET
  @Path("/{token}.ics")
  @PermitAll
  @Produces("text/calendar; charset=UTF-8")
  public Response feed(@PathParam("token") String token) {
    return Response.ok(feeds.feed(token)).header("Cache-Control", "private, max-age=300").build();
  }
}
