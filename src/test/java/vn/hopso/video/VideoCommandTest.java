package vn.hopso.video;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;
import vn.hopso.support.LiveClient;
import vn.hopso.support.MoreApi;

/**
 * The chair's commands to the conference (issue 10): each checked (the chair and the meeting's
 * managers, while the session runs; a room of the meeting), audited, and delivered to every client
 * of the meeting as a {@code video.command} event with the room's participant id in the conference,
 * which its screen reported. The clients' parts are tested in the web app (videoCommands.test.ts)
 * and against the stand-in of Jitsi (VideoBrowserIT).
 */
@QuarkusTest
class VideoCommandTest extends RoomsFixture {

  static Map<String, Object> command(String action, Long endpointId) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("action", action);
    if (endpointId != null) {
      body.put("endpointId", endpointId);
    }
    return body;
  }

  String path() {
    return "/api/meetings/" + meeting + "/video/commands";
  }

  @Test
  void theChairsCommandReachesEveryClientWithTheRoomsParticipantIdAndIsAudited() throws Exception {
    Api.as(chair.token()).post("/api/meetings/" + meeting + "/start").then().statusCode(200);
    try (LiveClient screen = connect(screenA, meeting, null);
        LiveClient tablet = connect(delegate.token(), meeting, null);
        LiveClient runner = connect(secretary.token(), meeting, null)) {
      screen.send(report("JOINED", "ON", "MUTED", null));
      awaitRoom(runner, roomA, r -> r.path("jitsiId").asText().equals("a1b2c3"));

      Api.as(chair.token())
          .body(command("SPOTLIGHT", roomA))
          .post(path())
          .then()
          .statusCode(200)
          .body("action", equalTo("SPOTLIGHT"))
          .body("endpointId", equalTo((int) roomA))
          .body("jitsiId", equalTo("a1b2c3"))
          .body("roomName", equalTo("Phòng họp UBND xã Ân Hảo"));
      for (LiveClient c : List.of(screen, tablet)) {
        JsonNode e = awaitEvent(c, "video.command");
        assertEquals("SPOTLIGHT", e.path("data").path("action").asText(), e.toString());
        assertEquals(roomA, e.path("data").path("endpointId").asLong());
        assertEquals("a1b2c3", e.path("data").path("jitsiId").asText());
      }
      // the secretary too may; a command for everyone names no room
      Api.as(secretary.token())
          .body(command("MUTE_ALL", null))
          .post(path())
          .then()
          .statusCode(200)
          .body("endpointId", org.hamcrest.Matchers.nullValue());
      assertEquals(
          "MUTE_ALL", awaitEvent(tablet, "video.command").path("data").path("action").asText());
    }
    Api.as(admin)
        .queryParam("size", 50)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body(
            "items.findAll { it.action == 'video.spotlight' && it.target == 'meeting:"
                + meeting
                + "' && it.detail == 'Phòng họp UBND xã Ân Hảo' && it.actor == '"
                + chair.username()
                + "' }",
            hasSize(1))
        .body(
            "items.findAll { it.action == 'video.mute-all' && it.actor == '"
                + secretary.username()
                + "' }",
            hasSize(1));
  }

  @Test
  void commandsAreRefusedWithAClearProblem() {
    // not yet in progress
    Api.as(chair.token())
        .body(command("MUTE_ALL", null))
        .post(path())
        .then()
        .statusCode(409)
        .body("code", equalTo("meeting.wrong-state"));
    Api.as(chair.token()).post("/api/meetings/" + meeting + "/start").then().statusCode(200);
    // not the chair's or a manager's
    Api.as(delegate.token()).body(command("MUTE_ALL", null)).post(path()).then().statusCode(403);
    Api.as(screenA).body(command("MUTE_ALL", null)).post(path()).then().statusCode(403);
    // a command about one room needs the room, and one of this meeting's
    MoreApi.assertFieldError(
        Api.as(chair.token()).body(command("MUTE", null)).post(path()), "endpointId");
    long stranger = room("Phòng họp xã không được mời");
    Api.as(chair.token()).body(command("REMOVE", stranger)).post(path()).then().statusCode(404);
    // no such command, no body
    MoreApi.assertFieldError(
        Api.as(chair.token()).body(Map.of("action", "DANCE")).post(path()), "action");
    Api.as(chair.token()).post(path()).then().statusCode(400);
    // a room that has not reported yet: the command goes out without a participant id
    Api.as(chair.token())
        .body(command("ASK_UNMUTE", roomB))
        .post(path())
        .then()
        .statusCode(200)
        .body("jitsiId", org.hamcrest.Matchers.nullValue());
  }

  static JsonNode awaitEvent(LiveClient c, String event) throws Exception {
    List<JsonNode> seen = new ArrayList<>();
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < end) {
      JsonNode m = c.messages.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
      if (m != null) {
        seen.add(m);
        if (event.equals(m.path("event").asText())) {
          return m;
        }
      }
    }
    throw new AssertionError("no " + event + ": " + seen);
  }
}
