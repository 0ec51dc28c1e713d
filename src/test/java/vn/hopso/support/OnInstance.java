package vn.hopso.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Requests to one of several packaged instances ({@link PackagedApp}), as a client there. */
public final class OnInstance {
  private OnInstance() {}

  /** A JSON request to {@code app}, signed in with {@code token} (null: anonymous). */
  public static RequestSpecification on(PackagedApp app, String token) {
    RequestSpecification r =
        RestAssured.given()
            .baseUri("http://127.0.0.1")
            .port(app.port)
            .contentType(ContentType.JSON);
    return token == null ? r : r.header("Authorization", "Bearer " + token);
  }

  public static String login(PackagedApp app, String user, String password) {
    return on(app, null)
        .body(Map.of("username", user, "password", password))
        .post("/api/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .path("accessToken");
  }

  /**
   * The meeting's live socket on {@code app}, with a fresh ticket; {@code after}: the last event
   * the client has seen (it resumes after it), or null.
   */
  public static String wsUrl(PackagedApp app, String token, long meeting, Long after) {
    String ticket =
        on(app, token)
            .post("/api/meetings/" + meeting + "/live-ticket")
            .then()
            .statusCode(200)
            .extract()
            .path("ticket");
    return "ws://127.0.0.1:"
        + app.port
        + "/ws/meetings/"
        + meeting
        + "?ticket="
        + ticket
        + (after == null ? "" : "&after=" + after);
  }

  /** Creates a person through the people API (password {@link Api#PASSWORD}); answers the id. */
  public static long person(
      PackagedApp app, String admin, String username, String name, Long unit, String role) {
    Map<String, Object> body = new HashMap<>();
    body.put("username", username);
    body.put("fullName", name);
    body.put("roles", List.of(role));
    body.put("password", Api.PASSWORD);
    if (unit != null) {
      body.put("unitId", unit);
    }
    return on(app, admin)
        .body(body)
        .post("/api/people")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /** Creates a province-level unit; answers its id. */
  public static long unit(PackagedApp app, String admin, String code, String name) {
    return on(app, admin)
        .body(Map.of("code", code, "name", name, "level", "PROVINCE"))
        .post("/api/units")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /** A meeting of {@code unit} chaired by {@code chairId}, starting {@code in} from now; its id. */
  public static long meeting(
      PackagedApp app, String admin, long unit, long chairId, String title, Duration in) {
    Instant start = Instant.now().plus(in).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("kind", "REGULAR");
    body.put("hostUnitId", unit);
    body.put("chairId", chairId);
    body.put("startsAt", start.toString());
    body.put("endsAt", start.plus(Duration.ofHours(3)).toString());
    body.put("place", "Hội trường");
    return on(app, admin)
        .body(body)
        .post("/api/meetings")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /**
   * A meeting of {@code unit} chaired by {@code chairId}, starting in ten minutes, every member of
   * the unit invited as a voting delegate, scheduled; answers its id.
   */
  public static long scheduledMeeting(
      PackagedApp app, String admin, long unit, long chairId, String title) {
    long meeting = meeting(app, admin, unit, chairId, title, Duration.ofMinutes(10));
    String m = "/api/meetings/" + meeting;
    on(app, admin)
        .body(Map.of("unitId", unit, "includeSubunits", false, "role", "DELEGATE", "voting", true))
        .post(m + "/participants/bulk")
        .then()
        .statusCode(200);
    on(app, admin).post(m + "/schedule").then().statusCode(200);
    return meeting;
  }

  /** Creates the poll in the meeting and opens it; answers its id. */
  public static long openPoll(
      PackagedApp app, String token, long meeting, Map<String, Object> poll) {
    long id =
        on(app, token)
            .body(poll)
            .post("/api/meetings/" + meeting + "/polls")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("id");
    on(app, token).post("/api/polls/" + id + "/open").then().statusCode(200);
    return id;
  }

  /**
   * Waits (10 s at most) for the poll to close by itself, as it does once every member present has
   * voted; the caller's next step (publish) fails if it did not.
   */
  public static void awaitClosed(PackagedApp app, String token, long poll)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!"CLOSED".equals(on(app, token).get("/api/polls/" + poll).then().extract().path("state"))
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  /** A yes/no poll's input: more than half of all members, a tie not adopted. */
  public static Map<String, Object> yesNoPoll(String title, boolean secret) {
    Map<String, Object> poll = new HashMap<>();
    poll.put("title", title);
    poll.put("kind", "YES_NO");
    poll.put("secret", secret);
    poll.put(
        "rule", Map.of("base", "ALL_MEMBERS", "threshold", "MORE_THAN_HALF", "tie", "NOT_ADOPTED"));
    return poll;
  }
}
