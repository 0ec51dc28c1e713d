package vn.hopso.speaker;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hopso.meeting.MeetingFixture;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;
import vn.hopso.support.TestClock;

/**
 * Running the session (issue 7): the chair moves through the agenda and its clock, pauses and
 * resumes; delegates and rooms ask to speak; the chair orders the queue, gives the floor, and ends
 * speeches, every one kept with its times.
 */
@QuarkusTest
class SessionAndSpeakersTest {
  String admin;
  MeetingFixture.Someone secretary;
  MeetingFixture.Someone chair;
  List<MeetingFixture.Someone> delegates;
  long meeting;
  long unit;
  String base;
  List<Long> items;

  @BeforeEach
  void aRunningMeeting() {
    admin = Api.admin();
    unit = MoreApi.province(admin, "Tỉnh Điều Hành");
    secretary = MeetingFixture.quiet(admin, "Thư Ký Điều Hành", "SECRETARY");
    chair = MeetingFixture.quiet(admin, "Chủ Tọa Điều Hành", "CHAIR");
    delegates = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      delegates.add(MeetingFixture.quiet(admin, "Đại Biểu Phát Biểu " + (i + 1), "DELEGATE"));
    }
    meeting =
        MeetingFixture.startingSoon(
            secretary.token(), "Phiên có phát biểu", unit, chair.id(), secretary.id());
    base = "/api/meetings/" + meeting;
    MeetingFixture.inviteDelegates(secretary.token(), meeting, delegates);
    items = new ArrayList<>();
    for (String title : List.of("Khai mạc", "Báo cáo tình hình", "Thảo luận", "Bế mạc")) {
      items.add(
          Api.as(secretary.token())
              .body(Map.of("title", title, "plannedMinutes", 10))
              .post(base + "/agenda/items")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id"));
    }
    MeetingFixture.startSession(secretary.token(), chair.token(), meeting);
  }

  JsonPath live(String token) {
    return Api.as(token).get(base + "/live").then().statusCode(200).extract().jsonPath();
  }

  /**
   * A double tap, and two runners giving the floor at once: the queue decides one change after
   * another (the meeting's row lock), so one request is taken and one person speaks.
   */
  @Test
  void simultaneousPressesAreDecidedOneAfterAnother() throws Exception {
    MeetingFixture.Someone d = delegates.get(0);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> asks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        asks.add(
            pool.submit(
                () ->
                    Api.as(d.token())
                        .body(Map.of("kind", "CONTRIBUTION"))
                        .post(base + "/speakers")
                        .statusCode()));
      }
      List<Integer> codes = new ArrayList<>();
      for (var f : asks) {
        codes.add(f.get());
      }
      assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
      assertTrue(codes.stream().allMatch(c -> c == 200 || c == 409), codes.toString());
      Api.as(delegates.get(1).token())
          .body(Map.of("kind", "QUESTION"))
          .post(base + "/speakers")
          .then()
          .statusCode(200);
      assertEquals(2, live(chair.token()).getList("speaker.waiting").size());

