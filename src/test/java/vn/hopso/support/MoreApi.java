package vn.hopso.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** More helpers for REST tests, on top of {@link Api}. */
public final class MoreApi {
  private MoreApi() {}

  /** A unique lower-case username (hex only, so it never contains Vietnamese words). */
  public static String username(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** A unique code made of letters, digits and dashes. */
  public static String code(String prefix) {
    return Api.unique(prefix).toUpperCase();
  }

  /** POST /api/auth/login, whatever the answer. */
  public static Response loginResponse(String username, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", username, "password", password))
        .post("/api/auth/login");
  }

  /** A province (no parent) with a unique code; returns its id. */
  public static long province(String admin, String name) {
    return Api.unit(admin, code("P"), name, "PROVINCE", null);
  }

  /** Creates a unit and returns the whole answer body as a map. */
  public static Map<String, Object> unitBody(
      String code, String name, String level, Long parentId) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("name", name);
    body.put("level", level);
    body.put("parentId", parentId);
    return body;
  }

  /** A person body for POST/PUT /api/people. */
  public static Map<String, Object> personBody(
      String username, String fullName, Long unitId, List<String> roles, String password) {
    Map<String, Object> body = new HashMap<>();
    body.put("username", username);
    body.put("fullName", fullName);
    body.put("unitId", unitId);
    body.put("roles", roles);
    if (password != null) {
      body.put("password", password);
    }
    return body;
  }

  /**
   * PUT {@code body} to {@code path} as an editor would: based on the version read just before (GET
   * {@code path}), so the save is not refused as stale.
   */
  public static Response update(String token, String path, Map<String, ?> body) {
    Response current = Api.as(token).get(path);
    Map<String, Object> withVersion = new HashMap<>(body);
    withVersion.put(
        "version", current.statusCode() == 200 ? current.jsonPath().getLong("version") : 0L);
    return Api.as(token).body(withVersion).put(path);
  }

  /** Creates a person; returns its id. */
  public static long createPerson(
      String admin, String username, String fullName, Long unitId, List<String> roles) {
    return Api.as(admin)
        .body(personBody(username, fullName, unitId, roles, Api.PASSWORD))
        .post("/api/people")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /** The id of the person with this username. */
  public static long personId(String admin, String username) {
    List<Map<String, Object>> items =
        Api.as(admin)
            .queryParam("q", username)
            .queryParam("kind", "ALL")
            .get("/api/people")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    return items.stream()
        .filter(p -> username.equals(p.get("username")))
        .map(p -> ((Number) p.get("id")).longValue())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no person " + username));
  }

  /** An endpoint body for POST/PUT /api/endpoints. */
  public static Map<String, Object> endpointBody(
      String code, String name, Long unitId, String room, String deviceAccount) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("name", name);
    body.put("unitId", unitId);
    body.put("room", room);
    body.put("deviceAccount", deviceAccount);
    return body;
  }

  /** Creates an endpoint; returns its id. */
  public static long createEndpoint(
      String admin, String code, String name, long unitId, String deviceAccount) {
    return Api.as(admin)
        .body(endpointBody(code, name, unitId, "Phòng họp 1", deviceAccount))
        .post("/api/endpoints")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /** Admin sets a person's password. */
  public static void setPassword(String admin, long personId, String password) {
    Api.as(admin)
        .body(Map.of("password", password))
        .post("/api/people/" + personId + "/password")
        .then()
        .statusCode(204);
  }

  /**
   * Asserts a problem+json answer with {@code status}, and that it leaks no Java internals. Returns
   * the response for further checks.
   */
  public static ValidatableResponse assertProblem(Response response, int status) {
    String body = response.asString();
    assertFalse(body.contains("Exception"), () -> "answer leaks an exception name: " + body);
    assertFalse(body.contains("java."), () -> "answer leaks a Java class: " + body);
    assertFalse(body.contains("\tat "), () -> "answer contains a stack trace: " + body);
    assertEquals(status, response.statusCode(), () -> "unexpected status; body: " + body);
    String type = response.contentType();
    assertTrue(
        type != null && type.startsWith("application/problem+json"),
        () -> "expected application/problem+json but got " + type + "; body: " + body);
    return response
        .then()
        .statusCode(status)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(status))
        .body("title", notNullValue())
        .body("type", startsWith("urn:hopso:problem:"));
  }

  /** Asserts a 400 problem whose {@code errors[].field} names {@code field}. */
  public static ValidatableResponse assertFieldError(Response response, String field) {
    return assertProblem(response, 400).body("errors.field", hasItem(field));
  }

  /** Asserts a 409 problem naming {@code field}. */
  public static ValidatableResponse assertConflict(Response response, String field) {
    return assertProblem(response, 409).body("errors.field", hasItem(field));
  }

  /** GET /api/auth/me with this token must answer 401 problem+json. */
  public static void assertSignedOut(String token) {
    assertProblem(Api.as(token).get("/api/auth/me"), 401);
  }

  /** GET /api/auth/me with this token must answer 200 for {@code username}. */
  public static void assertSignedIn(String token, String username) {
    Api.as(token).get("/api/auth/me").then().statusCode(200).body("username", equalTo(username));
  }

  /** Hamcrest matcher: a list that does not contain the item. */
  public static <T> org.hamcrest.Matcher<Iterable<? super T>> lacks(T item) {
    return not(hasItem(item));
  }

  /**
   * Takes an ended meeting's minutes to publication the way its people do: the secretary drafts,
   * the chair approves, both sign on the server (the organisation's certificate), the secretary
   * publishes. The meeting is then MINUTES_PUBLISHED.
   */
  public static void publishMinutes(String base, String secretaryToken, String chairToken) {
    long version =
        Api.as(secretaryToken)
            .post(base + "/minutes")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("version");
    Api.as(chairToken)
        .body(java.util.Map.of("version", version))
        .post(base + "/minutes/approve")
        .then()
        .statusCode(200);
    Api.as(secretaryToken).post(base + "/minutes/sign").then().statusCode(200);
    Api.as(chairToken).post(base + "/minutes/sign").then().statusCode(200);
    Api.as(secretaryToken).post(base + "/minutes/publish").then().statusCode(200);
  }
}
