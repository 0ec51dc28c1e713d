package vn.hopso.auth;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;

@QuarkusTest
class AuthSmokeTest {
  @Test
  void adminSignsInAndSeesHimself() {
    String token = Api.admin();
    Api.as(token)
        .get("/api/auth/me")
        .then()
        .statusCode(200)
        .body("username", org.hamcrest.Matchers.equalTo("admin"))
        .body("roles", hasItem("ADMIN"))
        .body("id", notNullValue());
  }
}
