package vn.hopso.video;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;
import vn.hopso.support.LiveClient;

/**
 * Every room's status (issue 10) over real WebSocket clients: a room's screen connects with its
 * device account, reports its state and its readiness check on the meeting's socket, and leaves;
 * the grid ({@code GET /api/meetings/{id}/rooms/status}), the runners' {@code rooms.status} events
 * and the endpoints list follow. Reports that are not a room's, not well formed, or outside the
 * meeting's window are refused with a problem, in the screen's language.
 */
@QuarkusTest
class RoomStatusTest extends RoomsFixture {
  @Test
  void aRoomsScreenConnectsReportsAndLeavesAndTheGridFollows() throws Exception {
    JsonNode before = board();
    assertEquals(2, before.path("counts").path("total").asInt(), before.toString());
    assertEquals(0, before.path("counts").path("connected").asInt());
    assertEquals(
        List.of("OFFLINE", "NOT_CHECKED"), problems(roomIn(before, roomA)), before.toString());

    try (LiveClient runner = connect(secretary.token(), meeting, null)) {
      LiveClient screen = connect(screenA, meeting, null);
      JsonNode connected = awaitRoom(runner, roomA, r -> r.path("connected").asBoolean());
      assertEquals(
          List.of("NOT_IN_CONFERENCE", "NOT_CHECKED"),
          problems(roomIn(connected, roomA)),
          connected.toString());
      assertEquals(1, connected.path("counts").path("connected").asInt());
      assertEquals("CONNECTED", endpointStatus(roomA));

      // in the conference, camera on, microphone muted (it watches), every device confirmed
      screen.send(
          report(
              "JOINED",
              "ON",
              "MUTED",
              "\"checks\":{\"camera\":true,\"microphone\":true,\"speakers\":true}"));
      JsonNode ready = awaitRoom(runner, roomA, r -> r.path("ready").asBoolean());
      JsonNode a = roomIn(ready, roomA);
      assertEquals(List.of(), problems(a), ready.toString());
      assertEquals("a1b2c3", a.path("jitsiId").asText());
      assertEquals("Phòng họp UBND xã Ân Hảo", a.path("name").asText());
      assertEquals(1, ready.path("counts").path("ready").asInt());
      assertEquals(1, ready.path("counts").path("checked").asInt());
      assertEquals(1, ready.path("counts").path("notReady").asInt()); // room B
      assertEquals(1, ready.path("rooms").size(), "only the room that changed travels");
      assertEquals("IN_CONFERENCE", endpointStatus(roomA));

      // the same report again changes nothing: no event
      screen.send(
          report(
              "JOINED",
              "ON",
              "MUTED",
              "\"checks\":{\"camera\":true,\"microphone\":true,\"speakers\":true}"));
      // its camera goes off: not ready, and why; the next event about the room is this one
      screen.send(report("JOINED", "MUTED", "MUTED", null));
      JsonNode muted = awaitRoom(runner, roomA, r -> true);
      assertEquals(
          "MUTED", roomIn(muted, roomA).path("camera").asText(), "the repeat made no event");
      assertFalse(roomIn(muted, roomA).path("ready").asBoolean());
      assertEquals(List.of("CAMERA_MUTED"), problems(roomIn(muted, roomA)), muted.toString());
      assertEquals("MUTED", roomIn(board(), roomA).path("camera").asText());

      // the screen goes away: offline, its confirmed check kept
      screen.close();
      JsonNode gone = awaitRoom(runner, roomA, r -> !r.path("connected").asBoolean());
      JsonNode g = roomIn(gone, roomA);
      assertEquals(List.of("OFFLINE"), problems(g), gone.toString());
      assertEquals("NONE", g.path("conference").asText());
      assertTrue(g.path("checks").path("speakers").asBoolean());
      assertEquals(0, gone.path("counts").path("connected").asInt());
      assertEquals("OFFLINE", endpointStatus(roomA));
    }
  }

