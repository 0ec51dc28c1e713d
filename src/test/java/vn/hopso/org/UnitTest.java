package vn.hopso.org;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static vn.hopso.support.MoreApi.assertConflict;
import static vn.hopso.support.MoreApi.assertFieldError;
import static vn.hopso.support.MoreApi.assertProblem;
import static vn.hopso.support.MoreApi.unitBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;

/** The unit tree: create, update, rules for levels and parents, search, order, merge. */
@QuarkusTest
class UnitTest {
  private String admin;

  @BeforeEach
  void signIn() {
    admin = Api.admin();
  }

  // ---------------------------------------------------------------- create and update

  @Test
  void createAnswers201WithTheUnit() {
    long province = MoreApi.province(admin, "Tỉnh Thanh Hóa");
    String code = MoreApi.code("D");

    Response r =
        Api.as(admin)
            .body(unitBody(code, "  Huyện Đông Sơn ", "DISTRICT", province))
            .post("/api/units");

    r.then()
        .statusCode(201)
        .header("Location", endsWith("/api/units/" + r.jsonPath().getLong("id")))
        .body("code", equalTo(code))
        .body("name", equalTo("Huyện Đông Sơn"))
        .body("level", equalTo("DISTRICT"))
        .body("parentId", equalTo((int) province))
        .body("parentName", equalTo("Tỉnh Thanh Hóa"))
        .body("active", equalTo(true))
        .body("mergedIntoId", nullValue());
    Api.as(admin)
        .get("/api/units/" + r.jsonPath().getLong("id"))
        .then()
        .statusCode(200)
        .body("code", equalTo(code));
  }

  @Test
  void updateChangesNameAndCode() {
    long province = MoreApi.province(admin, "Tỉnh Cũ");
    String newCode = MoreApi.code("P-NEW");
    Map<String, Object> body = unitBody(newCode, "Tỉnh Mới", "PROVINCE", null);
    body.put("active", true);

    MoreApi.update(admin, "/api/units/" + province, body)
        .then()
        .statusCode(200)
        .body("id", equalTo((int) province))
        .body("code", equalTo(newCode))
        .body("name", equalTo("Tỉnh Mới"));
    Api.as(admin).get("/api/units/" + province).then().body("name", equalTo("Tỉnh Mới"));
  }

  @Test
  void unknownUnitIs404() {
    assertProblem(Api.as(admin).get("/api/units/987654321"), 404);
    assertProblem(
        MoreApi.update(
            admin, "/api/units/987654321", unitBody(MoreApi.code("X"), "Tỉnh X", "PROVINCE", null)),
        404);
  }

  // ---------------------------------------------------------------- validation

  @Test
  void blankCodeIsInvalid() {
    assertFieldError(
        Api.as(admin).body(unitBody(" ", "Tỉnh Không Mã", "PROVINCE", null)).post("/api/units"),
        "code");
  }

  @Test
  void codeWithSpacesOrDiacriticsIsInvalid() {
    assertFieldError(
        Api.as(admin).body(unitBody("MÃ SAI", "Tỉnh Mã Sai", "PROVINCE", null)).post("/api/units"),
        "code");
  }

  @Test
  void blankNameIsInvalid() {
    assertFieldError(
        Api.as(admin).body(unitBody(MoreApi.code("P"), "", "PROVINCE", null)).post("/api/units"),
        "name");
  }

  @Test
  void unknownLevelIsInvalid() {
    assertFieldError(
        Api.as(admin)
            .body(unitBody(MoreApi.code("P"), "Thành phố", "CITY", null))
            .post("/api/units"),
        "level");
  }

  @Test
  void missingLevelIsInvalid() {
    assertFieldError(
        Api.as(admin).body(unitBody(MoreApi.code("P"), "Không cấp", null, null)).post("/api/units"),
        "level");
  }

