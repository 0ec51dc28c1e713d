package vn.hopso.org;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;

@QuarkusTest
class CsvImportTest {
  String admin;
  String p; // unique prefix for this test's codes

  @BeforeEach
  void setUp() {
    admin = Api.admin();
    p = Api.unique("CSV").toUpperCase();
  }

  private Response post(String kind, byte[] body) {
    return Api.as(admin).contentType("text/csv").body(body).post("/api/import/" + kind);
  }

  private Response post(String kind, String body) {
    return post(kind, body.getBytes(StandardCharsets.UTF_8));
  }

  private long count(String path, String q) {
    return Api.as(admin)
        .queryParam("q", q)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("total");
  }

  @Test
  void unitsImportWithBomAndParentLaterInFileAndSemicolons() {
    String csv =
        "\uFEFFcode;name;level;parent\n"
            + p
            + "-X1;Xã Thiệu Vận;COMMUNE;"
            + p
            + "-H\n"
            + p
            + "-H;Huyện Thiệu Hóa "
            + p
            + ";DISTRICT;\n";
    // A district without a province parent is refused: the whole file is refused.
    post("units", csv)
        .then()
        .statusCode(422)
        .body("rows.find { it.line == 3 }.column", equalTo("parent"))
        // the commune waits for that district, so it cannot be placed either
        .body("rows.find { it.line == 2 }.column", equalTo("parent"));
    assertEquals(0, count("/api/units", p));

    long province = Api.unit(admin, p + "-T", "Tỉnh Thử " + p, "PROVINCE", null);
    String good =
        "\uFEFFcode;name;level;parent\n"
            + p
            + "-X1;Xã Thiệu Vận "
            + p
            + ";COMMUNE;"
            + p
            + "-H\n"
            + p
            + "-H;Huyện Thiệu Hóa "
            + p
            + ";DISTRICT;"
            + p
            + "-T\n";
    post("units", good)
        .then()
        .statusCode(200)
        .body("created", equalTo(2))
        .body("updated", equalTo(0))
        .body("rows", equalTo(2));
    Api.as(admin)
        .queryParam("q", "thieu van " + p)
        .get("/api/units")
        .then()
        .body("items[0].parentName", equalTo("Huyện Thiệu Hóa " + p));
    assertTrue(province > 0);

    // Importing again updates instead of duplicating.
    post("units", good)
        .then()
        .statusCode(200)
        .body("created", equalTo(0))
        .body("updated", equalTo(2));
  }

  @Test
  void endpointsWithOneBadRowImportNothingAndEveryBadRowIsReported() {
    Api.unit(admin, p + "-T", "Tỉnh " + p, "PROVINCE", null);
    String csv =
        "code,name,unit,room,device_account,active\n"
            + p
            + "-E1,Điểm cầu Đông Sơn "
            + p
            + ","
            + p
            + "-T,Phòng 1,dc-"
            + p.toLowerCase()
            + "-1,true\n"
            + p
            + "-E2,Điểm cầu Quảng Xương "
            + p
            + ",NO-SUCH-UNIT,,,\n"
            + p
            + "-E3,,"
            + p
            + "-T,,,maybe\n"
            + p
            + "-E1,Trùng mã "
            + p
            + ","
            + p
            + "-T,,,\n";
    post("endpoints", csv)
        .then()
        .statusCode(422)
        .contentType(containsString("application/problem+json"))
        .body("rows", hasSize(4))
        .body("rows.find { it.line == 3 }.column", equalTo("unit"))
        .body("rows.findAll { it.line == 4 }.column", hasItem("name"))
        .body("rows.findAll { it.line == 4 }.column", hasItem("active"))
        .body("rows.find { it.line == 5 }.reason", containsString("dòng 2"));
    // Row 2 was valid, yet nothing was imported (all or nothing), not even its device account.
    assertEquals(0, count("/api/endpoints", p));
    Api.as(admin)
        .queryParam("q", "dc-" + p.toLowerCase())
        .get("/api/people")
        .then()
        .body("total", equalTo(0));

    String fixed =
        "code,name,unit,room,device_account,active\n"
            + p
            + "-E1,Điểm cầu Đông Sơn "
            + p
            + ","
            + p
            + "-T,Phòng 1,dc-"
            + p.toLowerCase()
            + "-1,true\n"
            + p
            + "-E2,Điểm cầu Quảng Xương "
            + p
            + ","
            + p
            + "-T,,,có\n";
    post("endpoints", fixed).then().statusCode(200).body("created", equalTo(2));
    // found by a search without diacritics
    Api.as(admin)
        .queryParam("q", "quang xuong " + p)
        .get("/api/endpoints")
        .then()
        .body("total", equalTo(1))
        .body("items[0].code", equalTo(p + "-E2"));
    Api.as(admin)
        .queryParam("q", "dong son " + p)
        .get("/api/endpoints")
        .then()
        .body("items[0].deviceAccount", equalTo("dc-" + p.toLowerCase() + "-1"));
  }

