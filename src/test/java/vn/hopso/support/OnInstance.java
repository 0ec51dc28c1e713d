package vn.hopso.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
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
}
