package vn.hopso.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hopso.common.ApiException;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.Role;
import vn.hopso.common.Tokens;
import vn.hopso.common.Viewer;
import vn.hopso.meeting.MeetingMsg;
import vn.hopso.meeting.MeetingService;
import vn.hopso.org.Person;

/**
 * The personal iCalendar feed: calendar programs subscribe to a secret URL (they cannot sign in).
 * The token is 256 random bits, stored hashed; making a new one or revoking ends the old. The feed
 * lists the owner's meetings through the one visibility rule.
 */
@ApplicationScoped
@Transactional
public class CalendarFeedService {
  /** Meetings older than this are left out of the feed. */
  private static final Duration HISTORY = Duration.ofDays(180);

  @Inject CurrentUser current;
  @Inject MeetingService meetings;
  @Inject Clock clock;

  @ConfigProperty(name = "hopso.public-url")
  String publicUrl;

  /** A new secret address for the caller (the previous one stops working). */
  public String create() {
    String token = Tokens.random();
    CalendarFeed feed = CalendarFeed.findById(current.personId());
    if (feed == null) {
      feed = new CalendarFeed();
      feed.personId = current.personId();
      feed.tokenHash = Tokens.sha256(token);
      feed.createdAt = clock.instant();
      feed.persist();
    } else {
      feed.tokenHash = Tokens.sha256(token);
      feed.createdAt = clock.instant();
    }
    return base() + "/api/calendar/feed/" + token + ".ics";
  }

  public void revoke() {
    CalendarFeed.deleteById(current.personId());
  }

  /** The iCalendar text of the feed behind {@code token}. */
  public String feed(String token) {
    CalendarFeed feed = CalendarFeed.find("tokenHash", Tokens.sha256(token)).firstResult();
    Person owner = feed == null ? null : Person.findById(feed.personId);
    if (owner == null || !owner.active) {
      throw ApiException.notFound(MeetingMsg.CALENDAR_FEED, "");
    }
    Viewer v =
        new Viewer(
            owner.id,
            owner.roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(owner.roles));
    String base = base();
    return IcsBuilder.feed(
        meetings.calendarOf(v, clock.instant().minus(HISTORY)),
        m -> base + "/meetings/" + m.id,
        clock.instant());
  }

  private String base() {
    return publicUrl.replaceAll("/+$", "");
  }
}
