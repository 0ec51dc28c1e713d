package vn.hopso.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hopso.support.MoreApi.assertFieldError;
import static vn.hopso.support.MoreApi.assertProblem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;

/**
 * Every failure is answered as problem+json that tells the caller what was wrong and never leaks
 * Java internals; the operations endpoints answer.
 */
@QuarkusTest
class ErrorHandlingTest {
  @TestHTTPResource("/api/units")
  URL unitsUrl;

  private String admin;

  @BeforeEach
  void signIn() {
    admin = Api.admin();
  }

  @Test
  void malformedJsonIs400() {
    Response r = postUnit("{\"code\": \"X-1\", \"name\": ".getBytes(StandardCharsets.UTF_8));
    assertProblem(r, 400).body("title", notNullValue());
    assertNamesAField(r);
  }

  @Test
  void notJsonAtAllIs400() {
    Response r = postUnit("code=X-1&name=Y".getBytes(StandardCharsets.UTF_8));
    assertProblem(r, 400);
    assertNamesAField(r);
  }

  @Test
  void unknownFieldIs400NamingIt() {
    String json =
        "{\"code\":\""
            + MoreApi.code("P")
            + "\",\"name\":\"Tỉnh\",\"level\":\"PROVINCE\","
            + "\"colour\":\"red\"}";
    assertFieldError(postUnit(json.getBytes(StandardCharsets.UTF_8)), "colour");
  }

  @Test
  void wrongTypeIs400NamingTheField() {
    String json =
        "{\"code\":\""
            + MoreApi.code("P")
            + "\",\"name\":\"Tỉnh\",\"level\":\"PROVINCE\","
            + "\"parentId\":{\"id\":1}}";
    assertFieldError(postUnit(json.getBytes(StandardCharsets.UTF_8)), "parentId");
  }

  @Test
  void invalidUtf8Is400() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("{\"code\":\"" + MoreApi.code("P") + "\",\"name\":\"T").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
    body.writeBytes("\",\"level\":\"PROVINCE\"}".getBytes(StandardCharsets.UTF_8));

    Response r = postUnit(body.toByteArray());
    assertProblem(r, 400);
    assertNamesAField(r);
  }

  @Test
  void emptyBodyIs400() {
    Response r = postUnit(new byte[0]);
    assertProblem(r, 400);
    assertNamesAField(r);
  }

  @Test
  void bodyOver20MegabytesIs413() throws Exception {
    byte[] big = new byte[21 * 1024 * 1024];
    Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[big.length - 1] = '}';
    // "Expect: 100-continue" lets the server refuse before the client sends 21 MB (a plain
    // upload would hit a closed socket before it could read the answer).
    HttpRequest request =
        HttpRequest.newBuilder(unitsUrl.toURI())
            .timeout(Duration.ofSeconds(60))
            .expectContinue(true)
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(big))
            .build();

    HttpResponse<String> r =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(413, r.statusCode(), r::body);
    assertFalse(r.body().contains("Exception"), r::body);
    assertFalse(r.body().contains("java."), r::body);
  }

  @Test
  void theLargestBodyIsNamedAsConfigured() {
    // the server takes a document upload's size; bodies read into memory are held to 20 MB
    assertEquals("512 MB", ProblemMappers.maxBodySize());
    assertEquals(20L * 1024 * 1024, BodyLimit.max());
    assertEquals("10 MB", ProblemMappers.sizeText(10240 * 1024L)); // Quarkus's default, 10240K
    assertEquals("512 KB", ProblemMappers.sizeText(512 * 1024L));
    assertEquals("1000 B", ProblemMappers.sizeText(1000));
  }

  @Test
  void unknownApiPathIs404Problem() {
    assertProblem(Api.as(admin).get("/api/no-such-thing"), 404);
    assertProblem(Api.as(admin).get("/api/units/42/no-such-thing"), 404);
  }

  @Test
  void nonNumericIdIsNotAServerError() {
    Response r = Api.as(admin).get("/api/units/abc");
    assertProblem(r, r.statusCode());
    assertEquals(4, r.statusCode() / 100, r::asString);
  }

  @Test
  void answersCarrySecurityHeaders() {
    Api.as(admin)
        .get("/api/units")
        .then()
        .statusCode(200)
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "SAMEORIGIN");
  }

  // ---------------------------------------------------------------- operations

  @Test
  void readinessIsUpWithADocumentStorageCheck() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("document-storage"))
        .body("checks.find { it.name == 'document-storage' }.status", equalTo("UP"))
        // each dependency on its own: the database and the other instances' event feed
        .body(
            "checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'live-event-feed' }.status", equalTo("UP"))
        .body(
            "checks.find { it.name == 'live-event-feed' }.data.feed",
            equalTo("PostgreSQL LISTEN/NOTIFY"));
  }

  @Test
  void livenessIsUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void metricsAnswerPrometheusText() {
    Api.as(admin).get("/api/units").then().statusCode(200);
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .contentType(anyOf(startsWith("text/plain"), startsWith("application/openmetrics-text")))
        .body(containsString("# TYPE"))
        .body(containsString("http_server_requests"))
        // HopSo's own figures (deploy/grafana/hopso.json draws them) and the database pool's
        .body(containsString("hopso_live_connections "))
        .body(containsString("hopso_live_events_total "))
        .body(containsString("hopso_ballots_latency_seconds_count "))
        .body(containsString("hopso_outbox_backlog "))
        .body(containsString("agroal_active_count"))
        .body(not(containsString("<html")));
  }

  @Test
  void openApiDocumentAnswers() {
    given()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("openapi"))
        .body(containsString("/api/units"))
        .body(containsString("/api/auth/login"));
  }

  /** The problem lists at least one entry in errors[] with a field name. */
  private static void assertNamesAField(Response r) {
    List<String> fields = r.jsonPath().getList("errors.field", String.class);
    assertTrue(fields != null && !fields.isEmpty(), () -> "errors[] missing: " + r.asString());
  }

  private Response postUnit(byte[] body) {
    return given()
        .header("Authorization", "Bearer " + admin)
        .contentType("application/json; charset=UTF-8")
        .body(body)
        .post("/api/units");
  }
}
