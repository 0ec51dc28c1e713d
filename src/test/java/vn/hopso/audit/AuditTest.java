package vn.hopso.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
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
    MoreApi.update(
            admin,
            "/api/units/" + unit,
            MoreApi.unitBody(code, "Tỉnh Nhật Ký Đổi Tên", "PROVINCE", null))
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
    Api.as(admin)
        .get("/api/audit/verify")
        .then()
        .statusCode(200)
        .body("ok", equalTo(true))
        .body("checked", greaterThan(0))
        .body("firstBrokenSeq", nullValue());
    // after verifying, everything that had committed is sealed: the newest entries carry a place
    assertNotNull(audit(admin, 5).get("items[1].seq"));
  }

  @Test
  void verifyFindsTheAlteredRow() throws Exception {
    long seq = freshSealedEntry("TAMPER");
    String original = column(seq, "detail");
    try {
      set(seq, "detail", "tampered");
      assertBrokenAt(seq, "hash");
    } finally {
      set(seq, "detail", original);
    }
    assertIntact();
  }

  @Test
  void verifyFindsADeletedRow() throws Exception {
    long seq = freshSealedEntry("DELETE");
    Map<String, String> row = row(seq);
    try {
      sql("delete from audit_entry where seal_seq = " + seq);
      assertBrokenAt(seq, "missing");
    } finally {
      restore(row);
    }
    assertIntact();
  }

  @Test
  void verifyFindsReorderedRows() throws Exception {
    long first = freshSealedEntry("ORDER-A");
    long second = freshSealedEntry("ORDER-B");
    try {
      // swap the two entries' places in the chain (through a free place, the index is unique)
      sql("update audit_entry set seal_seq = -1 where seal_seq = " + first);
      sql("update audit_entry set seal_seq = " + first + " where seal_seq = " + second);
      sql("update audit_entry set seal_seq = " + second + " where seal_seq = -1");
      Api.as(Api.admin())
          .get("/api/audit/verify")
          .then()
          .statusCode(200)
          .body("ok", equalTo(false));
    } finally {
      sql("update audit_entry set seal_seq = -1 where seal_seq = " + first);
      sql("update audit_entry set seal_seq = " + first + " where seal_seq = " + second);
      sql("update audit_entry set seal_seq = " + second + " where seal_seq = -1");
    }
    assertIntact();
  }

  /**
   * Audited writes do not wait on one another: 50 writers at once all commit, every entry is sealed
   * exactly once and the chain verifies.
   */
  @Test
  void concurrentAuditedWritesAreAllSealedIntoOneChain() throws Exception {
    String admin = Api.admin();
    List<Long> units = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      units.add(Api.unit(admin, MoreApi.code("PAR"), "Tỉnh Song Song " + i, "PROVINCE", null));
    }
    long before = count("select count(*) from audit_entry");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(50);
    try {
      List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
      for (long unit : units) {
        results.add(
            pool.submit(
                () ->
                    Api.as(admin)
                        .body(
                            Map.of(
                                "code",
                                "PAR-" + unit,
                                "name",
                                "Tỉnh Đổi Tên " + unit,
                                "level",
                                "PROVINCE",
                                "version",
                                0))
                        .put("/api/units/" + unit)
                        .statusCode()));
      }
      for (var r : results) {
        assertEquals(200, r.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(before + 50, count("select count(*) from audit_entry"));
    assertIntact();
    assertEquals(0, count("select count(*) from audit_entry where seal_seq is null"));
    assertEquals(
        count("select count(*) from audit_entry"),
        count("select count(distinct seal_seq) from audit_entry"));
  }

  private long freshSealedEntry(String prefix) throws Exception {
    String admin = Api.admin();
    String code = MoreApi.code(prefix);
    Api.unit(admin, code, "Tỉnh Kiểm Tra Nhật Ký", "PROVINCE", null);
    assertIntact();
    return count(
        "select seal_seq from audit_entry where target = 'unit:"
            + code
            + "' and action = 'unit.created'");
  }

  private static void assertIntact() {
    Api.as(Api.admin()).get("/api/audit/verify").then().statusCode(200).body("ok", equalTo(true));
  }

  private static void assertBrokenAt(long seq, String reason) {
    Api.as(Api.admin())
        .get("/api/audit/verify")
        .then()
        .statusCode(200)
        .body("ok", equalTo(false))
        .body("firstBrokenSeq", equalTo((int) seq))
        .body("reason", containsString(reason));
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

  private String column(long seq, String column) throws Exception {
    return row(seq).get(column);
  }

  private Map<String, String> row(long seq) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id, at, actor, action, target, detail, ip, seal_seq, prev_hash, hash"
                    + " from audit_entry where seal_seq = ?")) {
      ps.setLong(1, seq);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "audit entry " + seq + " exists");
        Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
        }
        return row;
      }
    }
  }

  private void restore(Map<String, String> row) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into audit_entry (id, at, actor, action, target, detail, ip, seal_seq,"
                    + " prev_hash, hash) values (cast(? as bigint), cast(? as timestamp with time zone),"
                    + " ?, ?, ?, ?, ?, cast(? as bigint), ?, ?)")) {
      int i = 1;
      for (String v : row.values()) {
        ps.setString(i++, v);
      }
      ps.executeUpdate();
    }
  }

  private void set(long seq, String column, String value) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("update audit_entry set " + column + " = ? where seal_seq = ?")) {
      ps.setString(1, value);
      ps.setLong(2, seq);
      assertEquals(1, ps.executeUpdate());
    }
  }

  private void sql(String statement) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(statement)) {
      ps.executeUpdate();
    }
  }

  private long count(String query) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(query);
        ResultSet rs = ps.executeQuery()) {
      assertTrue(rs.next());
      return rs.getLong(1);
    }
  }
}
