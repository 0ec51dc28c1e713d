package vn.hopso;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hopso.support.OnInstance.awaitClosed;
import static vn.hopso.support.OnInstance.login;
import static vn.hopso.support.OnInstance.on;
import static vn.hopso.support.OnInstance.openPoll;
import static vn.hopso.support.OnInstance.person;
import static vn.hopso.support.OnInstance.scheduledMeeting;
import static vn.hopso.support.OnInstance.unit;
import static vn.hopso.support.OnInstance.wsUrl;
import static vn.hopso.support.OnInstance.yesNoPoll;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hopso.document.TestPdfs;
import vn.hopso.support.Api;
import vn.hopso.support.LiveClient;
import vn.hopso.support.PackagedApp;
import vn.hopso.support.S3ProxyServer;

/**
 * Backup and restore (issue 12): deploy/backup/backup.sh run against an instance on the test
 * PostgreSQL and a real S3 server while a meeting is in session (a delegate on the live socket, a
 * document uploaded, a vote published), then deploy/backup/restore.sh into an empty database
 * (hopso_restore_test, made by {@code ./hopso test}) and an empty bucket, and a second instance
 * started on what was restored. It finds every meeting, document version, ballot and audit entry
 * committed before the backup began, the document's bytes, the poll's published receipts, and the
 * audit chain verifying.
 */
class BackupRestoreIT {
  static final String RESTORE_DB =
      System.getenv()
          .getOrDefault(
              "HOPSO_RESTORE_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/hopso_restore_test");
  static final String SOURCE_DB =
      System.getenv()
          .getOrDefault("HOPSO_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/hopso_test");
  static final String DB_USER = System.getenv().getOrDefault("HOPSO_TEST_DB_USER", "hopso");
  static final String DB_PASSWORD = System.getenv().getOrDefault("HOPSO_TEST_DB_PASSWORD", "hopso");

  /** What the backup must hold: counted before it starts (rows committed by then). */
  static final List<String> TABLES =
      List.of("meeting", "document_version", "ballot", "poll_voter", "audit_entry");

  static final long T0 = System.nanoTime();

  static void phase(String what) {
    System.out.printf(
        Locale.ROOT, "BackupRestoreIT: %s at %.1f s%n", what, (System.nanoTime() - T0) / 1e9);
  }