  @Test
  void peopleImportAndExportRoundTrip() {
    long unit = Api.unit(admin, p + "-T", "Tỉnh " + p, "PROVINCE", null);
    String u1 = ("a" + p).toLowerCase();
    String csv =
        "username,full_name,position,unit,email,phone,roles,active\n"
            + u1
            + ",Nguyễn Thị Ánh "
            + p
            + ",Chuyên viên,"
            + p
            + "-T,anh@example.vn,0912 345 678,DELEGATE|OBSERVER,true\n";
    post("people", csv).then().statusCode(200).body("created", equalTo(1));
    Api.as(admin)
        .queryParam("q", "nguyen thi anh " + p)
        .get("/api/people")
        .then()
        .body("items[0].username", equalTo(u1))
        .body("items[0].unitId", equalTo((int) unit))
        .body("items[0].roles", equalTo(List.of("DELEGATE", "OBSERVER")));

    byte[] export =
        Api.as(admin)
            .get("/api/export/people")
            .then()
            .statusCode(200)
            .header("Content-Type", containsString("text/csv"))
            .extract()
            .asByteArray();
    String text = new String(export, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\uFEFFusername,full_name"), "BOM and header first");
    assertTrue(text.contains(u1 + ",Nguyễn Thị Ánh " + p + ",Chuyên viên," + p + "-T"), text);
    // the export can be imported back unchanged
    post("people", export).then().statusCode(200).body("created", equalTo(0));
  }

  @Test
  void badFilesAreRefusedClearly() {
    post("units", "name,level\nX,PROVINCE\n")
        .then()
        .statusCode(422)
        .body("rows.column", hasItem("code"));
    post("units", "code,name,level,parent,colour\n")
        .then()
        .statusCode(422)
        .body("rows.column", hasItem("colour"));
    post("units", "").then().statusCode(422);
    byte[] latin =
        "code,name,level,parent\nX1,Thi\u1ec7u,PROVINCE,\n".getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[latin.length + 1];
    System.arraycopy(latin, 0, broken, 0, latin.length);
    broken[latin.length] = (byte) 0xC3; // a lone lead byte: not UTF-8
    post("units", broken).then().statusCode(422).body("rows[0].reason", containsString("UTF-8"));
    post("spaceships", "code\n").then().statusCode(404);
    post("people", "username,full_name,roles\nx" + p.toLowerCase() + ",Tên,PILOT\n")
        .then()
        .statusCode(422)
        .body("rows[0].column", equalTo("roles"));
  }

  @Test
  void onlyAdminsImport() {
    String secretary = Api.tokenFor("SECRETARY");
    Api.as(secretary)
        .contentType("text/csv")
        .body("code,name,level,parent\n")
        .post("/api/import/units")
        .then()
        .statusCode(403);
    Api.as(secretary).get("/api/export/units").then().statusCode(403);
    io.restassured.RestAssured.given()
        .contentType("text/csv")
        .body("x")
        .post("/api/import/units")
        .then()
        .statusCode(401);
  }
}
