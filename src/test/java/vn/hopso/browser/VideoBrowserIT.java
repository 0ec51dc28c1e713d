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
 * inside the panel's frame; Jitsi's "ready to close" brings the join button back. The stand-in
 * records what it was given in {@code window.__jitsi}.
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
          events: []
        };
        this.on = function (name, fn) { listeners[name] = fn; window.__jitsi.events.push(name); };
        this.addListener = this.on;
        this.executeCommand = function () {};
        this.dispose = function () {};
        window.__jitsiFire = function (name) { listeners[name] && listeners[name](); };
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
  }
}
