package vn.hopso.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hopso.meeting.MeetingFixture;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;

/**
 * The one input policy (issue 6, §1): every instance the probes found, and the mechanism behind
 * them, answered with 4xx naming the field or parameter, never 2xx or 5xx.
 */
@QuarkusTest
class StrictInputTest {
  private String admin;

  @jakarta.inject.Inject com.fasterxml.jackson.databind.ObjectMapper json;
  @jakarta.inject.Inject @StoredJson com.fasterxml.jackson.databind.ObjectMapper stored;

  /** A stored shape: what an older version wrote had {@code gone}, lacked {@code count}. */
  record Snapshot(long id, String title, int count, List<Snapshot> children) {}

  @Test
  void storedJsonIsReadTolerantlyBodiesStrictly() throws Exception {
    String older = "{\"id\":7,\"title\":\"Khai mạc\",\"gone\":true,\"children\":[]}";
    assertEquals(
        new Snapshot(7, "Khai mạc", 0, List.of()), stored.readValue(older, Snapshot.class));
    // the application's mapper refuses both the absent number and the unknown field
    org.junit.jupiter.api.Assertions.assertThrows(
        com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
        () -> json.readValue(older, Snapshot.class));
    org.junit.jupiter.api.Assertions.assertThrows(
        com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class,
        () -> json.readValue(older.replace("}", ",\"count\":1}"), Snapshot.class));
    // the request policy is unchanged by the copy
    postUnit(unit(",\"colour\":\"red\"")).then().statusCode(400);
  }

  @BeforeEach
  void signIn() {
    admin = Api.admin();
  }

  private Response postUnit(String json) {
    return postUnit(json.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  private Response postUnit(byte[] body, String contentType) {
    return given()
        .header("Authorization", "Bearer " + admin)
        .contentType(contentType)
        .body(body)
        .post("/api/units");
  }

  private static String unit(String extra) {
    return "{\"code\":\""
        + MoreApi.code("S")
        + "\",\"name\":\"Tỉnh\",\"level\":\"PROVINCE\""
        + extra
        + "}";
  }

  private static void assertFieldCode(Response r, int status, String field, String code) {
    r.then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field))
        .body("errors.find { it.field == '" + field + "' }.code", equalTo(code));
  }

  @Test
  void aRepeatedKeyIsRefusedNamingIt() {
    String code = MoreApi.code("D");
    Response r =
        postUnit(
            "{\"code\":\"" + code + "\",\"name\":\"A\",\"name\":\"B\",\"level\":\"PROVINCE\"}");
    assertFieldCode(r, 400, "name", "field.duplicate-key");
    // a one-field body (the 500 the probes found)
    Response cancel =
        Api.as(admin).body("{\"reason\":\"a\",\"reason\":\"b\"}").post("/api/meetings/1/cancel");
    assertEquals(400, cancel.statusCode(), cancel::asString);
  }

  @Test
  void dataAfterTheValueIsRefused() {
    assertFieldCode(postUnit(unit("") + " {}"), 400, "body", "body.trailing");
    assertFieldCode(postUnit(unit("") + "garbage"), 400, "body", "body.malformed");
  }

  @Test
  void scalarsAreNeverCoerced() {
    assertFieldCode(
        postUnit("{\"code\":12,\"name\":\"Tỉnh\",\"level\":\"PROVINCE\"}"),
        400,
        "code",
        "field.type");
    assertFieldCode(postUnit(unit(",\"parentId\":1.5")), 400, "parentId", "field.type");
    assertFieldCode(postUnit(unit(",\"parentId\":\"12\"")), 400, "parentId", "field.type");
    assertFieldCode(postUnit(unit(",\"active\":\"true\"")), 400, "active", "field.type");
    assertFieldCode(postUnit(unit(",\"active\":1")), 400, "active", "field.type");
    assertFieldCode(
        postUnit(unit(",\"parentId\":99999999999999999999999")), 400, "parentId", "field.type");
  }

