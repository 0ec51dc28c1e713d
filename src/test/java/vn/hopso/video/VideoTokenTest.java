package vn.hopso.video;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hopso.meeting.MeetingFixture;
import vn.hopso.meeting.MeetingFixture.Someone;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;

/**
 * The video token (issue 10), read with a JWT library other than the one that signs it (Nimbus;
 * HopSo signs with jose4j): the signature under the configured secret, every claim Jitsi's token
 * rules ask for, the expiry within 5 minutes, the room bound to the meeting, the affiliation by
 * role; and who is refused. No Jitsi server runs here: this is HopSo's side of the contract.
 */
@QuarkusTest
class VideoTokenTest {
  static final String SECRET = "hopso-test-jitsi-secret-0123456789abcdef";

  String admin;
  Someone secretary;
  Someone chair;
  Someone delegate;
  Someone outsider;
  long unit;
  long hostRoom;
  String hostDevice;
  MeetingFixture.Room guestRoom;
  long meeting;

  @BeforeEach
  void aMeetingWithRooms() {
    admin = Api.admin();
    unit = MoreApi.province(admin, "Tỉnh Truyền Hình");
    secretary = MeetingFixture.quiet(admin, "Thư Ký Truyền Hình", "SECRETARY");
    chair = MeetingFixture.quiet(admin, "Chủ Tọa Truyền Hình", "CHAIR");
    delegate = MeetingFixture.someone(admin, "Đại Biểu Truyền Hình", "DELEGATE"); // with email
    outsider = MeetingFixture.quiet(admin, "Người Ngoài Truyền Hình", "DELEGATE");
    String device = MoreApi.username("host");
    hostRoom =
        MoreApi.createEndpoint(admin, MoreApi.code("EP"), "Hội trường Tỉnh ủy", unit, device);
    MoreApi.setPassword(admin, MoreApi.personId(admin, device), Api.PASSWORD);
    hostDevice = Api.login(device, Api.PASSWORD);
    Instant start = Instant.now().plus(Duration.ofMinutes(10));
    Map<String, Object> body =
        new java.util.HashMap<>(
            MeetingFixture.meetingBody(
                "Hội nghị trực tuyến toàn tỉnh",
                unit,
                chair.id(),
                secretary.id(),
                start,
                start.plus(Duration.ofHours(2))));
    body.put("hostEndpointId", hostRoom);
    meeting = MeetingFixture.create(secretary.token(), body);
    MeetingFixture.inviteDelegates(secretary.token(), meeting, List.of(delegate));
    guestRoom =
        MeetingFixture.invitedRoom(admin, secretary.token(), meeting, unit, "Điểm cầu xã Xuân Lộc");
  }

  /** A meeting in progress; answers its id and its chair's token. */
  static Object[] meetingInProgress(String name) {
    String admin = Api.admin();
    long unit = MoreApi.province(admin, "Tỉnh " + name);
    Someone secretary = MeetingFixture.quiet(admin, "Thư Ký " + name, "SECRETARY");
    Someone chair = MeetingFixture.quiet(admin, "Chủ Tọa " + name, "CHAIR");
    long meeting =
        MeetingFixture.startingSoon(
            secretary.token(), "Họp " + name, unit, chair.id(), secretary.id());
    Api.as(secretary.token()).post("/api/meetings/" + meeting + "/schedule").then().statusCode(200);
    Api.as(chair.token()).post("/api/meetings/" + meeting + "/start").then().statusCode(200);
    return new Object[] {meeting, chair.token()};
  }

  void start(long meetingId) {
    Api.as(secretary.token())
        .post("/api/meetings/" + meetingId + "/schedule")
        .then()
        .statusCode(200);
    Api.as(chair.token()).post("/api/meetings/" + meetingId + "/start").then().statusCode(200);
  }

  JsonPath token(String who, long meetingId) {
    return Api.as(who)
        .post("/api/meetings/" + meetingId + "/video-token")
        .then()
        .statusCode(200)
        .body("configured", equalTo(true))
        .body("domain", equalTo("meet.hopso.test"))
        .extract()
        .jsonPath();
  }

