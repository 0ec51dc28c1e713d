package vn.hopso.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import vn.hopso.meeting.MeetingFixture;
import vn.hopso.support.Api;
import vn.hopso.support.LiveClient;
import vn.hopso.support.MoreApi;

/**
 * A meeting about to start (in 20 minutes: within its rooms' readiness window) with two invited
 * rooms, each with its device account, and the helpers of the rooms' tests.
 */
abstract class RoomsFixture {
  static final ObjectMapper JSON = new ObjectMapper();

  String admin;
  long unit;
  MeetingFixture.Someone secretary;
  MeetingFixture.Someone chair;
  MeetingFixture.Someone delegate;
  long meeting;
  long roomA;
  long roomB;
  String screenA;
  String screenB;

  @BeforeEach
  void aMeetingAboutToStartWithTwoRooms() {
    admin = Api.admin();
    unit = MoreApi.province(admin, "Tỉnh Điểm Cầu");
    secretary = MeetingFixture.quiet(admin, "Thư Ký Điểm Cầu", "SECRETARY");
    chair = MeetingFixture.quiet(admin, "Chủ Trì Điểm Cầu", "CHAIR");
    delegate = MeetingFixture.quiet(admin, "Đại Biểu Điểm Cầu", "DELEGATE");
    meeting = meetingStartingIn(Duration.ofMinutes(20));
    roomA = room("Phòng họp UBND xã Ân Hảo");
    roomB = room("Phòng họp UBND xã Đại Lộc");
    invite(meeting, roomA, roomB);
    screenA = deviceToken(roomA);
    screenB = deviceToken(roomB);
  }

  long meetingStartingIn(Duration in) {
    Instant start = Instant.now().plus(in);
    long id =
        MeetingFixture.create(
            secretary.token(),
            MeetingFixture.meetingBody(
                "Hội nghị trực tuyến toàn tỉnh",
                unit,
                chair.id(),
                secretary.id(),
                start,
                start.plus(Duration.ofHours(2))));
    Api.as(secretary.token())
        .body(
            Map.of("participants", List.of(Map.of("personId", delegate.id(), "role", "DELEGATE"))))
        .post("/api/meetings/" + id + "/participants")
        .then()
        .statusCode(200);
    Api.as(secretary.token()).post("/api/meetings/" + id + "/schedule").then().statusCode(200);
    return id;
  }

  final Map<Long, String> accounts = new java.util.HashMap<>();

  long room(String name) {
    String account = MoreApi.username("dc-room-");
    long id = MoreApi.createEndpoint(admin, MoreApi.code("DC-ROOM-"), name, unit, account);
    accounts.put(id, account);
    return id;
  }

  void invite(long meetingId, Long... rooms) {
    Api.as(secretary.token())
        .body(Map.of("endpointIds", List.of(rooms)))
        .post("/api/meetings/" + meetingId + "/endpoints")
        .then()
        .statusCode(200);
  }

  String deviceToken(long room) {
    String account = accounts.get(room);
    MoreApi.setPassword(admin, MoreApi.personId(admin, account), "room-screen-password-1");
    return Api.login(account, "room-screen-password-1");
  }

  static LiveClient connect(String token, long meetingId, String lang) throws Exception {
    String ticket =
        Api.as(token)
            .post("/api/meetings/" + meetingId + "/live-ticket")
            .then()
            .statusCode(200)
            .extract()
            .path("ticket");
    LiveClient c =
        LiveClient.connect(
            "ws://localhost:"
                + RestAssured.port
                + "/ws/meetings/"
                + meetingId
                + "?ticket="
                + ticket
                + (lang == null ? "" : "&lang=" + lang));
    c.next("hello", 5, null);
    return c;
  }

  static String report(String conference, String camera, String microphone, String more) {
    return "{\"type\":\"room.status\",\"conference\":\""
        + conference
        + "\",\"camera\":\""
        + camera
        + "\",\"microphone\":\""
        + microphone
        + "\",\"quality\":\"GOOD\",\"jitsiId\":\"a1b2c3\""
        + (more == null ? "" : "," + more)
        + "}";
  }

  JsonNode board() throws Exception {
    return JSON.readTree(
        Api.as(secretary.token())
            .get("/api/meetings/" + meeting + "/rooms/status")
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  static JsonNode roomIn(JsonNode roomsHolder, long endpointId) {
    for (JsonNode r : roomsHolder.path("rooms")) {
      if (r.path("endpointId").asLong() == endpointId) {
        return r;
      }
    }
    return null;
  }

  /** Waits for a {@code rooms.status} event in which the room matches. */
  static JsonNode awaitRoom(LiveClient runner, long endpointId, Predicate<JsonNode> matches)
      throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<JsonNode> seen = new ArrayList<>();
    while (System.nanoTime() < end) {
      JsonNode m = runner.messages.poll(100, TimeUnit.MILLISECONDS);
      if (m == null) {
        continue;
      }
      seen.add(m);
      if (m.path("event").asText().equals("rooms.status")) {
        JsonNode r = roomIn(m.path("data"), endpointId);
        if (r != null && matches.test(r)) {
          return m.path("data");
        }
      }
    }
    throw new AssertionError("no rooms.status for room " + endpointId + " that matches: " + seen);
  }

  static List<String> problems(JsonNode room) {
    List<String> out = new ArrayList<>();
    room.path("problems").forEach(p -> out.add(p.asText()));
    return out;
  }

  String endpointStatus(long room) {
    return Api.as(admin)
        .get("/api/endpoints/" + room)
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }
}
