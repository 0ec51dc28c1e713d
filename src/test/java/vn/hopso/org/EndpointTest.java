package vn.hopso.org;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.hopso.support.MoreApi.assertConflict;
import static vn.hopso.support.MoreApi.assertFieldError;
import static vn.hopso.support.MoreApi.assertProblem;
import static vn.hopso.support.MoreApi.endpointBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;

/** The registry of video endpoints (điểm cầu) and their device accounts. */
@QuarkusTest
class EndpointTest {
  private String admin;
  private long province;

  @BeforeEach
  void setUp() {
    admin = Api.admin();
    province = MoreApi.province(admin, "Tỉnh Điểm Cầu");
  }

  @Test
  void createAnswers201WithTheEndpoint() {
    String code = MoreApi.code("EP");
    String device = MoreApi.username("room");

    Response r =
        Api.as(admin)
            .body(endpointBody(code, " Điểm cầu Tỉnh ủy ", province, "Phòng họp số 2", device))
            .post("/api/endpoints");

    r.then()
        .statusCode(201)
        .header("Location", endsWith("/api/endpoints/" + r.jsonPath().getLong("id")))
        .body("code", equalTo(code))
        .body("name", equalTo("Điểm cầu Tỉnh ủy"))
        .body("unitId", equalTo((int) province))
        .body("unitName", equalTo("Tỉnh Điểm Cầu"))
        .body("room", equalTo("Phòng họp số 2"))
        .body("deviceAccount", equalTo(device))
        .body("active", equalTo(true))
        .body("status", equalTo("OFFLINE"))
        .body("lastSeenAt", nullValue());
  }

  @Test
  void newDeviceAccountIsCreatedWithTheEndpointRoleAndNoPassword() {
    String device = MoreApi.username("room");
    MoreApi.createEndpoint(admin, MoreApi.code("EP"), "Điểm cầu mới", province, device);

    long id = MoreApi.personId(admin, device);
    Api.as(admin)
        .get("/api/people/" + id)
        .then()
        .statusCode(200)
        .body("roles", equalTo(List.of("ENDPOINT")))
        .body("unitId", equalTo((int) province));
    // no password yet: nobody can sign in with it
    assertProblem(MoreApi.loginResponse(device, "any-password-at-all"), 401);
  }

  @Test
  void updateChangesTheEndpoint() {
    String code = MoreApi.code("EP");
    long id = MoreApi.createEndpoint(admin, code, "Điểm cầu cũ", province, null);
    long district = Api.unit(admin, MoreApi.code("D"), "Huyện Mới Chuyển", "DISTRICT", province);
    Map<String, Object> body = endpointBody(code, "Điểm cầu đổi tên", district, null, null);
    body.put("active", false);

    MoreApi.update(admin, "/api/endpoints/" + id, body)
        .then()
        .statusCode(200)
        .body("name", equalTo("Điểm cầu đổi tên"))
        .body("unitId", equalTo((int) district))
        .body("room", nullValue())
        .body("active", equalTo(false));
    Api.as(admin).get("/api/endpoints/" + id).then().body("active", equalTo(false));
  }

  @Test
  void unknownEndpointIs404() {
    assertProblem(Api.as(admin).get("/api/endpoints/987654321"), 404);
  }

  // ---------------------------------------------------------------- validation

  @Test
  void unknownUnitIsInvalid() {
    assertFieldError(
        Api.as(admin)
            .body(endpointBody(MoreApi.code("EP"), "Điểm cầu lạc", 987654321L, null, null))
            .post("/api/endpoints"),
        "unitId");
  }

  @Test
  void missingUnitIsInvalid() {
    assertFieldError(
        Api.as(admin)
            .body(endpointBody(MoreApi.code("EP"), "Điểm cầu không đơn vị", null, null, null))
            .post("/api/endpoints"),
        "unitId");
  }

  @Test
  void inactiveUnitIsInvalid() {
    long a = Api.unit(admin, MoreApi.code("D"), "Huyện Sẽ Gộp", "DISTRICT", province);
    long b = Api.unit(admin, MoreApi.code("D"), "Huyện Nhận Gộp", "DISTRICT", province);
    Api.as(admin)
        .body(Map.of("intoUnitId", b))
        .post("/api/units/" + a + "/merge")
        .then()
        .statusCode(200);
    assertFieldError(
        Api.as(admin)
            .body(endpointBody(MoreApi.code("EP"), "Điểm cầu ở đơn vị cũ", a, null, null))
            .post("/api/endpoints"),
        "unitId");
  }

  @Test
  void blankCodeAndNameAreInvalid() {
    assertFieldError(
            Api.as(admin).body(endpointBody("", " ", province, null, null)).post("/api/endpoints"),
            "code")
        .body("errors.field", org.hamcrest.Matchers.hasItem("name"));
  }

  @Test
  void badDeviceAccountNameIsInvalid() {
    assertFieldError(
        Api.as(admin)
            .body(endpointBody(MoreApi.code("EP"), "Điểm cầu", province, null, "Phòng Họp"))
            .post("/api/endpoints"),
        "deviceAccount");
  }

