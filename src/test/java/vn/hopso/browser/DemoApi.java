package vn.hopso.browser;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.hopso.support.EmbeddedAppResource;

/**
 * What a browser test prepares through the REST API of the packaged app (the demo province of 2021,
 * {@link EmbeddedAppResource}'s passwords), so that the browser does only the part under test.
 */
final class DemoApi {
  private DemoApi() {}

  /**
   * Access tokens by username: one sign-in per account and test class (they last 15 minutes). A
   * test class with other test resources runs against another start of the app, with another
   * database and signing key, so the tokens are forgotten when a class starts ({@link #forget}).
   */
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  static void forget() {
    TOKENS.clear();
  }

  /** The administrator's password, or the one all demo accounts share. */
  static String password(String username) {
    return "admin".equals(username)
        ? EmbeddedAppResource.ADMIN_PASSWORD
        : EmbeddedAppResource.DEMO_PASSWORD;
  }

  static String token(String username) {
    return TOKENS.computeIfAbsent(
        username,
        u ->
            given()
                .contentType(ContentType.JSON)
                .body(Map.of("username", u, "password", password(u)))
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken"));
  }

  static RequestSpecification as(String token) {
    return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
  }

  /** The demo person with this username, as the people list gives it. */
  static Map<String, Object> person(String username) {
    return as(token("admin"))
        .queryParam("q", username)
        .get("/api/people")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getMap("items.find { it.username == '" + username + "' }");
  }

  static long personId(String username) {
    return ((Number) person(username).get("id")).longValue();
  }

  /** The id of the demo endpoint with this code (its device account is the code in lower case). */
  static long endpointId(String code) {
    return as(token("admin"))
        .queryParam("q", code)
        .get("/api/endpoints")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("items.find { it.code == '" + code + "' }.id");
  }

  static long provinceUnitId() {
    return as(token("admin"))
        .queryParam("q", "TH")
        .queryParam("level", "PROVINCE")
        .get("/api/units")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("items.find { it.code == 'TH' }.id");
  }

  /**
   * A scheduled meeting of the province that opens in ten minutes, chaired by {@code chutich} with
   * {@code thuky1} as its secretary, the given delegates, rooms and a published agenda.
   */
  static long scheduledMeeting(
      String title, List<String> delegates, List<Long> endpointIds, List<String> items) {
    String sec = token("thuky1");
    Instant start = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
    long id =
        as(sec)
            .body(
                Map.of(
                    "title", title,
                    "kind", "REGULAR",
                    "hostUnitId", provinceUnitId(),
                    "chairId", personId("chutich"),
                    "secretaryId", personId("thuky1"),
                    "startsAt", start.toString(),
                    "endsAt", start.plus(2, ChronoUnit.HOURS).toString(),
                    "place", "Hội trường tầng 3, UBND tỉnh"))
            .post("/api/meetings")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    if (!delegates.isEmpty()) {
      List<Map<String, Object>> invites =
          delegates.stream()
              .map(u -> Map.<String, Object>of("personId", personId(u), "role", "DELEGATE"))
              .toList();
      as(sec)
          .body(Map.of("participants", invites))
          .post("/api/meetings/{id}/participants", id)
          .then()
          .statusCode(200);
    }
    if (!endpointIds.isEmpty()) {
      as(sec)
          .body(Map.of("endpointIds", endpointIds))
          .post("/api/meetings/{id}/endpoints", id)
          .then()
          .statusCode(200);
    }
    for (String item : items) {
      as(sec)
          .body(Map.of("title", item, "plannedMinutes", 10))
          .post("/api/meetings/{id}/agenda/items", id)
          .then()
          .statusCode(201);
    }
    if (!items.isEmpty()) {
      as(sec).post("/api/meetings/{id}/agenda/publish", id).then().statusCode(200);
    }
    as(sec).post("/api/meetings/{id}/schedule", id).then().statusCode(200);
    return id;
  }

  /** The id of {@code username}'s participant row in a meeting. */
  static long participantId(long meetingId, String username) {
    long personId = personId(username);
    return as(token("thuky1"))
        .queryParam("size", 500)
        .get("/api/meetings/{id}/participants", meetingId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("items.find { it.personId == " + personId + " }.id");
  }

  /** {@code giver} gives their vote in a meeting to {@code holder} (set by the secretary). */
  static void proxy(long meetingId, String giver, String holder) {
    as(token("thuky1"))
        .body(Map.of("toParticipantId", participantId(meetingId, holder)))
        .put(
            "/api/meetings/{id}/participants/{pid}/proxy",
            meetingId,
            participantId(meetingId, giver))
        .then()
        .statusCode(200);
  }

  /** The chair starts the session. */
  static void start(long meetingId) {
    as(token("chutich")).post("/api/meetings/{id}/start", meetingId).then().statusCode(200);
  }

  /** {@code username} checks in (present in the room). */
  static void checkIn(long meetingId, String username) {
    as(token(username)).post("/api/meetings/{id}/check-in", meetingId).then().statusCode(200);
  }
}