  @Test
  void unknownFieldIsInvalid() {
    Map<String, Object> body = unitBody(MoreApi.code("P"), "Tỉnh Thừa Trường", "PROVINCE", null);
    body.put("population", 1000);
    assertFieldError(Api.as(admin).body(body).post("/api/units"), "population");
  }

  @Test
  void wrongTypeIsInvalid() {
    Map<String, Object> body = unitBody(MoreApi.code("P"), "Tỉnh Sai Kiểu", "COMMUNE", null);
    body.put("parentId", "not-a-number");
    assertFieldError(Api.as(admin).body(body).post("/api/units"), "parentId");
  }

  @Test
  void allErrorsAreReportedAtOnce() {
    assertFieldError(
            Api.as(admin).body(unitBody("", "", "PROVINCE", null)).post("/api/units"), "code")
        .body("errors.field", hasItem("name"));
  }

  @Test
  void duplicateCodeIs409NamingCode() {
    String code = MoreApi.code("DUP");
    Api.unit(admin, code, "Tỉnh Thứ Nhất", "PROVINCE", null);
    assertConflict(
            Api.as(admin).body(unitBody(code, "Tỉnh Thứ Hai", "PROVINCE", null)).post("/api/units"),
            "code")
        .body("code", equalTo("org.unit.code-taken"))
        .body("errors[0].field", equalTo("code"));
    // also when another unit is renamed to that code
    long other = MoreApi.province(admin, "Tỉnh Thứ Ba");
    assertConflict(
        MoreApi.update(
            admin, "/api/units/" + other, unitBody(code, "Tỉnh Thứ Ba", "PROVINCE", null)),
        "code");
  }

  @Test
  void keepingItsOwnCodeOnUpdateIsNoConflict() {
    String code = MoreApi.code("SAME");
    long id = Api.unit(admin, code, "Tỉnh Giữ Mã", "PROVINCE", null);
    MoreApi.update(
            admin, "/api/units/" + id, unitBody(code, "Tỉnh Giữ Mã Đổi Tên", "PROVINCE", null))
        .then()
        .statusCode(200);
  }

  // ---------------------------------------------------------------- level rules

  @Test
  void districtNeedsAProvinceParent() {
    long province = MoreApi.province(admin, "Tỉnh Có Huyện");
    long district = Api.unit(admin, MoreApi.code("D"), "Huyện Một", "DISTRICT", province);

    assertFieldError(
        Api.as(admin)
            .body(unitBody(MoreApi.code("D"), "Huyện Mồ Côi", "DISTRICT", null))
            .post("/api/units"),
        "parentId");
    assertFieldError(
        Api.as(admin)
            .body(unitBody(MoreApi.code("D"), "Huyện Trong Huyện", "DISTRICT", district))
            .post("/api/units"),
        "parentId");
  }

  @Test
  void provinceHasNoParent() {
    long province = MoreApi.province(admin, "Tỉnh Mẹ");
    assertFieldError(
        Api.as(admin)
            .body(unitBody(MoreApi.code("P"), "Tỉnh Con", "PROVINCE", province))
            .post("/api/units"),
        "parentId");
  }

  @Test
  void communeMaySitUnderAProvinceOrADistrict() {
    long province = MoreApi.province(admin, "Tỉnh Hai Cấp");
    long district = Api.unit(admin, MoreApi.code("D"), "Huyện Ba Cấp", "DISTRICT", province);

    // two-tier province (since 2025): commune directly under the province
    Api.unit(admin, MoreApi.code("C"), "Xã Trực Thuộc Tỉnh", "COMMUNE", province);
    // three-tier province: commune under a district
    Api.unit(admin, MoreApi.code("C"), "Xã Trực Thuộc Huyện", "COMMUNE", district);

    long commune = Api.unit(admin, MoreApi.code("C"), "Xã Mẹ", "COMMUNE", district);
    assertFieldError(
        Api.as(admin)
            .body(unitBody(MoreApi.code("C"), "Xã Trong Xã", "COMMUNE", commune))
            .post("/api/units"),
        "parentId");
    assertFieldError(
        Api.as(admin)
            .body(unitBody(MoreApi.code("C"), "Xã Mồ Côi", "COMMUNE", null))
            .post("/api/units"),
        "parentId");
  }