  @Test
  void duplicateCodeIs409() {
    String code = MoreApi.code("EP");
    MoreApi.createEndpoint(admin, code, "Điểm cầu một", province, null);
    assertConflict(
        Api.as(admin)
            .body(endpointBody(code, "Điểm cầu hai", province, null, null))
            .post("/api/endpoints"),
        "code");
  }

  @Test
  void deviceAccountOfAnotherEndpointIs409() {
    String device = MoreApi.username("room");
    MoreApi.createEndpoint(admin, MoreApi.code("EP"), "Điểm cầu chủ", province, device);
    assertConflict(
        Api.as(admin)
            .body(endpointBody(MoreApi.code("EP"), "Điểm cầu mượn", province, null, device))
            .post("/api/endpoints"),
        "deviceAccount");
  }

  @Test
  void deviceAccountNamingAPersonIsInvalid() {
    String person = Api.person(admin, List.of("DELEGATE"));
    assertFieldError(
        Api.as(admin)
            .body(endpointBody(MoreApi.code("EP"), "Điểm cầu", province, null, person))
            .post("/api/endpoints"),
        "deviceAccount");
    // the person keeps their roles
    Api.as(admin)
        .get("/api/people/" + MoreApi.personId(admin, person))
        .then()
        .body("roles", equalTo(List.of("DELEGATE")));
  }

  @Test
  void unknownFieldIsInvalid() {
    Map<String, Object> body = endpointBody(MoreApi.code("EP"), "Điểm cầu", province, null, null);
    body.put("ipAddress", "10.0.0.1");
    assertFieldError(Api.as(admin).body(body).post("/api/endpoints"), "ipAddress");
  }

  // ---------------------------------------------------------------- lists

  @Test
  void pagingAnswersPageSizeAndTotal() {
    long unit = Api.unit(admin, MoreApi.code("D"), "Huyện Phân Trang", "DISTRICT", province);
    for (String name : List.of("Điểm cầu C", "Điểm cầu A", "Điểm cầu B")) {
      MoreApi.createEndpoint(admin, MoreApi.code("EP"), name, unit, null);
    }

    Api.as(admin)
        .queryParam("unitId", unit)
        .queryParam("size", 2)
        .get("/api/endpoints")
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("page", equalTo(0))
        .body("size", equalTo(2))
        .body("items.name", equalTo(List.of("Điểm cầu A", "Điểm cầu B")));
    Api.as(admin)
        .queryParam("unitId", unit)
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get("/api/endpoints")
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("page", equalTo(1))
        .body("items.name", equalTo(List.of("Điểm cầu C")));
    Api.as(admin)
        .queryParam("unitId", unit)
        .queryParam("page", 5)
        .get("/api/endpoints")
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("items", hasSize(0));
  }

  @Test
  void defaultPageSizeIs50() {
    Api.as(admin)
        .get("/api/endpoints")
        .then()
        .statusCode(200)
        .body("page", equalTo(0))
        .body("size", equalTo(50));
  }

  @Test
  void sizeOutOfRangeIsInvalid() {
    assertFieldError(Api.as(admin).queryParam("size", 0).get("/api/endpoints"), "size");
    assertFieldError(Api.as(admin).queryParam("size", 501).get("/api/endpoints"), "size");
    Api.as(admin).queryParam("size", 500).get("/api/endpoints").then().statusCode(200);
  }

  @Test
  void filtersByUnitLevelSearchAndActive() {
    String tag = MoreApi.username("tag");
    long district = Api.unit(admin, MoreApi.code("D"), "Huyện Lọc Điểm", "DISTRICT", province);
    long commune = Api.unit(admin, MoreApi.code("C"), "Xã Lọc Điểm", "COMMUNE", district);
    long atDistrict =
        MoreApi.createEndpoint(admin, MoreApi.code("EP"), "Điểm huyện " + tag, district, null);
    long atCommune =
        MoreApi.createEndpoint(admin, MoreApi.code("EP"), "Điểm xã " + tag, commune, null);

    assertEquals(List.of(atCommune), ids(Map.of("q", tag, "level", "COMMUNE")));
    assertEquals(List.of(atDistrict), ids(Map.of("q", tag, "level", "DISTRICT")));
    assertEquals(List.of(atDistrict), ids(Map.of("unitId", district)));
    assertEquals(List.of(atCommune), ids(Map.of("unitId", commune)));
    // diacritics ignored: "diem xa" finds "Điểm xã"
    assertEquals(List.of(atCommune), ids(Map.of("q", "diem xa " + tag)));

    Map<String, Object> body =
        endpointBody(MoreApi.code("EP"), "Điểm huyện " + tag, district, null, null);
    body.put("code", Api.as(admin).get("/api/endpoints/" + atDistrict).path("code"));
    body.put("active", false);
    MoreApi.update(admin, "/api/endpoints/" + atDistrict, body).then().statusCode(200);
    assertEquals(List.of(atCommune), ids(Map.of("q", tag, "active", true)));
    assertEquals(List.of(atDistrict), ids(Map.of("q", tag, "active", false)));
  }

  @Test
  void unknownLevelFilterIsInvalid() {
    assertProblem(Api.as(admin).queryParam("level", "GALAXY").get("/api/endpoints"), 400);
  }

  private List<Long> ids(Map<String, ?> params) {
    return Api.as(admin)
        .queryParams(params)
        .get("/api/endpoints")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id", Long.class);
  }
}
