package vn.hopso.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hopso.support.MoreApi.assertFieldError;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;

/** The hash-chained audit log: what admins did, newest first, and proof that nobody edited it. */
@QuarkusTest
class AuditTest {
  @Inject AgroalDataSource db;

  @Test
  void adminActionsAppearNewestFirstWithActorAndAction() {
    String admin = Api.admin();
    String code = MoreApi.code("AUD");
    long unit = Api.unit(admin, code, "Tỉnh Nhật Ký", "PROVINCE", null);
    Api.as(admin)
        .body(MoreApi.unitBody(code, "Tỉnh Nhật Ký Đổi Tên", "PROVINCE", null))
        .put("/api/units/" + unit)
        .then()
        .statusCode(200);

    JsonPath page = audit(admin, 20);
    List<Map<String, Object>> items = page.getList("items");
    // the newest entry is the rename just made
    assertEquals("unit.updated", items.get(0).get("action"));
    assertEquals("unit:" + code, items.get(0).get("target"));
    assertEquals("admin", items.get(0).get("actor"));
    assertNotNull(items.get(0).get("at"));
    assertTrue(String.valueOf(items.get(0).get("detail")).contains("Tỉnh Nhật Ký Đổi Tên"));
    assertEquals("unit.created", items.get(1).get("action"));
    assertEquals("unit:" + code, items.get(1).get("target"));
    assertEquals("admin", items.get(1).get("actor"));
    assertEquals("auth.login", items.get(2).get("action"));
    assertEquals("admin", items.get(2).get("actor"));
    assertNotNull(items.get(2).get("ip"), "sign-ins record the address");
    for (int i = 1; i < items.size(); i++) {
      long newer = ((Number) items.get(i - 1).get("id")).longValue();
      long older = ((Number) items.get(i).get("id")).longValue();
      assertTrue(newer > older, "newest first: " + newer + " before " + older);
    }
    assertTrue(page.getLong("total") >= 3);
    assertEquals(0, page.getInt("page"));
    assertEquals(20, page.getInt("size"));
  }

  @Test
  void failedSignInIsAuditedWithTheNameTried() {
    String nobody = MoreApi.username("intruder");
    MoreApi.loginResponse(nobody, "guessing-a-password").then().statusCode(401);

    Map<String, Object> newest = audit(Api.admin(), 5).getMap("items[1]");
    assertEquals("auth.login.failed", newest.get("action"));
    assertEquals(nobody, newest.get("actor"));
  }

  @Test
  void auditPagingIsChecked() {
    assertFieldError(Api.as(Api.admin()).queryParam("size", 501).get("/api/audit"), "size");
  }

  @Test
  void verifyReportsAnIntactChain() {
    String admin = Api.admin();
    long total = audit(admin, 1).getLong("total");
    Api.as(admin)
        .get("/api/audit/verify")
        .then()
        .statusCode(200)
        .body("ok", equalTo(true))
        .body("checked", greaterThan(0))
        .body("checked", equalTo((int) total))
        .body("firstBrokenId", nullValue());
  }

  @Test
  void verifyFindsTheAlteredRow() throws Exception {
    String admin = Api.admin();
    String code = MoreApi.code("TAMPER");
    Api.unit(admin, code, "Tỉnh Bị Sửa Nhật Ký", "PROVINCE", null);
    Map<String, Object> entry = audit(admin, 1).getMap("items[0]");
    assertEquals("unit:" + code, entry.get("target"));
    long id = ((Number) entry.get("id")).longValue();
    Api.as(admin).get("/api/audit/verify").then().statusCode(200).body("ok", equalTo(true));

    String original = detail(id);
    try {
      setDetail(id, "tampered");

      Api.as(admin)
          .get("/api/audit/verify")
          .then()
          .statusCode(200)
          .body("ok", equalTo(false))
          .body("firstBrokenId", equalTo((int) id))
          .body("checked", equalTo((int) id))
          .body("reason", notNullValue())
          .body("reason", containsString("hash"));
    } finally {
      setDetail(id, original);
    }
    Api.as(admin).get("/api/audit/verify").then().statusCode(200).body("ok", equalTo(true));
  }

  private static JsonPath audit(String admin, int size) {
    return Api.as(admin)
        .queryParam("size", size)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private String detail(long id) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("select detail from audit_entry where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "audit entry " + id + " exists");
        return rs.getString(1);
      }
    }
  }

  private void setDetail(long id, String detail) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("update audit_entry set detail = ? where id = ?")) {
      ps.setString(1, detail);
      ps.setLong(2, id);
      assertEquals(1, ps.executeUpdate());
    }
  }
}