  @Test
  void unknownParentIsInvalid() {
    assertFieldError(
        Api.as(admin)
            .body(unitBody(MoreApi.code("D"), "Huyện Lạc", "DISTRICT", 987654321L))
            .post("/api/units"),
        "parentId");
  }

  @Test
  void unitCannotBeMovedUnderItselfOrItsDescendant() {
    long province = MoreApi.province(admin, "Tỉnh Có Sở");
    // agencies may sit under agencies, so only the cycle rule can refuse these moves
    String topCode = MoreApi.code("A");
    long top = Api.unit(admin, topCode, "Sở Nội Vụ", "AGENCY", province);
    long middle = Api.unit(admin, MoreApi.code("A"), "Phòng Tổ Chức", "AGENCY", top);
    long bottom = Api.unit(admin, MoreApi.code("A"), "Tổ Công Tác", "AGENCY", middle);

    for (long target : List.of(top, middle, bottom)) {
      assertFieldError(
              MoreApi.update(
                  admin, "/api/units/" + top, unitBody(topCode, "Sở Nội Vụ", "AGENCY", target)),
              "parentId")
          .body("errors", hasSize(1));
    }
    Api.as(admin).get("/api/units/" + top).then().body("parentId", equalTo((int) province));
  }

  @Test
  void unitWithActiveSubUnitsCannotBeDeactivated() {
    String code = MoreApi.code("P");
    long province = Api.unit(admin, code, "Tỉnh Còn Huyện", "PROVINCE", null);
    Api.unit(admin, MoreApi.code("D"), "Huyện Còn Hoạt Động", "DISTRICT", province);
    Map<String, Object> body = unitBody(code, "Tỉnh Còn Huyện", "PROVINCE", null);
    body.put("active", false);
    assertFieldError(MoreApi.update(admin, "/api/units/" + province, body), "active");
  }

  // ---------------------------------------------------------------- tree

  @Test
  void treeNestsChildrenWithCounts() {
    long province = MoreApi.province(admin, "Tỉnh Cây");
    long district = Api.unit(admin, MoreApi.code("D"), "Huyện Nhánh", "DISTRICT", province);
    long commune = Api.unit(admin, MoreApi.code("C"), "Xã Lá", "COMMUNE", district);
    MoreApi.createEndpoint(admin, MoreApi.code("EP"), "Điểm cầu Xã Lá", commune, null);
    MoreApi.createEndpoint(admin, MoreApi.code("EP"), "Điểm cầu Xã Lá 2", commune, null);
    MoreApi.createPerson(
        admin, MoreApi.username("leaf"), "Chủ Tịch Xã Lá", commune, List.of("CHAIR"));

    List<Map<String, Object>> roots =
        Api.as(admin)
            .get("/api/units/tree")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("");
    Map<String, Object> root = find(roots, province);
    assertNotNull(root, "the province is a root of the tree");
    assertEquals("Tỉnh Cây", root.get("name"));
    Map<String, Object> districtNode = find(children(root), district);
    assertNotNull(districtNode, "the district is a child of the province");
    assertEquals(1, children(root).size());
    Map<String, Object> communeNode = find(children(districtNode), commune);
    assertNotNull(communeNode, "the commune is a child of the district");
    assertEquals(2, ((Number) communeNode.get("endpointCount")).intValue());
    assertEquals(1, ((Number) communeNode.get("peopleCount")).intValue());
    assertEquals(0, ((Number) districtNode.get("endpointCount")).intValue());
    assertEquals(List.of(), children(communeNode));
    // sub-units are not roots
    assertEquals(null, find(roots, district));
  }

