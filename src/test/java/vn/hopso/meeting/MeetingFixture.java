package vn.hopso.meeting;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import vn.hopso.support.Api;
import vn.hopso.support.MessagingResource;
import vn.hopso.support.MoreApi;

/** Helpers for meeting tests: people with emails and phones, meetings, received mail. */
public final class MeetingFixture {
  private MeetingFixture() {}

  public record Someone(long id, String username, String token, String email) {}

  public static Someone someone(String admin, String fullName, String... roles) {
    return someone(admin, fullName, true, roles);
  }

  /**
   * Someone without email or phone: tests that make many meetings use such people, so the shared
   * outbox holds only the messages of the tests that read them.
   */
  public static Someone quiet(String admin, String fullName, String... roles) {
    return someone(admin, fullName, false, roles);
  }

  private static Someone someone(
      String admin, String fullName, boolean reachable, String... roles) {
    String username = Api.unique("p").toLowerCase();
    String email = username + "@test.hopso.vn";
    Map<String, Object> body = new HashMap<>();
    body.put("username", username);
    body.put("fullName", fullName);
    body.put("roles", List.of(roles));
    body.put("password", Api.PASSWORD);
    if (reachable) {
      body.put("email", email);
      body.put("phone", "0912 000 " + (100 + (int) (Math.random() * 899)));
    }
    long id =
        Api.as(admin)
            .body(body)
            .post("/api/people")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    return new Someone(id, username, Api.login(username, Api.PASSWORD), email);
  }

  public static Map<String, Object> meetingBody(
      String title, long unitId, long chairId, Long secretaryId, Instant start, Instant end) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("kind", "REGULAR");
    body.put("hostUnitId", unitId);
    body.put("chairId", chairId);
    body.put("secretaryId", secretaryId);
    body.put("startsAt", start.truncatedTo(ChronoUnit.SECONDS).toString());
    body.put("endsAt", end.truncatedTo(ChronoUnit.SECONDS).toString());
    body.put("place", "Hội trường 301, UBND tỉnh");
    return body;
  }

  public static long create(String token, Map<String, Object> body) {
    return Api.as(token)
        .body(body)
        .post("/api/meetings")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /** A two-hour meeting that starts in ten minutes (check-in and the start are open already). */
  public static long startingSoon(
      String token, String title, long unitId, long chairId, long secretaryId) {
    java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofMinutes(10));
    return create(
        token,
        meetingBody(
            title, unitId, chairId, secretaryId, start, start.plus(java.time.Duration.ofHours(2))));
  }

  /** Publishes the agenda and schedules the meeting (its secretary), then the chair starts it. */
  public static void startSession(String secretaryToken, String chairToken, long meeting) {
    String base = "/api/meetings/" + meeting;
    Api.as(secretaryToken).post(base + "/agenda/publish").then().statusCode(200);
    Api.as(secretaryToken).post(base + "/schedule").then().statusCode(200);
    Api.as(chairToken).post(base + "/start").then().statusCode(200);
  }

  /** Invites these people as delegates (as the meeting's secretary or another manager). */
  public static void inviteDelegates(String token, long meeting, List<Someone> delegates) {
    List<Map<String, Object>> people = new ArrayList<>();
    delegates.forEach(d -> people.add(Map.of("personId", d.id(), "role", "DELEGATE")));
    Api.as(token)
        .body(Map.of("participants", people))
        .post("/api/meetings/" + meeting + "/participants")
        .then()
        .statusCode(200);
  }

  /** A room taking part: its endpoint, and its device account signed in. */
  public record Room(long endpointId, String token) {}

  /**
   * A new endpoint of the unit with a device account that can sign in, invited to the meeting (by
   * its secretary or another manager).
   */
  public static Room invitedRoom(
      String admin, String token, long meeting, long unitId, String name) {
    String device = MoreApi.username("room");
    long endpoint = MoreApi.createEndpoint(admin, MoreApi.code("EP"), name, unitId, device);
    MoreApi.setPassword(admin, MoreApi.personId(admin, device), Api.PASSWORD);
    Api.as(token)
        .body(Map.of("endpointIds", List.of(endpoint)))
        .post("/api/meetings/" + meeting + "/endpoints")
        .then()
        .statusCode(200);
    return new Room(endpoint, Api.login(device, Api.PASSWORD));
  }

  /** Adds agenda items of 30 minutes and answers their ids. */
  public static List<Long> agenda(String token, long meeting, List<String> titles) {
    List<Long> ids = new ArrayList<>();
    for (String title : titles) {
      ids.add(
          Api.as(token)
              .body(Map.of("title", title, "plannedMinutes", 30))
              .post("/api/meetings/" + meeting + "/agenda/items")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id"));
    }
    return ids;
  }

  /** Mails received for {@code to} whose subject contains {@code subjectPart}. */
  public static List<MimeMessage> mailsTo(String to, String subjectPart) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : MessagingResource.mail.getReceivedMessages()) {
      boolean addressed = false;
      for (var a : m.getAllRecipients()) {
        addressed |= a.toString().contains(to);
      }
      if (addressed && m.getSubject().contains(subjectPart)) {
        out.add(m);
      }
    }
    return out;
  }

  public static String text(MimeMessage m) throws Exception {
    Object content = m.getContent();
    if (content instanceof String s) {
      return s;
    }
    Multipart mp = (Multipart) content;
    for (int i = 0; i < mp.getCount(); i++) {
      BodyPart part = mp.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
    }
    return "";
  }

  /** The iCalendar attachment of a mail, parsed, with its part's content type. */
  record Ics(Calendar calendar, String contentType, String raw) {}

  public static Ics calendar(MimeMessage m) throws Exception {
    Multipart mp = (Multipart) m.getContent();
    for (int i = 0; i < mp.getCount(); i++) {
      BodyPart part = mp.getBodyPart(i);
      if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
        String raw;
        Object c = part.getContent();
        if (c instanceof String s) {
          raw = s;
        } else {
          try (InputStream in = (InputStream) c) {
            raw = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          }
        }
        return new Ics(
            new CalendarBuilder().build(new StringReader(raw)), part.getContentType(), raw);
      }
    }
    return null;
  }

  public static String prop(Ics ics, String component, String name) {
    java.util.Optional<net.fortuna.ical4j.model.Property> p;
    if (component == null) {
      p = ics.calendar().getProperty(name);
    } else {
      java.util.Optional<net.fortuna.ical4j.model.component.CalendarComponent> c =
          ics.calendar().getComponent(component);
      p = c.isPresent() ? c.get().getProperty(name) : java.util.Optional.empty();
    }
    return p.map(net.fortuna.ical4j.model.Property::getValue).orElse(null);
  }
}
