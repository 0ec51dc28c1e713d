package vn.hopso.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hopso.meeting.MeetingFixture;
import vn.hopso.support.Api;
import vn.hopso.support.LiveClient;

/**
 * The conference's stage (issue 10): in a meeting with more possible joiners than the stage's seats
 * (6 in the tests, {@code %test.hopso.jitsi.stage-max}), the rooms and people off the stage get a
 * visitor's token ({@code context.user.role: "visitor"}, read with another JWT library than the one
 * that signs it); a room that asks for the floor comes on stage ahead of its turn, stays while it
 * speaks, and leaves after; the stage never has more seats than configured; each change reaches
 * every client as {@code video.stage}. No Jitsi runs here: this is HopSo's side of the contract.
 */
@QuarkusTest
class StageTest extends RoomsFixture {
  long roomC;
  long roomD;
  long roomE;
  String screenC;
  String screenD;
  String screenE;

  @BeforeEach
  void moreRoomsThanTheStageHasSeats() {
    roomC = room("Phòng họp UBND xã Bình Minh");
    roomD = room("Phòng họp UBND xã Cát Tiên");
    roomE = room("Phòng họp UBND xã Ea Súp");
    invite(meeting, roomC, roomD, roomE);
    screenC = deviceToken(roomC);
    screenD = deviceToken(roomD);
    screenE = deviceToken(roomE);
    Api.as(chair.token()).post("/api/meetings/" + meeting + "/start").then().statusCode(200);
  }

  JsonPath stage(String token) {
    return stage(token, meeting);
  }