      List<java.util.concurrent.Future<Integer>> gives = new ArrayList<>();
      for (String token : List.of(chair.token(), secretary.token(), chair.token())) {
        gives.add(
            pool.submit(
                () -> Api.as(token).body(Map.of()).post(base + "/speakers/floor").statusCode()));
      }
      for (var f : gives) {
        assertTrue(List.of(200, 409).contains(f.get()));
      }
      JsonPath q = live(chair.token());
      // whoever gave it last, exactly one speaks; the others' speeches ended, none is lost
      assertTrue(q.get("speaker.current") != null);
      long speaking =
          Api.as(chair.token())
              .get(base + "/speakers/log")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("findAll { it.state == 'SPEAKING' }")
              .size();
      assertEquals(1, speaking);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theChairMovesThroughTheAgendaAndItsClockStopsWhilePaused() {
    // before any item was taken up there is nothing to go back to
    Api.as(chair.token())
        .post(base + "/agenda/previous")
        .then()
        .statusCode(409)
        .body("code", equalTo("agenda.no-previous"));
    // a delegate cannot drive the session
    Api.as(delegates.get(0).token()).post(base + "/agenda/next").then().statusCode(403);
    Api.as(chair.token()).post(base + "/agenda/next").then().statusCode(204);
    JsonPath s = live(delegates.get(0).token());
    assertEquals(items.get(0), s.getLong("currentItemId"));
    assertEquals("CURRENT", s.getString("items[0].state"));
    assertTrue(s.get("items[0].runStartedAt") != null);

    TestClock.advance(Duration.ofMinutes(3));
    Api.as(chair.token())
        .post(base + "/pause")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"));
    Api.as(chair.token()).post(base + "/pause").then().statusCode(409);
    TestClock.advance(Duration.ofMinutes(5)); // paused: does not count
    s = live(chair.token());
    assertEquals(true, s.getBoolean("paused"));
    assertEquals(180, s.getLong("items[0].spentSeconds"), 2);
    assertTrue(s.get("items[0].runStartedAt") == null);
    Api.as(chair.token()).post(base + "/resume").then().statusCode(200);
    TestClock.advance(Duration.ofMinutes(2));

    Api.as(chair.token()).post(base + "/agenda/next").then().statusCode(204);
    s = live(chair.token());
    assertEquals("DONE", s.getString("items[0].state"));
    assertEquals(300, s.getLong("items[0].spentSeconds"), 2);
    assertEquals(items.get(1), s.getLong("currentItemId"));
    // defer the discussion, jump to the end, come back
    Api.as(chair.token())
        .body(Map.of("state", "DEFERRED"))
        .put(base + "/agenda/items/" + items.get(2) + "/state")
        .then()
        .statusCode(204);
    Api.as(chair.token()).post(base + "/agenda/next").then().statusCode(204);
    assertEquals(
        items.get(3), live(chair.token()).getLong("currentItemId"), "the deferred item is skipped");
    Api.as(chair.token())
        .body(Map.of("itemId", items.get(2)))
        .post(base + "/agenda/current")
        .then()
        .statusCode(204);
    s = live(chair.token());
    assertEquals(items.get(2), s.getLong("currentItemId"));
    assertEquals("PENDING", s.getString("items[3].state"));
    Api.as(chair.token()).post(base + "/agenda/previous").then().statusCode(204);
    assertEquals(items.get(1), live(chair.token()).getLong("currentItemId"));
    // past the last item nothing is current; "previous" comes back to the last one dealt with
    for (int i = 0; i < 4; i++) {
      Api.as(chair.token()).post(base + "/agenda/next").then().statusCode(204);
    }
    assertTrue(live(chair.token()).get("currentItemId") == null);
    Api.as(chair.token()).post(base + "/agenda/previous").then().statusCode(204);
    assertEquals(items.get(3), live(chair.token()).getLong("currentItemId"));
  }

