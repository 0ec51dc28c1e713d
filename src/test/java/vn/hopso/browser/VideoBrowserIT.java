package vn.hopso.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hopso.support.JitsiAppResource;

/**
 * The video panel against a stand-in of Jitsi's external_api.js (issue 10). No Jitsi server can run
 * here, so this is a contract test of HopSo's side: the page loads the script from the configured
 * domain, creates the conference with the room and the token HopSo signed, in the user's language,
 * inside the panel's frame; Jitsi's "ready to close" brings the join button back; the chair's own
 * conference runs the moderator's part of the chair's commands. The stand-in records what it was
 * given in {@code window.__jitsi}, and {@code window.__jitsiFire(event, data)} plays the IFrame
 * API's events to the page.
 *
 * <p>The rooms' grid with two pages: the chair's grid changes when a room's screen connects, joins
 * the conference, confirms its devices, reports its camera off, and disconnects.
 *
 * <p>The stage of a large meeting (4 seats here): a room's screen joins with a visitor's token;
 * when the room asks for the floor it raises its hand (Jitsi's promotion request), which the test
 * answers as Jitsi does (the conference rejoined as a participant); after its speech the screen
 * joins again with a fresh visitor's token.
 */
@QuarkusIntegrationTest
@WithTestResource(JitsiAppResource.class)
class VideoBrowserIT extends BrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The stand-in: a constructor that records its arguments and the listeners registered. */
  static final String STAND_IN =
      """
      window.JitsiMeetExternalAPI = function (domain, options) {
        const frame = document.createElement('div');
        frame.setAttribute('data-testid', 'jitsi-stand-in');
        frame.textContent = 'Jitsi (stand-in): ' + options.roomName;
        options.parentNode.appendChild(frame);
        const listeners = {};
        window.__jitsi = {
          domain: domain,
          roomName: options.roomName,
          jwt: options.jwt,
          lang: options.lang,
          displayName: options.userInfo && options.userInfo.displayName,
          prejoin: options.configOverwrite && options.configOverwrite.prejoinConfig
              && options.configOverwrite.prejoinConfig.enabled,
          inFrame: !!options.parentNode.closest('[data-testid=video-frame]'),
          events: [],
          commands: []
        };
        this.on = function (name, fn) { listeners[name] = fn; window.__jitsi.events.push(name); };
        this.addListener = this.on;
        this.executeCommand = function () {
          window.__jitsi.commands.push(Array.prototype.slice.call(arguments));
        };
        this.dispose = function () {};
        window.__jitsiFire = function (name, data) { listeners[name] && listeners[name](data || {}); };
      };
      """;

  static void serveStandIn(Page page) {
    page.route(
        "https://" + JitsiAppResource.DOMAIN + "/external_api.js**",
        (Route route) ->
            route.fulfill(
                new Route.FulfillOptions()
                    .setStatus(200)
                    .setContentType("application/javascript")
                    .setBody(STAND_IN)));
  }

  static JsonNode payload(String jwt) throws Exception {
    String[] parts = jwt.split("\\.");
    assertEquals(3, parts.length, jwt);
    return JSON.readTree(
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
  }

  @Test
  void aDelegateJoinsTheMeetingsConferenceWithHopSosToken() throws Exception {
    long meetingId =
        DemoApi.scheduledMeeting(
            "Hội nghị trực tuyến toàn tỉnh",
            List.of("daibieu001", "daibieu002"),
            List.of(),
            List.of("Khai mạc"));
    DemoApi.start(meetingId);
    Page tablet = signIn("daibieu001");
    serveStandIn(tablet);
    tablet.navigate("/meetings/" + meetingId);
    assertThat(tablet.getByTestId("video-panel")).isVisible();
    assertThat(tablet.getByTestId("video-not-configured")).hasCount(0);
    tablet.getByTestId("video-join").click();
    assertThat(tablet.getByTestId("jitsi-stand-in")).isVisible();
    JsonNode given =
        JSON.readTree((String) tablet.evaluate("() => JSON.stringify(window.__jitsi)"));
    assertEquals(JitsiAppResource.DOMAIN, given.path("domain").asText());
    String room = given.path("roomName").asText();
    assertTrue(room.matches("hopso[0-9a-f]{24}"), room);
    assertEquals("vi", given.path("lang").asText());
    assertTrue(given.path("inFrame").asBoolean(), "the conference is inside the panel's frame");
    assertEquals(false, given.path("prejoin").asBoolean(true), "no pre-join screen on a tablet");
    String name = (String) DemoApi.person("daibieu001").get("fullName");
    assertEquals(name, given.path("displayName").asText());
    JsonNode claims = payload(given.path("jwt").asText());
    assertEquals(room, claims.path("room").asText(), "the token is for this room");
    assertEquals(name, claims.path("context").path("user").path("name").asText());
    assertEquals("member", claims.path("context").path("user").path("affiliation").asText());
    assertEquals("hopso-it", claims.path("iss").asText());
    assertTrue(given.path("events").toString().contains("readyToClose"));
    shotBothWays(tablet, "video-panel");

    // Jitsi's hang-up: the panel offers to join again
    tablet.evaluate("() => window.__jitsiFire('readyToClose')");
    assertThat(tablet.getByTestId("video-join")).isVisible();

    // the chair joins the same room as its moderator
    Page chair = signIn("chutich");
    serveStandIn(chair);
    chair.navigate("/meetings/" + meetingId);
    chair.getByTestId("video-join").click();
    assertThat(chair.getByTestId("jitsi-stand-in")).isVisible();
    JsonNode chairs =
        JSON.readTree((String) chair.evaluate("() => JSON.stringify(window.__jitsi)"));
    assertEquals(room, chairs.path("roomName").asText());
    assertEquals(
        "owner",
        payload(chairs.path("jwt").asText())
            .path("context")
            .path("user")
            .path("affiliation")
            .asText());

    // the chair's commands: the chair's own conference, a moderator's, does the moderator's part
    for (String action : List.of("MUTE_ALL", "LOBBY_ON", "LOBBY_OFF")) {
      DemoApi.as(DemoApi.token("chutich"))
          .body(java.util.Map.of("action", action))
          .post("/api/meetings/{id}/video/commands", meetingId)
          .then()
          .statusCode(200);
    }
    chair.waitForFunction(
        "() => JSON.stringify(window.__jitsi.commands) === JSON.stringify("
            + "[['muteEveryone', 'audio'], ['toggleLobby', true], ['toggleLobby', false]])");
  }

  @Test
  void theChairsGridFollowsARoomsScreen() throws Exception {
    long room = DemoApi.endpointId("DC-TH-01");
    long other = DemoApi.endpointId("DC-TH-02");
    long meetingId =
        DemoApi.scheduledMeeting(
            "Hội nghị giao ban trực tuyến", List.of("daibieu003"), List.of(room, other), List.of());

    // the chair, half an hour before: the rooms' tab, nobody connected yet
    Page chair = signIn("chutich");
    chair.navigate("/meetings/" + meetingId + "?tab=rooms");
    assertThat(chair.getByTestId("rooms-grid")).isVisible();
    var tile = chair.locator("[data-testid=room-tile][data-endpoint-id='" + room + "']");
    assertThat(tile).hasAttribute("data-tone", "offline");
    assertThat(chair.getByTestId("rooms-count-connected")).hasAttribute("data-value", "0");

    // the room's screen comes on with its device account: connected, not in the conference yet
    Page screen = signIn("dc-th-01");
    serveStandIn(screen);
    screen.setViewportSize(1920, 1080);
    screen.navigate("/display/" + meetingId);
    assertThat(screen.getByTestId("display-video")).isVisible();
    assertThat(screen.getByTestId("jitsi-stand-in")).isVisible();
    assertThat(tile).hasAttribute("data-tone", "warning");
    assertThat(tile).hasAttribute("data-problems", "NOT_IN_CONFERENCE NOT_CHECKED");
    assertThat(chair.getByTestId("rooms-count-connected")).hasAttribute("data-value", "1");
    JsonNode given =
        JSON.readTree((String) screen.evaluate("() => JSON.stringify(window.__jitsi)"));
    // a room that is not the host joins as a member, with the room's name
    JsonNode user = payload(given.path("jwt").asText()).path("context").path("user");
    assertEquals("member", user.path("affiliation").asText());
    assertEquals("room:" + room, user.path("id").asText());
    assertTrue(
        given.path("events").toString().contains("audioMuteStatusChanged"), given.toString());

    // in the conference, camera on, microphone muted; then its readiness check, part by part
    screen.evaluate("() => window.__jitsiFire('videoConferenceJoined', { id: 'stand-in-1' })");
    screen.evaluate("() => window.__jitsiFire('videoMuteStatusChanged', { muted: false })");
    screen.evaluate("() => window.__jitsiFire('audioMuteStatusChanged', { muted: true })");
    assertThat(tile).hasAttribute("data-problems", "NOT_CHECKED");
    assertThat(screen.getByTestId("readiness")).isVisible();
    shot(screen, "display-readiness-1920x1080.png");
    screen.getByTestId("readiness-camera-works").click();
    screen.getByTestId("readiness-microphone-works").click();
    screen.getByTestId("readiness-speakers-works").click();
    assertThat(tile).hasAttribute("data-tone", "ready");
    assertThat(chair.getByTestId("rooms-count-ready")).hasAttribute("data-value", "1");
    shotBothWays(chair, "rooms-grid");

    // the "not ready" filter shows the other room only
    chair.getByTestId("rooms-filter-not-ready").click();
    assertThat(chair.getByTestId("room-tile")).hasCount(1);
    assertThat(chair.getByTestId("room-tile"))
        .hasAttribute("data-endpoint-id", String.valueOf(other));
    chair.getByTestId("rooms-filter-all").click();

    // its camera goes off: the tile says so
    screen.evaluate("() => window.__jitsiFire('videoMuteStatusChanged', { muted: true })");
    assertThat(tile).hasAttribute("data-problems", "CAMERA_MUTED");
    assertThat(tile.getByTestId("room-camera")).hasAttribute("data-state", "MUTED");

    // the session starts: the grid is the conference's console too
    DemoApi.start(meetingId);
    tile.getByTestId("room-spotlight").click();
    assertThat(chair.getByText("Đã ghim hình Hội trường UBND tỉnh cho mọi người")).isVisible();
    assertThat(screen.getByTestId("display-video")).hasAttribute("data-command", "SPOTLIGHT");
    screen.waitForFunction(
        "() => window.__jitsi.commands.some(c => c[0] === 'setLargeVideoParticipant'"
            + " && c[1] === 'stand-in-1')");
    // everyone's microphone off: the screen turns its own off (it was on)
    screen.evaluate("() => window.__jitsiFire('audioMuteStatusChanged', { muted: false })");
    assertThat(tile.getByTestId("room-microphone")).hasAttribute("data-state", "ON");
    chair.getByTestId("command-mute-all").click();
    screen.waitForFunction("() => window.__jitsi.commands.some(c => c[0] === 'toggleAudio')");
    // a request to unmute is shown to the people in the room (its microphone is off again)
    screen.evaluate("() => window.__jitsiFire('audioMuteStatusChanged', { muted: true })");
    tile.getByTestId("room-ask_unmute").click();
    assertThat(screen.getByTestId("display-ask-unmute")).isVisible();
    shot(screen, "display-asked-to-unmute-1920x1080.png");
    shotBothWays(chair, "rooms-grid-console");

    // the screen is switched off: offline, its check kept
    screen.close();
    assertThat(tile).hasAttribute("data-tone", "offline");
    assertThat(tile).hasAttribute("data-problems", "OFFLINE");
    assertThat(chair.getByTestId("rooms-count-connected")).hasAttribute("data-value", "0");
    assertThat(chair.getByTestId("rooms-count-checked")).hasAttribute("data-value", "1");
  }

  @Test
  void aRoomsScreenWatchesAsAVisitorAndComesOnStageForItsSpeech() throws Exception {
    long room = DemoApi.endpointId("DC-TH-02");
    long other = DemoApi.endpointId("DC-TH-H01");
    long meetingId =
        DemoApi.scheduledMeeting(
            "Hội nghị toàn tỉnh (sân khấu)",
            List.of("daibieu004", "daibieu005"),
            List.of(room, other),
            List.of());
    DemoApi.start(meetingId);

    Page screen = signIn("dc-th-02");
    serveStandIn(screen);
    screen.setViewportSize(1920, 1080);
    screen.navigate("/display/" + meetingId);
    assertThat(screen.getByTestId("jitsi-stand-in")).isVisible();
    var video = screen.getByTestId("display-video");
    assertThat(video).hasAttribute("data-role", "VISITOR");
    String first = (String) screen.evaluate("() => window.__jitsi.jwt");
    assertEquals("visitor", payload(first).path("context").path("user").path("role").asText());
    // Jitsi lets it in as a visitor
    screen.evaluate(
        "() => window.__jitsiFire('videoConferenceJoined', { id: 'visitor-1', visitor: true })");
    assertThat(video).hasAttribute("data-joined", "VISITOR");

    // the room asks for the floor: on stage ahead of its turn, its screen asks to be promoted
    DemoApi.as(DemoApi.token("dc-th-02"))
        .body(java.util.Map.of("kind", "CONTRIBUTION"))
        .post("/api/meetings/{id}/speakers", meetingId)
        .then()
        .statusCode(200);
    screen.waitForFunction(
        "() => window.__jitsi.commands.filter(c => c[0] === 'toggleRaiseHand').length === 1");
    // promoted (as Jitsi does with a token): it left the visitors and joined the main room
    screen.evaluate("() => window.__jitsiFire('videoConferenceLeft', {})");
    screen.evaluate("() => window.__jitsiFire('videoConferenceJoined', { id: 'stage-1' })");
    assertThat(video).hasAttribute("data-joined", "PARTICIPANT");

    // the chair gives it the floor: its microphone is turned on; the same conference, no rejoin
    DemoApi.as(DemoApi.token("chutich"))
        .body(java.util.Map.of())
        .post("/api/meetings/{id}/speakers/floor", meetingId)
        .then()
        .statusCode(200);
    screen.waitForFunction("() => window.__jitsi.commands.some(c => c[0] === 'toggleAudio')");
    assertEquals(first, screen.evaluate("() => window.__jitsi.jwt"));
    assertEquals(
        1L,
        ((Number)
                screen.evaluate(
                    "() => window.__jitsi.commands.filter(c => c[0] === 'toggleRaiseHand').length"))
            .longValue(),
        "the promotion is asked once");

    // the speech ends: off the stage, the screen joins again with a fresh visitor's token
    DemoApi.as(DemoApi.token("chutich"))
        .post("/api/meetings/{id}/speakers/end", meetingId)
        .then()
        .statusCode(200);
    screen.waitForFunction("first => window.__jitsi.jwt !== first", first);
    String again = (String) screen.evaluate("() => window.__jitsi.jwt");
    assertEquals("visitor", payload(again).path("context").path("user").path("role").asText());
    assertThat(video).hasAttribute("data-role", "VISITOR");
  }
}