  @Test
  void treeListsChildrenInVietnameseOrder() {
    long province = MoreApi.province(admin, "Tỉnh Thứ Tự Cây");
    for (String name : List.of("Xã Đông", "Xã Dương", "Xã Ánh", "Xã Anh")) {
      Api.unit(admin, MoreApi.code("C"), name, "COMMUNE", province);
    }
    List<Map<String, Object>> roots =
        Api.as(admin)
            .get("/api/units/tree")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("");
    List<Object> names = children(find(roots, province)).stream().map(c -> c.get("name")).toList();
    assertEquals(List.of("Xã Anh", "Xã Ánh", "Xã Dương", "Xã Đông"), names);
  }

  // ---------------------------------------------------------------- search and order

  @Test
  void searchIgnoresCaseAndDiacritics() {
    long province = MoreApi.province(admin, "Tỉnh Tìm Kiếm");
    Api.unit(admin, MoreApi.code("D"), "Huyện Thiệu Hóa", "DISTRICT", province);
    Api.unit(admin, MoreApi.code("D"), "Huyện Đông Sơn", "DISTRICT", province);
    Api.unit(admin, MoreApi.code("D"), "Huyện Nga Sơn", "DISTRICT", province);

    assertEquals(List.of("Huyện Thiệu Hóa"), search(province, "thieu hoa"));
    assertEquals(List.of("Huyện Thiệu Hóa"), search(province, "THIỆU"));
    assertEquals(List.of("Huyện Thiệu Hóa"), search(province, "  hoa   thieu "));
    assertEquals(List.of("Huyện Đông Sơn"), search(province, "dong"));
    assertEquals(List.of("Huyện Đông Sơn"), search(province, "Đông"));
    assertEquals(List.of("Huyện Đông Sơn", "Huyện Nga Sơn"), search(province, "son"));
    assertEquals(List.of(), search(province, "thieu son"));
  }