  @Test
  void aSpeechTheChairPausedStaysPausedWhenTheSessionResumes() {
    Api.as(chair.token()).post(base + "/agenda/next").then().statusCode(204);
    String sp = base + "/speakers";
    Api.as(delegates.get(0).token())
        .body(Map.of("kind", "CONTRIBUTION"))
        .post(sp)
        .then()
        .statusCode(200);
    Api.as(chair.token()).body(Map.of()).post(sp + "/floor").then().statusCode(200);
    TestClock.advance(Duration.ofSeconds(20));
    Api.as(chair.token()).post(sp + "/pause").then().statusCode(200);
    Api.as(chair.token()).post(base + "/pause").then().statusCode(200);
    TestClock.advance(Duration.ofSeconds(60));
    Api.as(chair.token()).post(base + "/resume").then().statusCode(200);
    Api.as(chair.token()).get(sp).then().body("current.pausedAt", notNullValue());
    TestClock.advance(Duration.ofSeconds(10));
    Api.as(chair.token())
        .post(sp + "/resume")
        .then()
        .statusCode(200)
        .body("current.pausedAt", nullValue())
        .body("current.pausedSeconds", equalTo(70));
    TestClock.advance(Duration.ofSeconds(15));
    Api.as(chair.token()).post(sp + "/end").then().statusCode(200);
    // the log keeps each speech with its start, end and paused time, for everyone who follows
    Api.as(delegates.get(1).token())
        .get(sp + "/log")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].name", equalTo("Đại Biểu Phát Biểu 1"))
        .body("[0].pausedSeconds", equalTo(70))
        .body("[0].startedAt", notNullValue())
        .body("[0].endedAt", notNullValue());
  }

  @Test
  void delegatesAndRoomsAskToSpeakAndTheChairRunsTheQueue() {
    Api.as(chair.token()).post(base + "/agenda/next").then().statusCode(204);
    String sp = base + "/speakers";
    // before the meeting runs nobody may ask: covered by MeetingRulesTest; here it runs
    Api.as(delegates.get(0).token())
        .body(Map.of("kind", "CONTRIBUTION"))
        .post(sp)
        .then()
        .statusCode(200)
        .body("waiting", hasSize(1))
        .body("waiting[0].mine", equalTo(true));
    Api.as(delegates.get(0).token())
        .body(Map.of("kind", "QUESTION"))
        .post(sp)
        .then()
        .statusCode(409)
        .body("code", equalTo("speaker.already-waiting"));
    Api.as(delegates.get(1).token())
        .body(Map.of("kind", "QUESTION", "note", "Về số liệu"))
        .post(sp)
        .then()
        .statusCode(200);
    // a point of order goes to the top
    Api.as(delegates.get(2).token())
        .body(Map.of("kind", "POINT_OF_ORDER"))
        .post(sp)
        .then()
        .statusCode(200)
        .body(
            "waiting.name",
            equalTo(
                List.of("Đại Biểu Phát Biểu 3", "Đại Biểu Phát Biểu 1", "Đại Biểu Phát Biểu 2")));
    // a room asks through its device account
    String room =
        MeetingFixture.invitedRoom(admin, secretary.token(), meeting, unit, "Điểm cầu Xã Phát Biểu")
            .token();
    Api.as(room)
        .body(Map.of("kind", "CONTRIBUTION"))
        .post(sp)
        .then()
        .statusCode(200)
        .body("waiting[3].name", equalTo("Điểm cầu Xã Phát Biểu"))
        .body("waiting[3].mine", equalTo(true));
    // the chair closes the list: a contribution is refused, a point of order still taken
    Api.as(chair.token()).post(sp + "/close").then().statusCode(200).body("open", equalTo(false));
    Api.as(delegates.get(3).token())
        .body(Map.of("kind", "CONTRIBUTION"))
        .post(sp)
        .then()
        .statusCode(409)
        .body("code", equalTo("speaker.queue-closed"));
    Api.as(chair.token()).post(sp + "/open").then().statusCode(200);
    // reorder: delegate 2 first
    JsonPath q = Api.as(chair.token()).get(sp).then().extract().jsonPath();
    long second = q.getLong("waiting.find { it.name == 'Đại Biểu Phát Biểu 2' }.id");
    Api.as(chair.token())
        .body(Map.of("position", 0))
        .post(sp + "/" + second + "/move")
        .then()
        .statusCode(200)
        .body("waiting[0].id", equalTo((int) second));
    Api.as(delegates.get(0).token())
        .body(Map.of("position", 0))
        .post(sp + "/" + second + "/move")
        .then()
        .statusCode(403);

    // the floor: to the first waiting; the item's own time limit applies
    Api.as(chair.token())
        .body(Map.of("seconds", 120))
        .put(base + "/agenda/items/" + items.get(0) + "/speech-limit")
        .then()
        .statusCode(204);
    Api.as(chair.token())
        .body(Map.of())
        .post(sp + "/floor")
        .then()
        .statusCode(200)
        .body("current.name", equalTo("Đại Biểu Phát Biểu 2"))
        .body("current.limitSeconds", equalTo(120))
        .body("current.startedAt", notNullValue())
        .body("waiting", hasSize(3));
    TestClock.advance(Duration.ofSeconds(30));
    // the session pauses: so does the speech
    Api.as(chair.token()).post(base + "/pause").then().statusCode(200);
    Api.as(chair.token()).get(sp).then().body("current.pausedAt", notNullValue());
    TestClock.advance(Duration.ofSeconds(100));
    Api.as(chair.token()).post(base + "/resume").then().statusCode(200);
    Api.as(chair.token())
        .get(sp)
        .then()
        .body("current.pausedAt", nullValue())
        .body("current.pausedSeconds", equalTo(100));
    // the next speaker: the one before is done
    Api.as(chair.token())
        .body(Map.of())
        .post(sp + "/floor")
        .then()
        .statusCode(200)
        .body("current.name", equalTo("Đại Biểu Phát Biểu 3"));
    // a delegate withdraws; the chair removes a room's request; then ends the speech
    long first =
        Api.as(chair.token())
            .get(sp)
            .then()
            .extract()
            .jsonPath()
            .getLong("waiting.find { it.name == 'Đại Biểu Phát Biểu 1' }.id");
    Api.as(delegates.get(1).token()).delete(sp + "/" + first).then().statusCode(403);
    Api.as(delegates.get(0).token()).delete(sp + "/" + first).then().statusCode(200);
    Api.as(chair.token())
        .post(sp + "/end")
        .then()
        .statusCode(200)
        .body("current", nullValue())
        .body("done", hasSize(2));
    Api.as(chair.token()).post(sp + "/end").then().statusCode(409);
    JsonPath done = Api.as(delegates.get(3).token()).get(sp).then().extract().jsonPath();
    assertEquals(
        100, done.getLong("done.find { it.name == 'Đại Biểu Phát Biểu 2' }.pausedSeconds"));
    assertTrue(done.get("done[0].endedAt") != null);

    // when the meeting ends nobody waits any more
    Api.as(chair.token()).post(base + "/end").then().statusCode(200);
    Api.as(delegates.get(3).token())
        .get(sp)
        .then()
        .body("waiting", hasSize(0))
        .body("current", nullValue());
  }
}