  @Test
  void onlyTheRunnersSeeTheGridAndTheirSocketsAloneHearOfIt() throws Exception {
    Api.as(delegate.token())
        .get("/api/meetings/" + meeting + "/rooms/status")
        .then()
        .statusCode(403)
        .body("code", equalTo("meeting.need-runner"));
    Api.as(screenA).get("/api/meetings/" + meeting + "/rooms/status").then().statusCode(403);
    Api.as(chair.token())
        .get("/api/meetings/" + meeting + "/rooms/status")
        .then()
        .statusCode(200)
        .body("rooms.name", contains("Phòng họp UBND xã Ân Hảo", "Phòng họp UBND xã Đại Lộc"));
    Api.as(chair.token())
        .get("/api/meetings/" + meeting)
        .then()
        .body("capabilities.canViewRoomStatus", equalTo(true))
        .body("capabilities.canReportRoomStatus", equalTo(false));
    Api.as(screenB)
        .get("/api/meetings/" + meeting)
        .then()
        .body("capabilities.canReportRoomStatus", equalTo(true))
        .body("capabilities.canViewRoomStatus", equalTo(false));

    try (LiveClient d = connect(delegate.token(), meeting, null);
        LiveClient runner = connect(secretary.token(), meeting, null);
        LiveClient screen = connect(screenB, meeting, null)) {
      awaitRoom(runner, roomB, r -> r.path("connected").asBoolean());
      for (JsonNode m : d.drain(500)) {
        assertFalse(
            m.path("event").asText().equals("rooms.status"), "a delegate hears no rooms: " + m);
      }
    }
  }

  @Test
  void reportsThatAreNotARoomsOrNotWellFormedAreRefusedInTheScreensLanguage() throws Exception {
    try (LiveClient d = connect(delegate.token(), meeting, null)) {
      d.send(report("JOINED", "ON", "ON", null));
      JsonNode refused = d.next("room.status.refused", 5, null);
      assertEquals(403, refused.path("problem").path("status").asInt(), refused.toString());
      assertEquals("meeting.need-room", refused.path("problem").path("code").asText());
    }
    try (LiveClient screen = connect(screenA, meeting, "en")) {
      screen.send(report("DANCING", "ON", "ON", null));
      JsonNode bad = screen.next("room.status.refused", 5, null);
      assertEquals(400, bad.path("problem").path("status").asInt(), bad.toString());
      assertEquals("conference", bad.path("problem").path("errors").get(0).path("field").asText());
      assertFalse(bad.toString().contains("vn.hopso"), "no class names: " + bad);
      screen.send(report("JOINED", "ON", "ON", "\"volume\":11"));
      JsonNode unknown = screen.next("room.status.refused", 5, null);
      assertEquals("volume", unknown.path("problem").path("errors").get(0).path("field").asText());
      screen.send("{\"type\":\"room.status\",\"camera\":\"ON\",\"microphone\":\"ON\"}");
      JsonNode missing = screen.next("room.status.refused", 5, null);
      assertEquals(
          "conference", missing.path("problem").path("errors").get(0).path("field").asText());
      assertTrue(
          missing.path("problem").path("detail").asText().matches("(?s).*[a-z].*"),
          "a sentence in English: " + missing);
    }
  }

  @Test
  void aRoomReportsOnlyFromHalfAnHourBeforeTheStartUntilTheEnd() throws Exception {
    long early = meetingStartingIn(Duration.ofHours(3));
    invite(early, roomA);
    try (LiveClient screen = connect(screenA, early, null)) {
      screen.send(report("JOINED", "ON", "ON", null));
      JsonNode refused = screen.next("room.status.refused", 5, null);
      assertEquals(409, refused.path("problem").path("status").asInt(), refused.toString());
      assertEquals("meeting.not-yet", refused.path("problem").path("code").asText());
    }
    // held and ended: nothing more to report
    Api.as(chair.token()).post("/api/meetings/" + meeting + "/start").then().statusCode(200);
    Api.as(chair.token()).post("/api/meetings/" + meeting + "/end").then().statusCode(200);
    try (LiveClient screen = connect(screenB, meeting, null)) {
      screen.send(report("JOINED", "ON", "ON", null));
      JsonNode refused = screen.next("room.status.refused", 5, null);
      assertEquals(409, refused.path("problem").path("status").asInt(), refused.toString());
    }
  }
}
