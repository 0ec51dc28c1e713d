package vn.hopso;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.support.EmbeddedAppResource;

/** The packaged application with its embedded defaults (H2 file database, local folder). */
@QuarkusIntegrationTest
@WithTestResource(EmbeddedAppResource.class)
class EmbeddedDefaultsIT {
  private String login(String user, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", user, "password", password))
        .post("/api/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .path("accessToken");
  }

  @Test
  void startsReadyWithH2AndLocalFolderAndSignsIn() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("document-storage"))
        .body(
            "checks.find { it.name == 'document-storage' }.data.storage",
            containsString("local folder"));
    String token = login("admin", EmbeddedAppResource.ADMIN_PASSWORD);
    given()
        .header("Authorization", "Bearer " + token)
        .get("/api/auth/me")
        .then()
        .statusCode(200)
        .body("roles", hasItem("ADMIN"));
  }

  @Test
  void demoProvinceHas356Endpoints() {
    String token = login("admin", EmbeddedAppResource.ADMIN_PASSWORD);
    given()
        .header("Authorization", "Bearer " + token)
        .queryParam("size", 1)
        .queryParam("q", "DC-TH-")
        .get("/api/endpoints")
        .then()
        .statusCode(200)
        .body("total", equalTo(356)); // the demo's own rooms (other tests add theirs)
    given()
        .header("Authorization", "Bearer " + token)
        .queryParam("q", "thieu hoa")
        .queryParam("level", "DISTRICT")
        .get("/api/units")
        .then()
        .body("items[0].name", equalTo("Huyện Thiệu Hóa"));
  }

  @Test
  void webAppIsServedAndDeepLinksSurviveReload() {
    given()
        .accept("text/html")
        .get("/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"));
    given()
        .accept("text/html")
        .get("/admin/endpoints")
        .then()
        .statusCode(200)
        .body(containsString("<div id=\"root\">"));
    // API paths are never answered with the web page
    given().accept("text/html").get("/api/nothing-here").then().statusCode(404);
  }

  @Test
  void operationsEndpointsAnswer() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory"));
    given().get("/q/openapi").then().statusCode(200).body(containsString("/api/units"));
  }
}
