package vn.hopso.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hopso.meeting.MeetingFixture;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;
import vn.hopso.support.TestClock;

/**
 * Conclusions and their tasks: given to a person and to a unit, reported on by the responsible side
 * only, accepted or returned by the issuer only, overdue on the test clock, each reminder sent once
 * however many runs of the job race for it, and the overview's overdue counts.
 */
@QuarkusTest
class TaskTest {
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Inject TaskReminderJob reminders;

  String admin;
  long unit;
  long otherUnit;
  MeetingFixture.Someone secretary;
  MeetingFixture.Someone chair;
  MeetingFixture.Someone responsible;
  MeetingFixture.Someone colleague;
  MeetingFixture.Someone stranger;
  long meeting;
  String base;

  @BeforeEach
  void aMeetingWithAConclusion() {
    admin = Api.admin();
    unit = MoreApi.province(admin, "Tỉnh Nhiệm Vụ " + Api.unique("u"));
    otherUnit = MoreApi.province(admin, "Tỉnh Khác " + Api.unique("u"));
    secretary = MeetingFixture.quiet(admin, "Thư Ký Nhiệm Vụ", "SECRETARY");
    chair = MeetingFixture.quiet(admin, "Chủ Trì Nhiệm Vụ", "CHAIR");
    responsible = person("Đỗ Thị Hằng", unit);
    colleague = person("Vũ Văn Cường", unit);
    stranger = person("Hoàng Văn Lạ", otherUnit);
    meeting =
        MeetingFixture.startingSoon(
            secretary.token(), "Họp triển khai nhiệm vụ", unit, chair.id(), secretary.id());
    base = "/api/meetings/" + meeting;
    MeetingFixture.agenda(secretary.token(), meeting, List.of("Triển khai kết luận"));
    MeetingFixture.startSession(secretary.token(), chair.token(), meeting);
  }

  /** Someone with an email address in a unit (the reminders are read from the outbox). */
  MeetingFixture.Someone person(String name, long unitId) {
    String username = Api.unique("nv").toLowerCase();
    Map<String, Object> body = new HashMap<>();
    body.put("username", username);
    body.put("fullName", name);
    body.put("unitId", unitId);
    body.put("roles", List.of("DELEGATE"));
    body.put("password", Api.PASSWORD);
    body.put("email", username + "@test.hopso.vn");
    long id =
        Api.as(admin)
            .body(body)
            .post("/api/people")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    return new MeetingFixture.Someone(
        id, username, Api.login(username, Api.PASSWORD), username + "@test.hopso.vn");
  }