  @Test
  void searchFindsTheCode() {
    String code = MoreApi.code("FINDME");
    Api.unit(admin, code, "Tỉnh Có Mã Riêng", "PROVINCE", null);
    Api.as(admin)
        .queryParam("q", code.toLowerCase())
        .get("/api/units")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].code", equalTo(code));
  }

  @Test
  void listIsInVietnameseOrder() {
    long province = MoreApi.province(admin, "Tỉnh Thứ Tự");
    for (String name : List.of("Xã Đông", "Xã Dương", "Xã Ánh", "Xã Anh")) {
      Api.unit(admin, MoreApi.code("C"), name, "COMMUNE", province);
    }
    assertEquals(List.of("Xã Anh", "Xã Ánh", "Xã Dương", "Xã Đông"), search(province, null));
  }

  @Test
  void listFiltersByLevelAndActive() {
    long province = MoreApi.province(admin, "Tỉnh Lọc");
    long district = Api.unit(admin, MoreApi.code("D"), "Huyện Lọc", "DISTRICT", province);
    long agency = Api.unit(admin, MoreApi.code("A"), "Sở Lọc", "AGENCY", province);
    Api.unit(admin, MoreApi.code("C"), "Xã Lọc", "COMMUNE", province);

    Api.as(admin)
        .queryParam("parentId", province)
        .queryParam("level", "DISTRICT")
        .get("/api/units")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].id", equalTo((int) district));
    Api.as(admin)
        .body(Map.of("intoUnitId", district))
        .post("/api/units/" + agency + "/merge")
        .then()
        .statusCode(200);
    Api.as(admin)
        .queryParam("parentId", province)
        .queryParam("active", false)
        .get("/api/units")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].id", equalTo((int) agency));
    Api.as(admin)
        .queryParam("parentId", province)
        .queryParam("active", true)
        .get("/api/units")
        .then()
        .body("total", equalTo(2))
        .body("items.id", not(hasItem((int) agency)));
  }

  @Test
  void pagingOfUnits() {
    long province = MoreApi.province(admin, "Tỉnh Phân Trang");
    for (int i = 0; i < 3; i++) {
      Api.unit(admin, MoreApi.code("C"), "Xã Trang " + i, "COMMUNE", province);
    }
    Api.as(admin)
        .queryParam("parentId", province)
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get("/api/units")
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("page", equalTo(1))
        .body("size", equalTo(2))
        .body("items", hasSize(1))
        .body("items[0].name", equalTo("Xã Trang 2"));
    assertFieldError(Api.as(admin).queryParam("size", 0).get("/api/units"), "size");
    assertFieldError(Api.as(admin).queryParam("size", 501).get("/api/units"), "size");
    assertFieldError(Api.as(admin).queryParam("page", -1).get("/api/units"), "page");
  }

  // ---------------------------------------------------------------- merge

  @Test
  void mergeMovesEndpointsPeopleAndSubUnits() {
    long province = MoreApi.province(admin, "Tỉnh Sáp Nhập");
    String fromCode = MoreApi.code("D-FROM");
    long from = Api.unit(admin, fromCode, "Huyện Cũ", "DISTRICT", province);
    long into = Api.unit(admin, MoreApi.code("D-INTO"), "Huyện Mới", "DISTRICT", province);
    long commune = Api.unit(admin, MoreApi.code("C"), "Xã Đi Theo", "COMMUNE", from);
    long endpoint =
        MoreApi.createEndpoint(admin, MoreApi.code("EP"), "Điểm cầu Huyện Cũ", from, null);
    long person =
        MoreApi.createPerson(
            admin, MoreApi.username("mover"), "Cán Bộ Huyện Cũ", from, List.of("DELEGATE"));

    Api.as(admin)
        .body(Map.of("intoUnitId", into))
        .post("/api/units/" + from + "/merge")
        .then()
        .statusCode(200)
        .body("movedEndpoints", equalTo(1))
        .body("movedPeople", equalTo(1))
        .body("movedChildren", equalTo(1))
        .body("mergedAt", notNullValue())
        .body("from.id", equalTo((int) from))
        .body("from.active", equalTo(false))
        .body("from.mergedIntoId", equalTo((int) into))
        .body("into.id", equalTo((int) into))
        .body("into.active", equalTo(true));

    Api.as(admin)
        .get("/api/units/" + from)
        .then()
        .statusCode(200)
        .body("active", equalTo(false))
        .body("mergedIntoId", equalTo((int) into))
        .body("mergedIntoName", equalTo("Huyện Mới"))
        .body("mergedAt", notNullValue());
    Api.as(admin).get("/api/endpoints/" + endpoint).then().body("unitId", equalTo((int) into));
    Api.as(admin).get("/api/people/" + person).then().body("unitId", equalTo((int) into));
    Api.as(admin).get("/api/units/" + commune).then().body("parentId", equalTo((int) into));

    for (long side : List.of(from, into)) {
      Api.as(admin)
          .get("/api/units/" + side + "/merges")
          .then()
          .statusCode(200)
          .body("", hasSize(1))
          .body("[0].fromId", equalTo((int) from))
          .body("[0].fromCode", equalTo(fromCode))
          .body("[0].intoId", equalTo((int) into))
          .body("[0].intoName", equalTo("Huyện Mới"))
          .body("[0].mergedBy", equalTo("admin"))
          .body("[0].movedEndpoints", equalTo(1))
          .body("[0].movedPeople", equalTo(1))
          .body("[0].movedChildren", equalTo(1));
    }
  }

  @Test
  void mergeIntoItselfIsInvalid() {
    long province = MoreApi.province(admin, "Tỉnh Tự Gộp");
    long district = Api.unit(admin, MoreApi.code("D"), "Huyện Tự Gộp", "DISTRICT", province);
    assertFieldError(merge(district, district), "intoUnitId");
    Api.as(admin).get("/api/units/" + district).then().body("active", equalTo(true));
  }

  @Test
  void mergeIntoAnInactiveUnitIsInvalid() {
    long province = MoreApi.province(admin, "Tỉnh Gộp Vào Đơn Vị Cũ");
    long a = Api.unit(admin, MoreApi.code("D"), "Huyện A", "DISTRICT", province);
    long b = Api.unit(admin, MoreApi.code("D"), "Huyện B", "DISTRICT", province);
    long c = Api.unit(admin, MoreApi.code("D"), "Huyện C", "DISTRICT", province);
    merge(a, b).then().statusCode(200);

    assertFieldError(merge(c, a), "intoUnitId");
    Api.as(admin).get("/api/units/" + c).then().body("active", equalTo(true));
  }

  @Test
  void mergeIntoUnknownUnitIsInvalid() {
    long province = MoreApi.province(admin, "Tỉnh Gộp Vào Hư Không");
    assertFieldError(merge(province, 987654321L), "intoUnitId");
  }

  @Test
  void mergingAnAlreadyMergedUnitIs409() {
    long province = MoreApi.province(admin, "Tỉnh Gộp Hai Lần");
    long a = Api.unit(admin, MoreApi.code("D"), "Huyện Đã Gộp", "DISTRICT", province);
    long b = Api.unit(admin, MoreApi.code("D"), "Huyện Nhận", "DISTRICT", province);
    long c = Api.unit(admin, MoreApi.code("D"), "Huyện Khác", "DISTRICT", province);
    merge(a, b).then().statusCode(200);

    assertProblem(merge(a, c), 409);
    Api.as(admin).get("/api/units/" + a + "/merges").then().body("", hasSize(1));
  }

  @Test
  void mergeIntoItsOwnSubUnitIsInvalid() {
    long province = MoreApi.province(admin, "Tỉnh Gộp Vào Con");
    long agency = Api.unit(admin, MoreApi.code("A"), "Sở Mẹ", "AGENCY", province);
    long sub = Api.unit(admin, MoreApi.code("A"), "Phòng Con", "AGENCY", agency);
    assertFieldError(merge(agency, sub), "intoUnitId");
  }

  @Test
  void mergeRefusesWhenSubUnitsCannotLiveUnderTheTarget() {
    long province = MoreApi.province(admin, "Tỉnh Gộp Sai Cấp");
    long district = Api.unit(admin, MoreApi.code("D"), "Huyện Có Xã", "DISTRICT", province);
    Api.unit(admin, MoreApi.code("C"), "Xã Của Huyện", "COMMUNE", district);
    long agency = Api.unit(admin, MoreApi.code("A"), "Sở Nhận", "AGENCY", province);
    // a COMMUNE cannot sit under an AGENCY
    assertFieldError(merge(district, agency), "intoUnitId");
    Api.as(admin).get("/api/units/" + district).then().body("active", equalTo(true));
  }

  // ---------------------------------------------------------------- helpers

  private Response merge(long from, long into) {
    return Api.as(admin).body(Map.of("intoUnitId", into)).post("/api/units/" + from + "/merge");
  }

  /** Names of the units under {@code parentId} matching {@code q}, in the answer's order. */
  private List<String> search(long parentId, String q) {
    Map<String, Object> params = new HashMap<>();
    params.put("parentId", parentId);
    if (q != null) {
      params.put("q", q);
    }
    return Api.as(admin)
        .queryParams(params)
        .get("/api/units")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.name", String.class);
  }

  private static Map<String, Object> find(List<Map<String, Object>> nodes, long id) {
    return nodes.stream()
        .filter(n -> ((Number) n.get("id")).longValue() == id)
        .findFirst()
        .orElse(null);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> children(Map<String, Object> node) {
    return (List<Map<String, Object>>) node.get("children");
  }
}
