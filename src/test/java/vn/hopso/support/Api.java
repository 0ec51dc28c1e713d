package vn.hopso.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small helpers for REST tests: sign in, make people with roles, unique codes. */
public final class Api {
  public static final String ADMIN_PASSWORD = "test-admin-password-1";
  public static final String PASSWORD = "correct-horse-battery-1";

  private Api() {}

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String login(String username, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", username, "password", password))
        .post("/api/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .path("accessToken");
  }

  public static String admin() {
    return login("admin", ADMIN_PASSWORD);
  }

  public static RequestSpecification as(String token) {
    return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
  }

  /** Creates a person with the given roles and password, returns the username. */
  public static String person(String adminToken, List<String> roles) {
    String username = unique("u").toLowerCase();
    as(adminToken)
        .body(
            Map.of(
                "username", username,
                "fullName", "Người Thử " + username,
                "roles", roles,
                "password", PASSWORD))
        .post("/api/people")
        .then()
        .statusCode(201);
    return username;
  }

  /** Signs in a fresh person holding {@code roles}. */
  public static String tokenFor(String... roles) {
    return login(person(admin(), List.of(roles)), PASSWORD);
  }

  /** Creates a unit and returns its id. */
  public static long unit(String token, String code, String name, String level, Long parentId) {
    var body = new java.util.HashMap<String, Object>();
    body.put("code", code);
    body.put("name", name);
    body.put("level", level);
    body.put("parentId", parentId);
    return as(token)
        .body(body)
        .post("/api/units")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }
}