  @Test
  void textMustBeValidUtf8WithoutControlCharacters() {
    // overlong "/" (0xC0 0xAF) and an encoded surrogate (0xED 0xA0 0x80)
    for (byte[] bad :
        List.of(
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      b.writeBytes(
          ("{\"code\":\"" + MoreApi.code("U") + "\",\"name\":\"T")
              .getBytes(StandardCharsets.UTF_8));
      b.writeBytes(bad);
      b.writeBytes("\",\"level\":\"PROVINCE\"}".getBytes(StandardCharsets.UTF_8));
      assertFieldCode(postUnit(b.toByteArray(), "application/json"), 400, "body", "body.encoding");
    }
    // UTF-16 is not guessed from zero bytes
    byte[] utf16 = unit("").getBytes(StandardCharsets.UTF_16LE);
    assertEquals(400, postUnit(utf16, "application/json").statusCode());
    // NUL, other control characters and lone surrogates in JSON escapes
    for (String text : List.of("a\\u0000b", "a\\u0007b", "a\\ud800b", "\\udc00")) {
      assertFieldCode(
          postUnit(
              "{\"code\":\""
                  + MoreApi.code("C")
                  + "\",\"name\":\""
                  + text
                  + "\",\"level\":\"PROVINCE\"}"),
          400,
          "name",
          "field.bad-text");
    }
    // tabs and line breaks are text
    postUnit(
            "{\"code\":\""
                + MoreApi.code("T")
                + "\",\"name\":\"Tỉnh\\tMới\\nDòng\",\"level\":\"PROVINCE\"}")
        .then()
        .statusCode(201);
  }

  @Test
  void bodiesMustBeDeclaredJson() {
    Response plain = postUnit(unit("").getBytes(StandardCharsets.UTF_8), "text/plain");
    plain.then().statusCode(415).body("code", equalTo("unsupported-media-type"));
    Response latin =
        postUnit(
            unit("").getBytes(StandardCharsets.ISO_8859_1), "application/json; charset=ISO-8859-1");
    assertEquals(415, latin.statusCode(), latin::asString);
    // a password sent as text/plain is never taken as the whole JSON text
    given()
        .contentType("text/plain")
        .body("{\"username\":\"admin\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}")
        .post("/api/auth/login")
        .then()
        .statusCode(415);
  }

  @Test
  void aCancellationReasonSentAsPlainTextIsRefusedNotStored() {
    MeetingFixture.Someone chair = MeetingFixture.quiet(admin, "Trần Văn Chủ Tọa", "CHAIR");
    long unitId = MoreApi.province(admin, "Tỉnh Kiểm Tra Lý Do");
    Instant start = Instant.now().plus(Duration.ofDays(2));
    long id =
        MeetingFixture.create(
            admin,
            MeetingFixture.meetingBody(
                "Họp kiểm tra", unitId, chair.id(), null, start, start.plus(Duration.ofHours(1))));
    given()
        .header("Authorization", "Bearer " + admin)
        .contentType("text/plain")
        .body("{\"reason\":\"Không cần nữa\"}")
        .post("/api/meetings/" + id + "/cancel")
        .then()
        .statusCode(415);
    Api.as(admin).get("/api/meetings/" + id).then().body("status", equalTo("DRAFT"));
  }

  /**
   * An optional body left out without a Content-Type (curl -X POST, a client that sends nothing) is
   * no body at all, not an unsupported one: the check-in goes through.
   */
  @Test
  void anOptionalBodyLeftOutNeedsNoContentType() {
    MeetingFixture.Someone secretary =
        MeetingFixture.quiet(admin, "Thư Ký Không Thân", "SECRETARY");
    MeetingFixture.Someone chair = MeetingFixture.quiet(admin, "Chủ Trì Không Thân", "CHAIR");
    MeetingFixture.Someone delegate =
        MeetingFixture.quiet(admin, "Đại Biểu Không Thân", "DELEGATE");
    long unitId = MoreApi.province(admin, "Tỉnh Thân Rỗng");
    long id =
        MeetingFixture.startingSoon(
            secretary.token(), "Họp không thân", unitId, chair.id(), secretary.id());
    MeetingFixture.inviteDelegates(secretary.token(), id, java.util.List.of(delegate));
    MeetingFixture.agenda(secretary.token(), id, java.util.List.of("Khai mạc"));
    MeetingFixture.startSession(secretary.token(), chair.token(), id);
    String path = "/api/meetings/" + id + "/check-in";
    assertEquals(415, post(delegate.token(), path, "{}"), "a body without a type");
    assertEquals(200, post(delegate.token(), path, null), "no body, no type");
    Api.as(secretary.token())
        .get("/api/meetings/" + id + "/participants")
        .then()
        .statusCode(200)
        .body(
            "items.find { it.personId == " + delegate.id() + " }.attendance",
            equalTo("PRESENT_ONLINE"));
  }

  /** A POST exactly as written: no Content-Type, the body (or none) with its length. */
  private static int post(String token, String path, String body) {
    try {
      java.net.http.HttpRequest request =
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + path))
              .header("Authorization", "Bearer " + token)
              .POST(
                  body == null
                      ? java.net.http.HttpRequest.BodyPublishers.noBody()
                      : java.net.http.HttpRequest.BodyPublishers.ofString(body))
              .build();
      return java.net.http.HttpClient.newHttpClient()
          .send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void pagingDatesAndQueriesAreBounded() {
    MoreApi.assertFieldError(
        Api.as(admin).queryParam("page", Integer.MAX_VALUE).get("/api/units"), "page");
    MoreApi.assertFieldError(Api.as(admin).queryParam("page", -1).get("/api/units"), "page");
    MoreApi.assertFieldError(Api.as(admin).queryParam("size", 0).get("/api/units"), "size");
    MoreApi.assertFieldError(
        Api.as(admin).queryParam("to", "+999999999-12-31").get("/api/meetings?scope=all"), "to");
    MoreApi.assertFieldError(
        Api.as(admin).queryParam("from", "0001-01-01").get("/api/meetings?scope=all"), "from");
    MoreApi.assertFieldError(Api.as(admin).queryParam("q", "x".repeat(201)).get("/api/units"), "q");
    MoreApi.assertFieldError(Api.as(admin).queryParam("q", "a\u0000b").get("/api/units"), "q");
    MoreApi.assertFieldError(
        Api.as(admin).queryParam("active", "maybe").get("/api/units"), "active");
    // a malformed percent-escape (no Java client sends one: a raw socket does)
    assertEquals(400, rawStatus("GET /api/units?q=%ZZ"));
  }

  @Test
  void meetingsFarInTheFutureAreRefusedBeforeAnythingIsSaved() {
    MeetingFixture.Someone chair = MeetingFixture.quiet(admin, "Lê Văn Chủ Tọa", "CHAIR");
    long unitId = MoreApi.province(admin, "Tỉnh Kiểm Tra Ngày");
    Map<String, Object> body =
        new java.util.HashMap<>(
            MeetingFixture.meetingBody(
                "Họp năm xa", unitId, chair.id(), null, Instant.now(), Instant.now()));
    body.put("startsAt", "+999999999-01-01T00:00:00Z");
    body.put("endsAt", "+999999999-01-01T02:00:00Z");
    Response r = Api.as(admin).body(body).post("/api/meetings");
    assertEquals(400, r.statusCode(), r::asString);
    body.put("startsAt", "2026-13-01T00:00:00Z");
    assertEquals(400, Api.as(admin).body(body).post("/api/meetings").statusCode());
    body.put("startsAt", 1_800_000_000);
    assertEquals(400, Api.as(admin).body(body).post("/api/meetings").statusCode());
  }

  @Test
  void anUnbalancedQuoteInACsvNamesTheLineWithoutLibraryNames() {
    String csv = "code,name,level,parent\nP1,\"Tỉnh Mở Ngoặc,PROVINCE,\nP2,Tỉnh,PROVINCE,\n";
    Response r =
        Api.as(admin)
            .contentType("text/csv")
            .body(csv.getBytes(StandardCharsets.UTF_8))
            .post("/api/import/units");
    r.then().statusCode(422).body("rows[0].code", equalTo("import.csv.quote"));
    assertEquals(2, r.jsonPath().getInt("rows[0].line"));
    assertFalse(r.asString().contains("Exception"), r.asString());
    assertFalse(r.asString().contains("commons"), r.asString());
  }

  @Test
  void bogusBearerTokensAre401NotServerErrors() {
    for (String token : List.of("x", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "\u00e9\u00e9")) {
      Response r = given().header("Authorization", "Bearer " + token).get("/api/auth/me");
      assertEquals(401, r.statusCode(), r::asString);
      assertTrue(r.asString().contains("unauthorized"), r.asString());
    }
  }

  /** The status code of a request written by hand on a socket (for what clients refuse to send). */
  private int rawStatus(String requestLine) {
    try (java.net.Socket socket =
        new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
      String request =
          requestLine
              + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + admin
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String status =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(status.split(" ")[1]);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