  static JsonPath stage(String token, long meetingId) {
    return Api.as(token)
        .get("/api/meetings/" + meetingId + "/video/stage")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The role a token for this meeting was made for (PARTICIPANT or VISITOR). */
  static String role(String token, long meetingId) {
    return Api.as(token)
        .post("/api/meetings/" + meetingId + "/video-token")
        .then()
        .statusCode(200)
        .extract()
        .path("role");
  }

  /** The token's answer and its {@code context.user}, verified under the test secret. */
  Map<String, Object> user(String token, String role) throws Exception {
    JsonPath answer =
        Api.as(token)
            .post("/api/meetings/" + meeting + "/video-token")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(role, answer.getString("role"), answer.prettify());
    SignedJWT jwt = SignedJWT.parse(answer.getString("jwt"));
    assertTrue(jwt.verify(new MACVerifier(VideoTokenTest.SECRET)));
    @SuppressWarnings("unchecked")
    Map<String, Object> u =
        (Map<String, Object>) jwt.getJWTClaimsSet().getJSONObjectClaim("context").get("user");
    return u;
  }

  void visitor(String token) throws Exception {
    assertEquals("visitor", user(token, "VISITOR").get("role"));
  }

  void participant(String token) throws Exception {
    assertNull(user(token, "PARTICIPANT").get("role"), "a participant's token asks for no role");
  }

  void ask(String token) {
    Api.as(token)
        .body(Map.of("kind", "CONTRIBUTION"))
        .post("/api/meetings/" + meeting + "/speakers")
        .then()
        .statusCode(200);
  }

  static JsonNode awaitStage(LiveClient c, Predicate<JsonNode> matches) throws Exception {
    List<JsonNode> seen = new ArrayList<>();
    while (true) {
      JsonNode e = VideoCommandTest.awaitEvent(c, "video.stage");
      seen.add(e);
      if (matches.test(e.path("data"))) {
        return e.path("data");
      }
      if (seen.size() > 10) {
        throw new AssertionError("no such stage: " + seen);
      }
    }
  }

  static List<Long> ids(JsonNode stage, String field) {
    List<Long> out = new ArrayList<>();
    stage.path(field).forEach(n -> out.add(n.asLong()));
    return out;
  }

  @Test
  void roomsOffTheStageWatchAsVisitorsAndARoomGivenTheFloorComesOnStage() throws Exception {
    JsonPath s = stage(delegate.token());
    assertTrue(s.getBoolean("large"), s.prettify());
    assertEquals(6, s.getInt("max"));
    assertTrue(s.getInt("joiners") >= 7, s.prettify());
    assertTrue(s.getList("personIds", Long.class).containsAll(List.of(chair.id(), secretary.id())));
    assertTrue(s.getList("endpointIds").isEmpty(), "no room has the floor yet: " + s.prettify());

    participant(chair.token());
    participant(secretary.token());
    visitor(delegate.token());
    visitor(screenA);
    visitor(screenB);

    try (LiveClient tablet = connect(delegate.token(), meeting, null)) {
      // asking for the floor brings the room on stage ahead of its turn
      ask(screenA);
      awaitStage(tablet, st -> ids(st, "endpointIds").equals(List.of(roomA)));
      participant(screenA);
      visitor(screenB);

      // while it speaks it stays; the next two waiting come on stage, the third does not
      Api.as(chair.token())
          .body(Map.of())
          .post("/api/meetings/" + meeting + "/speakers/floor")
          .then()
          .statusCode(200);
      ask(screenB);
      ask(screenC);
      ask(screenD);
      JsonNode full =
          awaitStage(
              tablet, st -> Set.copyOf(ids(st, "endpointIds")).equals(Set.of(roomA, roomB, roomC)));
      assertFalse(ids(full, "endpointIds").contains(roomD), full.toString());
      assertTrue(
          ids(full, "endpointIds").size() + ids(full, "personIds").size() <= 6, full.toString());
      participant(screenA);
      participant(screenC);
      visitor(screenD);
      visitor(screenE);

      // after the speech the room goes back to watching; the queue moves up
      Api.as(chair.token())
          .post("/api/meetings/" + meeting + "/speakers/end")
          .then()
          .statusCode(200);
      JsonNode after = awaitStage(tablet, st -> !ids(st, "endpointIds").contains(roomA));
      assertEquals(Set.of(roomB, roomC), Set.copyOf(ids(after, "endpointIds")), after.toString());
      visitor(screenA);
      participant(screenB);
    }
  }

  @Test
  void aFullStageSeatsInOrderAndLeavesTheRestOut() throws Exception {
    // a meeting hosted in room E with an item presented by the delegate; 6 seats
    java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofMinutes(20));
    Map<String, Object> body =
        new java.util.HashMap<>(
            MeetingFixture.meetingBody(
                "Hội nghị có điểm cầu chủ trì",
                unit,
                chair.id(),
                secretary.id(),
                start,
                start.plus(java.time.Duration.ofHours(2))));
    body.put("hostEndpointId", roomE);
    long hosted = MeetingFixture.create(secretary.token(), body);
    Api.as(secretary.token())
        .body(
            Map.of("participants", List.of(Map.of("personId", delegate.id(), "role", "DELEGATE"))))
        .post("/api/meetings/" + hosted + "/participants")
        .then()
        .statusCode(200);
    invite(hosted, roomA, roomB, roomC, roomD, roomE);
    long item =
        Api.as(secretary.token())
            .body(Map.of("title", "Báo cáo kinh tế - xã hội", "presenterId", delegate.id()))
            .post("/api/meetings/" + hosted + "/agenda/items")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    Api.as(secretary.token())
        .post("/api/meetings/" + hosted + "/agenda/publish")
        .then()
        .statusCode(200);
    Api.as(secretary.token()).post("/api/meetings/" + hosted + "/schedule").then().statusCode(200);
    Api.as(chair.token()).post("/api/meetings/" + hosted + "/start").then().statusCode(200);
    Api.as(chair.token())
        .body(Map.of("itemId", item))
        .post("/api/meetings/" + hosted + "/agenda/current")
        .then()
        .statusCode(204);
    for (String screen : List.of(screenA, screenB, screenC)) {
      Api.as(screen)
          .body(Map.of("kind", "CONTRIBUTION"))
          .post("/api/meetings/" + hosted + "/speakers")
          .then()
          .statusCode(200);
    }
    Api.as(chair.token())
        .body(Map.of())
        .post("/api/meetings/" + hosted + "/speakers/floor")
        .then()
        .statusCode(200);

    // chair, secretary, host room E; A speaking; the presenter; B next; C would be the seventh
    JsonPath s = stage(screenD, hosted);
    assertTrue(s.getBoolean("large"), s.prettify());
    assertEquals(List.of(roomE, roomA, roomB), s.getList("endpointIds", Long.class), s.prettify());
    assertEquals(
        List.of(chair.id(), secretary.id(), delegate.id()),
        s.getList("personIds", Long.class),
        s.prettify());
    assertEquals("VISITOR", role(screenC, hosted), "the seventh is left out");
    assertEquals("PARTICIPANT", role(screenE, hosted), "the host room is on stage");
  }

  @Test
  void aDelegateWhoAsksForTheFloorComesOnStageInPerson() throws Exception {
    visitor(delegate.token());
    ask(delegate.token());
    assertTrue(
        stage(screenA).getList("personIds", Long.class).contains(delegate.id()),
        "the delegate is up next");
    participant(delegate.token());
  }

  @Test
  void aMeetingWithFewerJoinersThanSeatsHasNoVisitors() throws Exception {
    long small = meetingStartingIn(java.time.Duration.ofMinutes(20));
    invite(small, roomA);
    Api.as(chair.token()).post("/api/meetings/" + small + "/start").then().statusCode(200);
    JsonPath s = stage(screenA, small);
    assertFalse(s.getBoolean("large"), s.prettify());
    assertEquals("PARTICIPANT", role(screenA, small));
  }

  @Test
  void onlyThoseWhoMayJoinTheConferenceSeeItsStage() {
    MeetingFixture.Someone outsider =
        MeetingFixture.quiet(admin, "Người Ngoài Sân Khấu", "DELEGATE");
    int status =
        Api.as(outsider.token())
            .get("/api/meetings/" + meeting + "/video/stage")
            .then()
            .extract()
            .statusCode();
    assertTrue(status == 403 || status == 404, "status " + status);
    Api.as(outsider.token())
        .get("/api/meetings/" + meeting + "/video/stage")
        .then()
        .contentType("application/problem+json");
  }
}
