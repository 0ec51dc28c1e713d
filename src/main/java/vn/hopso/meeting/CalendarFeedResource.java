package vn.hopso.meeting;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hopso.auth.CurrentUser;
import vn.hopso.auth.TokenService;
import vn.hopso.common.ApiException;
import vn.hopso.notify.IcsBuilder;

/**
 * The personal iCalendar feed: calendar programs subscribe to a secret URL (they cannot sign in).
 * The token is 256 random bits, stored hashed; making a new one or revoking ends the old.
 */
@Path("/api/calendar/feed")
public class CalendarFeedResource {
  /** Meetings older than this are left out of the feed. */
  private static final Duration HISTORY = Duration.ofDays(180);

  @Inject CurrentUser current;
  @Inject Clock clock;

  @ConfigProperty(name = "hopso.public-url")
  String publicUrl;

  public record FeedUrl(String url) {}

  @POST
  @RolesAllowed("**")
  @Transactional
  public FeedUrl create() {
    String token = TokenService.randomToken();
    CalendarFeed feed = CalendarFeed.findById(current.personId());
    if (feed == null) {
      feed = new CalendarFeed();
      feed.personId = current.personId();
      feed.tokenHash = TokenService.sha256(token);
      feed.createdAt = clock.instant();
      feed.persist();
    } else {
      feed.tokenHash = TokenService.sha256(token);
      feed.createdAt = clock.instant();
    }
    return new FeedUrl(publicUrl.replaceAll("/+$", "") + "/api/calendar/feed/" + token + ".ics");
  }

  @DELETE
  @RolesAllowed("**")
  @Transactional
  public Response revoke() {
    CalendarFeed.deleteById(current.personId());
    return Response.noContent().build();
  }

  @GET
  @Path("/{token}.ics")
  @PermitAll
  @Produces("text/calendar; charset=UTF-8")
  @Transactional
  public Response feed(@PathParam("token") String token) {
    CalendarFeed feed = CalendarFeed.find("tokenHash", TokenService.sha256(token)).firstResult();
    if (feed == null) {
      throw ApiException.notFound("calendar feed", "");
    }
    List<Meeting> meetings =
        Meeting.list(
            "select m from Participant p join p.meeting m where p.person.id = ?1"
                + " and m.status <> ?2 and m.endsAt > ?3 order by m.startsAt",
            feed.personId,
            MeetingStatus.DRAFT,
            clock.instant().minus(HISTORY));
    String base = publicUrl.replaceAll("/+$", "");
    return Response.ok(IcsBuilder.feed(meetings, m -> base + "/meetings/" + m.id, clock.instant()))
        .header("Cache-Control", "private, max-age=300")
        .build();
  }
}
