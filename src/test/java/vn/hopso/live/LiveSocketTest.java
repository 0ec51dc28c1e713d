package vn.hopso.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hopso.auth.TicketService;
import vn.hopso.meeting.MeetingFixture;
import vn.hopso.support.Api;
import vn.hopso.support.LiveClient;
import vn.hopso.support.MoreApi;
import vn.hopso.support.RawLiveClient;
import vn.hopso.support.TestClock;

/**
 * The live channel with a Jakarta WebSocket client (issue 7): the handshake refuses what has no
 * valid ticket; events arrive in order; a reconnecting client gets exactly what it missed, or a
 * snapshot notice when too far behind; each person gets only what they may see; malformed frames
 * get an error message or a close code, never a crash.
 */
@QuarkusTest
class LiveSocketTest {
  @Inject TicketService tickets;

  String admin;
  MeetingFixture.Someone secretary;
  MeetingFixture.Someone chair;
  List<MeetingFixture.Someone> delegates;
  long unit;
  long meeting;

  @BeforeEach
  void aMeetingInProgress() {
    admin = Api.admin();
    unit = MoreApi.province(admin, "Tỉnh Trực Tiếp");
    secretary = MeetingFixture.quiet(admin, "Thư Ký Trực Tiếp", "SECRETARY");
    chair = MeetingFixture.quiet(admin, "Chủ Trì Trực Tiếp", "CHAIR");
    delegates = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      delegates.add(MeetingFixture.quiet(admin, "Đại Biểu Số " + (i + 1), "DELEGATE"));
    }
    Instant start = Instant.now().plus(Duration.ofMinutes(30));
    meeting =
        MeetingFixture.create(
            secretary.token(),
            MeetingFixture.meetingBody(
                "Phiên họp trực tiếp",
                unit,
                chair.id(),
                secretary.id(),
                start,
                start.plus(Duration.ofHours(2))));
    List<Map<String, Object>> people = new ArrayList<>();
    delegates.forEach(d -> people.add(Map.of("personId", d.id(), "role", "DELEGATE")));
    Api.as(secretary.token())
        .body(Map.of("participants", people))
        .post("/api/meetings/" + meeting + "/participants")
        .then()
        .statusCode(200);
    Api.as(secretary.token()).post("/api/meetings/" + meeting + "/schedule").then().statusCode(200);
    Api.as(chair.token()).post("/api/meetings/" + meeting + "/start").then().statusCode(200);
  }

  static String ticket(String token, long meetingId) {
    return Api.as(token)
        .post("/api/meetings/" + meetingId + "/live-ticket")
        .then()
        .statusCode(200)
        .extract()
        .path("ticket");
  }

  static String ws(long meetingId, String ticket, Long after) {
    return "ws://localhost:"
        + RestAssured.port
        + "/ws/meetings/"
        + meetingId
        + (ticket == null ? "" : "?ticket=" + ticket)
        + (after == null ? "" : (ticket == null ? "?" : "&") + "after=" + after);
  }

  LiveClient connect(String token, Long after) throws Exception {
    return LiveClient.connect(ws(meeting, ticket(token, meeting), after));
  }

  /** The HTTP status a handshake is refused with (never 101). */
  static int refusal(String url) {
    try {
      HttpClient.newHttpClient()
          .newWebSocketBuilder()
          .buildAsync(URI.create(url), new WebSocket.Listener() {})
          .join()
          .abort();
      return 101;
    } catch (CompletionException e) {
      WebSocketHandshakeException h =
          assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
      return h.getResponse().statusCode();
    }
  }

  void checkIn(MeetingFixture.Someone d) {
    Api.as(d.token())
        .body(Map.of())
        .post("/api/meetings/" + meeting + "/check-in")
        .then()
        .statusCode(200);
  }

  /** The events (not hellos, pongs) among messages, in arrival order. */
  static List<JsonNode> events(List<JsonNode> messages) {
    return messages.stream().filter(m -> m.path("type").asText().equals("event")).toList();
  }

  @Test
  void theHandshakeIsRefusedWithoutAValidTicket() throws Exception {
    assertEquals(401, refusal(ws(meeting, null, null)), "no ticket");
    assertEquals(401, refusal(ws(meeting, "forged-ticket", null)), "unknown ticket");
    // the refusal is a problem in the caller's language, like every other refusal
    RestAssured.given()
        .header("Accept-Language", "en")
        .get("/ws/meetings/" + meeting + "?ticket=forged-ticket")
        .then()
        .statusCode(401)
        .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
        .body("code", org.hamcrest.Matchers.equalTo("live.no-ticket"))
        .body("detail", org.hamcrest.Matchers.containsString("ticket"));
    RestAssured.given()
        .get("/ws/meetings/" + meeting + "?ticket=forged-ticket")
        .then()
        .statusCode(401)
        .body("detail", org.hamcrest.Matchers.containsString("vé"));

    String used = ticket(delegates.get(0).token(), meeting);
    try (LiveClient c = LiveClient.connect(ws(meeting, used, null))) {
      assertEquals("hello", c.next(5).path("type").asText());
    }
    assertEquals(401, refusal(ws(meeting, used, null)), "a ticket is used once");

    String late = ticket(delegates.get(0).token(), meeting);
    TestClock.advance(Duration.ofSeconds(31));
    assertEquals(401, refusal(ws(meeting, late, null)), "a ticket lives 30 s");
    TestClock.reset();

    long other =
        MeetingFixture.create(
            admin,
            MeetingFixture.meetingBody(
                "Họp khác",
                MoreApi.province(admin, "Tỉnh Khác"),
                chair.id(),
                null,
                Instant.now().plus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(1)).plus(Duration.ofHours(1))));
    String forThisMeeting = ticket(delegates.get(0).token(), meeting);
    assertEquals(401, refusal(ws(other, forThisMeeting, null)), "another meeting's ticket");

    // a meeting the person may not see: no ticket over HTTP, and one nobody decided on is refused
    Api.as(delegates.get(0).token())
        .post("/api/meetings/" + other + "/live-ticket")
        .then()
        .statusCode(403);
    String sneaky =
        tickets.issue(
            delegates.get(0).id(), LiveAuth.meetingScope(other), TicketService.DEFAULT_TTL);
    assertEquals(403, refusal(ws(other, sneaky, null)), "a meeting the person may not see");

    // rights that change between the ticket and the handshake: the ticket no longer opens
    MeetingFixture.Someone d = delegates.get(4);
    String granted = ticket(d.token(), meeting);
    long participantId =
        Api.as(secretary.token())
            .get("/api/meetings/" + meeting + "/participants?size=50")
            .then()
            .extract()
            .jsonPath()
            .getLong("items.find { it.personId == " + d.id() + " }.id");
    Api.as(secretary.token())
        .delete("/api/meetings/" + meeting + "/participants/" + participantId)
        .then()
        .statusCode(204);
    assertEquals(401, refusal(ws(meeting, granted, null)), "revoked with the participation");
  }

  @Test
  void eventsArriveInOrderAndAResumeDeliversEachMissedEventOnce() throws Exception {
    long last;
    try (LiveClient c = connect(secretary.token(), null)) {
      long start = c.next(5).path("seq").asLong();
      checkIn(delegates.get(0));
      checkIn(delegates.get(1));
      checkIn(delegates.get(2));
      List<JsonNode> got = events(c.drain(1500));
      assertTrue(got.size() >= 3, got.toString());
      long expected = start + 1;
      for (JsonNode e : got) {
        assertEquals(expected++, e.path("seq").asLong(), "no gap, no repeat: " + got);
      }
      List<JsonNode> attendance =
          got.stream().filter(e -> e.path("event").asText().equals("attendance.changed")).toList();
      assertEquals(3, attendance.size(), got.toString());
      assertEquals(3, attendance.get(2).at("/data/quorum/present").asLong());
      last = got.get(got.size() - 1).path("seq").asLong();
    }
    // missed while away
    checkIn(delegates.get(3));
    checkIn(delegates.get(4));
    Thread.sleep(300);
    try (LiveClient c = connect(secretary.token(), last)) {
      List<JsonNode> messages = c.drain(1500);
      int helloAt = -1;
      for (int i = 0; i < messages.size(); i++) {
        if (messages.get(i).path("type").asText().equals("hello")) {
          helloAt = i;
          break;
        }
      }
      assertTrue(helloAt >= 0, messages.toString());
      JsonNode hello = messages.get(helloAt);
      List<JsonNode> replayed = events(messages.subList(0, helloAt));
      long expected = last + 1;
      for (JsonNode e : events(messages)) {
        assertEquals(expected++, e.path("seq").asLong(), "exactly once, in order: " + messages);
      }
      assertEquals(
          2,
          replayed.stream()
              .filter(e -> e.path("event").asText().equals("attendance.changed"))
              .count(),
          replayed.toString());
      assertEquals(hello.path("replayed").asInt(), replayed.size(), hello.toString());
      expected = Math.max(hello.path("seq").asLong() + 1, expected);

      // and then the new ones
      Api.as(chair.token()).post("/api/meetings/" + meeting + "/pause").then().statusCode(200);
      List<JsonNode> live = events(c.drain(1000));
      assertFalse(live.isEmpty());
      assertEquals(expected, live.get(0).path("seq").asLong(), live.toString());
    }
  }

  @Test
  void aClientTooFarBehindIsToldToTakeASnapshot() throws Exception {
    for (int i = 0; i < 12; i++) {
      checkIn(delegates.get(i % 5)); // the test's replay limit is 20 events
      Api.as(chair.token())
          .post("/api/meetings/" + meeting + "/agenda/next")
          .then()
          .statusCode(204);
    }
    try (LiveClient c = connect(delegates.get(0).token(), 0L)) {
      JsonNode first = c.next("snapshot", 5, null);
      assertTrue(first.path("seq").asLong() > 20, first.toString());
    }
    try (LiveClient c = connect(delegates.get(0).token(), 999_999_999L)) {
      c.next("snapshot", 5, null); // a number from the future (a restored backup): snapshot too
    }
  }

  @Test
  void eachPersonReceivesOnlyWhatTheyMaySee() throws Exception {
    try (LiveClient delegate = connect(delegates.get(0).token(), null);
        LiveClient sec = connect(secretary.token(), null)) {
      delegate.next(5);
      sec.next(5);
      // the chair connecting is news for those who run the meeting only
      try (LiveClient ch = connect(chair.token(), null)) {
        ch.next(5);
        List<JsonNode> seenBySecretary = events(sec.drain(1500));
        assertTrue(
            seenBySecretary.stream()
                .anyMatch(e -> e.path("event").asText().equals("presence.changed")),
            seenBySecretary.toString());
        List<JsonNode> seenByDelegate = events(delegate.drain(300));
        assertTrue(
            seenByDelegate.stream()
                .noneMatch(e -> e.path("event").asText().equals("presence.changed")),
            seenByDelegate.toString());
      }
    }
  }

  @Test
  void presenceCountsPeopleAndRoomsApart() throws Exception {
    // a commune's room joins the meeting; its screen connects through the room's device account
    String account = MoreApi.username("dc-live-");
    long room =
        MoreApi.createEndpoint(
            admin, MoreApi.code("DC-LIVE-"), "Phòng họp xã Trực Tiếp", unit, account);
    Api.as(secretary.token())
        .body(Map.of("endpointIds", List.of(room)))
        .post("/api/meetings/" + meeting + "/endpoints")
        .then()
        .statusCode(200);
    long deviceId = MoreApi.personId(admin, account);
    MoreApi.setPassword(admin, deviceId, "room-screen-password-1");
    String device = Api.login(account, "room-screen-password-1");
    Api.as(device)
        .get("/api/meetings/" + meeting + "/live")
        .then()
        .statusCode(200)
        .body("myRooms.endpointId", org.hamcrest.Matchers.contains((int) room))
        .body("presence", org.hamcrest.Matchers.nullValue()); // for those who run the meeting
    try (LiveClient screen = connect(device, null);
        LiveClient sec = connect(secretary.token(), null);
        LiveClient delegate = connect(delegates.get(0).token(), null)) {
      screen.next(5);
      sec.next(5);
      delegate.next(5);
      // two people (the secretary, a delegate) and one room, whatever the device account is
      JsonNode online = null;
      for (int i = 0; i < 100; i++) {
        online =
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(
                    Api.as(secretary.token())
                        .get("/api/meetings/" + meeting + "/presence")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        if (online.path("people").asLong() == 2 && online.path("rooms").asLong() == 1) {
          break;
        }
        Thread.sleep(50);
      }
      assertEquals(2, online.path("people").asLong(), online.toString());
      assertEquals(1, online.path("rooms").asLong(), online.toString());
      assertEquals(room, online.path("endpointIds").get(0).asLong(), online.toString());
      for (JsonNode p : online.path("personIds")) {
        assertTrue(p.asLong() != deviceId, "a room is not a person: " + online);
      }
    }
  }

  @Test
  void malformedFramesGetAnErrorOrACloseCodeNeverACrash() throws Exception {
    try (LiveClient c = connect(delegates.get(0).token(), null)) {
      c.next(5);
      c.send("{not json");
      assertEquals("error", c.next("error", 5, null).path("type").asText());
      c.send("{\"type\":\"launch-missiles\"}");
      assertEquals("live.unknown-type", c.next("error", 5, null).path("code").asText());
      c.send("[1,2,3]");
      c.next("error", 5, null);
      c.send("{\"type\":\"ping\"}");
      c.next("pong", 5, null);
    }
    // a binary frame: the socket is closed with 1003 (cannot accept), seen by a plain client
    java.util.concurrent.CompletableFuture<Integer> code =
        new java.util.concurrent.CompletableFuture<>();
    WebSocket raw =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create(ws(meeting, ticket(delegates.get(0).token(), meeting), null)),
                new WebSocket.Listener() {
                  @Override
                  public java.util.concurrent.CompletionStage<?> onClose(
                      WebSocket webSocket, int statusCode, String reason) {
                    code.complete(statusCode);
                    return null;
                  }
                })
            .join();
    raw.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
    assertEquals(CloseReason.CloseCodes.CANNOT_ACCEPT.getCode(), code.get(5, TimeUnit.SECONDS));
    try (LiveClient c = connect(delegates.get(0).token(), null)) {
      c.next(5);
      c.session.getBasicRemote().sendText("x".repeat(1024 * 1024));
      // refused by the frame size limit: the socket is closed (1009 too big, or 1001 by the
      // HTTP layer's frame limit), the server goes on
      CloseReason reason = c.closed.get(10, TimeUnit.SECONDS);
      assertTrue(
          List.of(1009, 1001, 1002).contains(reason.getCloseCode().getCode()), reason.toString());
    }
    // the server is fine
    Api.as(admin).get("/api/auth/me").then().statusCode(200);
    try (LiveClient c = connect(delegates.get(1).token(), null)) {
      assertEquals("hello", c.next(5).path("type").asText());
    }
  }

  @Test
  void theBellIsToldWhenNotificationsChange() throws Exception {
    MeetingFixture.Someone late = MeetingFixture.quiet(admin, "Đại Biểu Mời Muộn", "DELEGATE");
    String t =
        Api.as(late.token())
            .post("/api/live/me-ticket")
            .then()
            .statusCode(200)
            .extract()
            .path("ticket");
    try (LiveClient bell =
        LiveClient.connect("ws://localhost:" + RestAssured.port + "/ws/me?ticket=" + t)) {
      assertEquals("hello", bell.next(5).path("type").asText());
      Api.as(secretary.token())
          .body(Map.of("participants", List.of(Map.of("personId", late.id(), "role", "DELEGATE"))))
          .post("/api/meetings/" + meeting + "/participants")
          .then()
          .statusCode(200);
      bell.next("notifications", 5, null);
    }
  }

  @Test
  void someoneRemovedFromTheMeetingIsDisconnectedAndThenRefused() throws Exception {
    MeetingFixture.Someone leaving = delegates.get(1);
    long participantId =
        Api.as(secretary.token())
            .queryParam("q", "Đại Biểu Số 2")
            .get("/api/meetings/" + meeting + "/participants")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("items.find { it.personId == " + leaving.id() + " }.id");
    try (RawLiveClient gone =
            RawLiveClient.connect(ws(meeting, ticket(leaving.token(), meeting), null));
        LiveClient staying = connect(delegates.get(0).token(), null)) {
      gone.next("hello", 5);
      staying.next(5);
      Api.as(secretary.token())
          .delete("/api/meetings/" + meeting + "/participants/" + participantId)
          .then()
          .statusCode(204);
      // told, then closed with "reconnect"; the new handshake is refused
      gone.nextEvent(EventRecorder.ACCESS_CHANGED, 5);
      assertEquals(LiveConnection.RESYNC, gone.closedWith(5));
      Api.as(leaving.token())
          .post("/api/meetings/" + meeting + "/live-ticket")
          .then()
          .statusCode(org.hamcrest.Matchers.oneOf(403, 404));
      // the others see the list change (without the one removed), and stay connected
      List<JsonNode> seen = events(staying.drain(500));
      assertTrue(
          seen.stream().noneMatch(e -> e.path("event").asText().equals("access.changed")),
          seen.toString());
      JsonNode changed =
          seen.stream()
              .filter(e -> e.path("event").asText().equals("participants.changed"))
              .reduce((a, b) -> b)
              .orElseThrow();
      assertEquals(6, changed.path("data").path("total").asLong(), changed.toString());
      assertTrue(staying.session.isOpen());
    }
  }

  /**
   * The race a ticket's revocation cannot close: rights decided, then changed (the change revokes
   * the tickets that exist), then the ticket stored. The socket it opens is told and closed at
   * once, because a change of rights numbered after its grant was recorded.
   */
  @Test
  void aGrantDecidedBeforeAChangeOfRightsReconnectsAtOnce() throws Exception {
    MeetingFixture.Someone leaving = delegates.get(2);
    long seqBefore =
        Api.as(leaving.token())
            .get("/api/meetings/" + meeting + "/live")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("seq");
    long participantId =
        Api.as(secretary.token())
            .get("/api/meetings/" + meeting + "/participants")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("items.find { it.personId == " + leaving.id() + " }.id");
    Api.as(secretary.token())
        .delete("/api/meetings/" + meeting + "/participants/" + participantId)
        .then()
        .statusCode(204);
    // the ticket whose grant was decided before the removal reaches the store after it
    String late =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    tickets.issue(
                        leaving.id(),
                        LiveAuth.meetingScope(meeting),
                        TicketService.DEFAULT_TTL,
                        "r=0;m=0;e=;s=" + seqBefore));
    try (RawLiveClient c = RawLiveClient.connect(ws(meeting, late, null))) {
      c.next("hello", 5);
      c.nextEvent(EventRecorder.ACCESS_CHANGED, 5);
      assertEquals(LiveConnection.RESYNC, c.closedWith(5));
    }
    // a grant decided after the change, for someone still invited, is not disturbed
    long seqNow =
        Api.as(delegates.get(0).token())
            .get("/api/meetings/" + meeting + "/live")
            .then()
            .extract()
            .jsonPath()
            .getLong("seq");
    try (LiveClient fine = connect(delegates.get(0).token(), seqNow)) {
      fine.next(5);
      List<JsonNode> seen = fine.drain(500);
      assertTrue(
          seen.stream().noneMatch(m -> m.toString().contains(EventRecorder.ACCESS_CHANGED)),
          seen.toString());
      assertTrue(fine.session.isOpen());
    }
  }

  /**
   * Only a change of rights reconnects: a new phone number leaves the socket alone, new roles and a
   * sign-out close it (the sign-out's own token is refused its next ticket).
   */
  @Test
  void rolesAndSignOutReconnectAPhoneNumberDoesNot() throws Exception {
    MeetingFixture.Someone d = delegates.get(3);
    String path = "/api/people/" + d.id();
    Map<String, Object> person =
        new java.util.HashMap<>(Api.as(admin).get(path).jsonPath().getMap(""));
    try (RawLiveClient follow =
        RawLiveClient.connect(ws(meeting, ticket(d.token(), meeting), null))) {
      follow.next("hello", 5);
      Map<String, Object> body = new java.util.HashMap<>();
      for (String k : List.of("username", "fullName", "unitId", "roles", "email", "active")) {
        body.put(k, person.get(k));
      }
      body.put("phone", "0237 3852 123");
      MoreApi.update(admin, path, body).then().statusCode(200);
      assertTrue(
          follow.messages.stream()
              .noneMatch(m -> m.toString().contains(EventRecorder.ACCESS_CHANGED)),
          follow.messages.toString());
      Thread.sleep(300);
      assertTrue(follow.messages.stream().noneMatch(m -> m.toString().contains("access")));
      assertFalse(follow.closeCode.isDone(), "a phone number closed the socket");

      body.put("roles", List.of("DELEGATE", "OBSERVER"));
      MoreApi.update(admin, path, body).then().statusCode(200);
      follow.next("access.changed", 5);
      assertEquals(LiveConnection.RESYNC, follow.closedWith(5));
    }
    try (RawLiveClient again =
        RawLiveClient.connect(ws(meeting, ticket(d.token(), meeting), null))) {
      again.next("hello", 5);
      Api.as(d.token()).post("/api/auth/logout").then().statusCode(204);
      again.next("access.changed", 5);
      assertEquals(LiveConnection.RESYNC, again.closedWith(5));
      Api.as(d.token()).post("/api/meetings/" + meeting + "/live-ticket").then().statusCode(401);
    }
  }

  @Test
  void signingSomeoneOutEverywhereClosesTheirSockets() throws Exception {
    MeetingFixture.Someone d = delegates.get(2);
    String t =
        Api.as(d.token())
            .post("/api/live/me-ticket")
            .then()
            .statusCode(200)
            .extract()
            .path("ticket");
    try (RawLiveClient bell =
            RawLiveClient.connect("ws://localhost:" + RestAssured.port + "/ws/me?ticket=" + t);
        RawLiveClient follow =
            RawLiveClient.connect(ws(meeting, ticket(d.token(), meeting), null))) {
      bell.next("hello", 5);
      follow.next("hello", 5);
      // an administrator sets their password: every session ends, and so do their sockets
      MoreApi.setPassword(admin, d.id(), "a-new-password-for-them-1");
      bell.next("access.changed", 5);
      assertEquals(LiveConnection.RESYNC, bell.closedWith(5));
      follow.next("access.changed", 5);
      assertEquals(LiveConnection.RESYNC, follow.closedWith(5));
      Api.as(d.token()).post("/api/meetings/" + meeting + "/live-ticket").then().statusCode(401);
    }
  }
}