  @Test
  void aBackupTakenDuringASessionRestoresIntoAnEmptySystem() throws Exception {
    String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Path work = Files.createTempDirectory("hopso-backup-");
    emptyRestoreDatabase();
    try (S3ProxyServer s3 = new S3ProxyServer()) {
      Map<String, String> storage = new HashMap<>();
      storage.put("HOPSO_STORAGE_KIND", "s3");
      storage.put("HOPSO_STORAGE_S3_ENDPOINT", s3.endpoint());
      storage.put("HOPSO_STORAGE_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY);
      storage.put("HOPSO_STORAGE_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY);
      storage.put("HOPSO_STORAGE_S3_BUCKET", "hopso-live-" + suffix);
      storage.put("HOPSO_PASSWORDS_BCRYPT_COST", "4");

      long meeting;
      long documentId;
      long pollId;
      byte[] pdf = TestPdfs.of("Bao cao tinh hinh kinh te - xa hoi", "Trang hai");
      Map<String, String> receipts = new LinkedHashMap<>();
      Map<String, Long> before;
      try (PackagedApp live = PackagedApp.startOnPostgres("backup-live", storage)) {
        String admin = login(live, "admin", Api.ADMIN_PASSWORD);
        long unit =
            unit(live, admin, "BK-" + suffix.toUpperCase(Locale.ROOT), "Huyện Sao Lưu " + suffix);
        String chairName = "bk" + suffix + "-chair";
        long chairId = person(live, admin, chairName, "Chủ tọa Sao Lưu", null, "CHAIR");
        List<String> delegates = List.of("bk" + suffix + "-a", "bk" + suffix + "-b");
        for (String d : delegates) {
          person(live, admin, d, "Đại biểu " + d, unit, "DELEGATE");
        }
        meeting = scheduledMeeting(live, admin, unit, chairId, "Kỳ họp trước khi sao lưu");
        String m = "/api/meetings/" + meeting;
        documentId =
            on(live, admin)
                .contentType("application/pdf")
                .queryParam("fileName", "bao-cao.pdf")
                .body(pdf)
                .post(m + "/documents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        String chair = login(live, chairName, Api.PASSWORD);
        on(live, chair).post(m + "/start").then().statusCode(200);
        List<String> tokens = delegates.stream().map(d -> login(live, d, Api.PASSWORD)).toList();
        for (String t : tokens) {
          on(live, t).body(Map.of()).post(m + "/check-in").then().statusCode(200);
        }
        Map<String, Object> poll = yesNoPoll("Biểu quyết trước khi sao lưu", true);
        pollId = openPoll(live, chair, meeting, poll);
        String p = "/api/polls/" + pollId;
        for (int i = 0; i < tokens.size(); i++) {
          String value = i == 0 ? "YES" : "NO";
          receipts.put(
              on(live, tokens.get(i))
                  .body(Map.of("ballotId", UUID.randomUUID().toString(), "value", value))
                  .post(p + "/ballots")
                  .then()
                  .statusCode(200)
                  .extract()
                  .path("receipt"),
              value);
        }
        // every member present has voted: the poll closes by itself
        awaitClosed(live, chair, pollId);
        on(live, chair).post(p + "/publish").then().statusCode(200);

        // the session goes on while the backup runs: a tablet follows it live
        try (LiveClient tablet = LiveClient.connect(wsUrl(live, tokens.get(0), meeting, null))) {
          tablet.next("hello", 10, null);
          before = counts(SOURCE_DB);
          phase("backup starts");
          run(work, "backup.sh", SOURCE_DB, storage, work.resolve("backup").toString());
          // and after it: what is written now is not in the backup, and does not matter
          poll.put("title", "Biểu quyết sau khi sao lưu");
          on(live, chair).body(poll).post(m + "/polls").then().statusCode(200);
        }
      }
      assertTrue(Files.exists(work.resolve("backup/database.dump")), "the database's dump");
      assertTrue(
          Files.readString(work.resolve("backup/objects.sha256")).lines().count() >= 1,
          "the bucket's objects");

      // an empty system: the restore database (emptied above) and a new bucket
      phase("the live instance stopped");
      Map<String, String> restored = new HashMap<>(storage);
      restored.put("HOPSO_STORAGE_S3_BUCKET", "hopso-restored-" + suffix);
      run(work, "restore.sh", RESTORE_DB, restored, work.resolve("backup").toString());
      phase("restored");
      Map<String, Long> after = counts(RESTORE_DB);
      for (String table : TABLES) {
        assertTrue(
            after.get(table) >= before.get(table),
            table + ": " + after.get(table) + " restored, " + before.get(table) + " before");
      }
      restored.put("QUARKUS_DATASOURCE_JDBC_URL", RESTORE_DB);
      try (PackagedApp back = PackagedApp.startOnPostgres("backup-restored", restored)) {
        phase("the restored instance is ready");
        String admin = login(back, "admin", Api.ADMIN_PASSWORD);
        on(back, admin)
            .get("/api/meetings/" + meeting)
            .then()
            .statusCode(200)
            .body("title", equalTo("Kỳ họp trước khi sao lưu"));
        // the document: the same bytes, from the restored bucket
        String url =
            on(back, admin)
                .body(Map.of("kind", "ORIGINAL", "download", true))
                .post("/api/documents/" + documentId + "/link")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        URI uri = URI.create(url.startsWith("/") ? "http://127.0.0.1:" + back.port + url : url);
        HttpResponse<byte[]> file =
            HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertArrayEquals(pdf, file.body(), "the document's bytes");
        // the secret poll's published receipts, each with its choice, and its record verifying
        var list =
            on(back, admin)
                .get("/api/polls/" + pollId + "/receipts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, String> published = new HashMap<>();
        List<Map<String, Object>> entries = list.getList("entries");
        for (Map<String, Object> e : entries) {
          @SuppressWarnings("unchecked")
          Map<String, Object> choice = (Map<String, Object>) e.get("choice");
          published.put((String) e.get("receipt"), (String) choice.get("value"));
        }
        assertEquals(receipts, published);
        assertTrue(list.getBoolean("recordVerifies"), "the poll's record verifies");
        // the audit chain: every entry, sealed before the backup or after the restore, verifies
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        var verified = on(back, admin).get("/api/audit/verify").then().extract().jsonPath();
        while (verified.getLong("awaitingSeal") > 0 && System.nanoTime() < deadline) {
          Thread.sleep(200);
          verified = on(back, admin).get("/api/audit/verify").then().extract().jsonPath();
        }
        phase("the audit chain sealed");
        assertTrue(verified.getBoolean("ok"), verified.prettify());
        assertTrue(
            verified.getLong("checked") >= before.get("audit_entry"),
            "every audit entry restored is in the chain: " + verified.prettify());
      }
    }
  }

  /** The restore target must be an empty system: no tables in its schema. */
  static void emptyRestoreDatabase() throws Exception {
    try (Connection c = DriverManager.getConnection(RESTORE_DB, DB_USER, DB_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists public cascade");
      s.execute("create schema public");
    }
  }

  static Map<String, Long> counts(String url) throws Exception {
    Map<String, Long> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url, DB_USER, DB_PASSWORD);
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
          rs.next();
          out.put(table, rs.getLong(1));
        }
      }
    }
    return out;
  }

  /** Runs deploy/backup/SCRIPT FOLDER with the server's settings in its environment. */
  static void run(Path work, String script, String db, Map<String, String> storage, String folder)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "deploy/backup/" + script, folder);
    pb.environment().putAll(storage);
    pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", db);
    pb.environment().put("QUARKUS_DATASOURCE_USERNAME", DB_USER);
    pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", DB_PASSWORD);
    pb.environment().put("HOPSO_APP", "target/quarkus-app-pg");
    Path log = work.resolve(script + ".log");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    int exit = pb.start().waitFor();
    assertEquals(0, exit, script + " failed:\n" + Files.readString(log));
    System.out.print("BackupRestoreIT: " + Files.readString(log));
  }
}