  long task(Long conclusion, Long unitId, Long personId, LocalDate deadline) {
    Map<String, Object> body = new HashMap<>();
    body.put("conclusionId", conclusion);
    body.put("title", "Rà soát danh mục dự án " + Api.unique("t"));
    body.put("unitId", unitId);
    body.put("personId", personId);
    body.put("deadline", deadline.toString());
    body.put("priority", "HIGH");
    return Api.as(secretary.token())
        .body(body)
        .post(base + "/tasks")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /** Today in Vietnam (the test clock is back to real time before every test). */
  static LocalDate today() {
    return LocalDate.now(VIETNAM);
  }

  @Test
  void theResponsibleSideReportsTheIssuerDecides() {
    long conclusion =
        Api.as(chair.token())
            .body(Map.of("text", "Giao các sở rà soát danh mục dự án đầu tư công"))
            .post(base + "/conclusions")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("id");
    long mine = task(conclusion, null, responsible.id(), today().plusDays(10));
    long units = task(conclusion, unit, null, today().plusDays(10));

    // a task needs someone responsible; a delegate gives none
    Map<String, Object> nobody = new HashMap<>();
    nobody.put("title", "Không ai");
    nobody.put("deadline", today().toString());
    Api.as(secretary.token()).body(nobody).post(base + "/tasks").then().statusCode(400);
    Api.as(responsible.token())
        .body(Map.of("title", "Tự giao", "personId", responsible.id(), "deadline", "2030-01-01"))
        .post(base + "/tasks")
        .then()
        .statusCode(403);

    // "my tasks" and the unit's
    assertEquals(List.of(mine), ids(responsible.token(), "/api/tasks/mine"));
    assertTrue(ids(colleague.token(), "/api/tasks/mine?unit=true").contains(units));
    assertFalse(ids(colleague.token(), "/api/tasks/mine").contains(units));
    // someone of another unit neither sees nor reports
    Api.as(stranger.token()).get("/api/tasks/" + mine).then().statusCode(404);
    Api.as(stranger.token())
        .body(Map.of("progress", 50))
        .post("/api/tasks/" + mine + "/progress")
        .then()
        .statusCode(404);
    // the colleague sees the person's task (same unit) but does not report on it
    Api.as(colleague.token())
        .body(Map.of("progress", 50))
        .post("/api/tasks/" + mine + "/progress")
        .then()
        .statusCode(409);

    JsonPath progressed =
        Api.as(responsible.token())
            .body(Map.of("progress", 40, "note", "Đã rà soát 12/30 dự án"))
            .post("/api/tasks/" + mine + "/progress")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("IN_PROGRESS", progressed.getString("state"));
    Api.as(responsible.token())
        .contentType("application/pdf")
        .queryParam("fileName", "Báo cáo tiến độ.pdf")
        .body("%PDF-1.4 báo cáo".getBytes())
        .post("/api/tasks/" + mine + "/files")
        .then()
        .statusCode(200);
    // the range is checked and named
    Api.as(responsible.token())
        .body(Map.of("progress", 140))
        .post("/api/tasks/" + mine + "/progress")
        .then()
        .statusCode(400);
    // the issuer cannot accept what was not reported
    Api.as(secretary.token()).post("/api/tasks/" + mine + "/accept").then().statusCode(409);
    Api.as(responsible.token())
        .body(Map.of("note", "Hoàn thành"))
        .post("/api/tasks/" + mine + "/report")
        .then()
        .statusCode(200);
    // the responsible side does not accept its own work
    Api.as(responsible.token()).post("/api/tasks/" + mine + "/accept").then().statusCode(409);
    JsonPath returned =
        Api.as(chair.token())
            .body(Map.of("note", "Thiếu số liệu quý IV"))
            .post("/api/tasks/" + mine + "/return")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("IN_PROGRESS", returned.getString("state"));
    Api.as(responsible.token()).post("/api/tasks/" + mine + "/report").then().statusCode(200);
    assertEquals(
        "DONE",
        Api.as(secretary.token())
            .post("/api/tasks/" + mine + "/accept")
            .then()
            .statusCode(200)
            .extract()
            .path("state"));
    JsonPath detail =
        Api.as(responsible.token())
            .get("/api/tasks/" + mine)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(
        List.of("PROGRESS", "PROGRESS", "REPORTED", "RETURNED", "REPORTED", "ACCEPTED"),
        detail.getList("updates.kind"));
    assertEquals("Báo cáo tiến độ.pdf", detail.getString("updates[1].fileName"));
    String file = "/api/tasks/" + mine + "/files/" + detail.getLong("updates[1].id");
    assertEquals(
        "%PDF-1.4 báo cáo",
        new String(
            Api.as(secretary.token()).get(file).then().statusCode(200).extract().asByteArray(),
            java.nio.charset.StandardCharsets.UTF_8));
    Api.as(stranger.token()).get(file).then().statusCode(404);

    JsonPath conclusions =
        Api.as(secretary.token())
            .get(base + "/conclusions")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(2, conclusions.getList("conclusions[0].tasks").size());
    assertEquals(1, conclusions.getInt("counts.done"));
  }

  @Test
  void overdueOnTheClockAndEachReminderSentOnce() throws Exception {
    long soon = task(null, null, responsible.id(), today().plusDays(1));
    long later = task(null, unit, null, today().plusDays(30));

    int before = outbox(responsible);
    assertTrue(race() >= 1, "the reminder before the deadline");
    assertEquals(0, race(), "nothing twice");
    assertEquals(before + 1, outbox(responsible), "one email, however many runs raced");

    // three days later the first is overdue: one more reminder, once (signed in again: the
    // access tokens of three days ago have expired)
    TestClock.advance(Duration.ofDays(3));
    secretary = again(secretary);
    responsible = again(responsible);
    JsonPath overview =
        Api.as(secretary.token())
            .get(base + "/tasks/overview")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, overview.getInt("all.overdue"));
    assertEquals(2, overview.getInt("all.open"));
    assertTrue(
        Api.as(responsible.token())
            .get("/api/tasks/" + soon)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getBoolean("task.overdue"));
    race();
    assertEquals(0, race());
    assertEquals(before + 2, outbox(responsible));
    assertFalse(
        Api.as(secretary.token())
            .get("/api/tasks/" + later)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getBoolean("task.overdue"));
    // the overview of every unit is for those who give tasks
    Api.as(responsible.token()).get("/api/tasks/overview").then().statusCode(403);
    Api.as(secretary.token()).get("/api/tasks/overview").then().statusCode(200);
  }

  /** Four runs of the job at once (as on four instances); answers how many reminders they sent. */
  int race() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> runs =
          List.of(reminders::sendDue, reminders::sendDue, reminders::sendDue, reminders::sendDue);
      int sent = 0;
      for (Future<Integer> f : pool.invokeAll(runs)) {
        sent += f.get();
      }
      return sent;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The emails waiting or sent for this person about their tasks. */
  int outbox(MeetingFixture.Someone who) {
    return ((Number)
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        vn.hopso.notify.OutboundMessage.count(
                            "person.id = ?1 and channel = ?2 and kind like 'TASK_%'",
                            who.id(), vn.hopso.notify.OutboundMessage.Channel.EMAIL)))
        .intValue();
  }

  static MeetingFixture.Someone again(MeetingFixture.Someone s) {
    return new MeetingFixture.Someone(
        s.id(), s.username(), Api.login(s.username(), Api.PASSWORD), s.email());
  }

  List<Long> ids(String token, String path) {
    return Api.as(token)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("id", Long.class);
  }
}