  /** The token read and verified by Nimbus; every claim checked against Jitsi's rules. */
  static Map<String, Object> verified(JsonPath answer) throws Exception {
    SignedJWT jwt = SignedJWT.parse(answer.getString("jwt"));
    assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
    assertTrue(jwt.verify(new MACVerifier(SECRET)), "signed with the configured secret");
    assertFalse(
        jwt.verify(new MACVerifier("another-secret-of-at-least-32-characters!!")),
        "not with another");
    JWTClaimsSet c = jwt.getJWTClaimsSet();
    assertEquals("hopso-test", c.getIssuer());
    assertEquals(List.of("jitsi"), c.getAudience());
    assertEquals("meet.hopso.test", c.getSubject());
    String room = c.getStringClaim("room");
    assertEquals(answer.getString("room"), room);
    assertNotEquals("*", room);
    assertTrue(room.matches("hopso[0-9a-f]{24}"), room);
    Instant now = Instant.now();
    Instant exp = c.getExpirationTime().toInstant();
    assertTrue(exp.isAfter(now), "not expired");
    assertTrue(
        !exp.isAfter(now.plus(Duration.ofMinutes(5)).plusSeconds(2)), "expires within 5 minutes");
    assertEquals(
        Instant.parse(answer.getString("expiresAt")).getEpochSecond(), exp.getEpochSecond());
    assertTrue(!c.getNotBeforeTime().toInstant().isAfter(now.plusSeconds(1)), "valid now");
    Map<String, Object> user = c.getJSONObjectClaim("context");
    @SuppressWarnings("unchecked")
    Map<String, Object> u = (Map<String, Object>) user.get("user");
    u.values().forEach(v -> assertInstanceOf(String.class, v, "every user field is a string"));
    assertEquals(answer.getString("affiliation"), u.get("affiliation"));
    assertEquals(answer.getString("displayName"), u.get("name"));
    return u;
  }

  @Test
  void tokensFollowJitsisRulesAndBindTheMeetingsRoom() throws Exception {
    start(meeting);
    JsonPath forChair = token(chair.token(), meeting);
    Map<String, Object> c = verified(forChair);
    assertEquals("person:" + chair.id(), c.get("id"));
    assertEquals("Chủ Tọa Truyền Hình", c.get("name"));
    assertEquals("owner", c.get("affiliation"));
    assertFalse(c.containsKey("email"), "no email claim for someone without one");

    JsonPath forDelegate = token(delegate.token(), meeting);
    Map<String, Object> d = verified(forDelegate);
    assertEquals("person:" + delegate.id(), d.get("id"));
    assertEquals("member", d.get("affiliation"));
    assertEquals(delegate.email(), d.get("email"));
    assertEquals(forChair.getString("room"), forDelegate.getString("room"), "one room");

    Map<String, Object> host = verified(token(hostDevice, meeting));
    assertEquals("room:" + hostRoom, host.get("id"));
    assertEquals("Hội trường Tỉnh ủy", host.get("name"));
    assertEquals("owner", host.get("affiliation"), "the host room moderates");
    Map<String, Object> guest = verified(token(guestRoom.token(), meeting));
    assertEquals("room:" + guestRoom.endpointId(), guest.get("id"));
    assertEquals("member", guest.get("affiliation"));

    // another meeting has another room
    long other =
        MeetingFixture.startingSoon(
            secretary.token(), "Họp khác", unit, chair.id(), secretary.id());
    start(other);
    assertNotEquals(forChair.getString("room"), token(chair.token(), other).getString("room"));
  }

  @Test
  void onlyThoseWhoMayJoinGetATokenAndOnlyWhileItRuns() {
    String path = "/api/meetings/" + meeting + "/video-token";
    // a draft: nobody yet
    Api.as(chair.token()).post(path).then().statusCode(409);
    Api.as(secretary.token()).post("/api/meetings/" + meeting + "/schedule").then().statusCode(200);
    // scheduled, 10 minutes before the start: inside the readiness window
    token(delegate.token(), meeting);
    // someone not invited, and nobody signed out
    Api.as(outsider.token()).post(path).then().statusCode(403);
    io.restassured.RestAssured.given().post(path).then().statusCode(401);
    // 2 hours before its start a meeting is not open to the video yet
    Instant later = Instant.now().plus(Duration.ofHours(2));
    long tomorrow =
        MeetingFixture.create(
            secretary.token(),
            MeetingFixture.meetingBody(
                "Họp sau", unit, chair.id(), secretary.id(), later, later.plusSeconds(3600)));
    Api.as(secretary.token())
        .post("/api/meetings/" + tomorrow + "/schedule")
        .then()
        .statusCode(200);
    Api.as(chair.token())
        .post("/api/meetings/" + tomorrow + "/video-token")
        .then()
        .statusCode(409)
        .body("code", equalTo("meeting.not-yet"));
    // ended: no more tokens
    Api.as(chair.token()).post("/api/meetings/" + meeting + "/start").then().statusCode(200);
    token(delegate.token(), meeting);
    Api.as(chair.token()).post("/api/meetings/" + meeting + "/end").then().statusCode(200);
    Api.as(delegate.token()).post(path).then().statusCode(409);
  }
}
