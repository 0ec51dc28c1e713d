package vn.hopso.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.hopso.support.EmbeddedAppResource;

/**
 * Issue 9's vote on the three kinds of screen, in headless Chromium against the packaged app: the
 * chair creates and opens a yes/no vote on the meeting page; three delegates vote on tablets (each
 * its own browser context), the ballot appearing there by itself; one holds a proxy and votes for
 * both with one tap; another's first answer is lost on the way back, and the tablet sends the same
 * ballot again (counted once). The room's screen, signed in as the room's device account, shows the
 * live count and then the result as a chart with the decision; each tablet finds its receipt in the
 * published list. Screenshots of the tablet's ballot, the chair's panel and the screen's result go
 * to target/screenshots.
 */
@QuarkusIntegrationTest
@WithTestResource(EmbeddedAppResource.class)
class VoteBrowserIT extends BrowserTest {
  static final LocatorAssertions.HasAttributeOptions LIVE =
      new LocatorAssertions.HasAttributeOptions().setTimeout(10_000);
  static final LocatorAssertions.IsVisibleOptions APPEARS =
      new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);
  static final LocatorAssertions.HasCountOptions LIVE_COUNT =
      new LocatorAssertions.HasCountOptions().setTimeout(10_000);
  static final Pattern BALLOT_ID = Pattern.compile("\"ballotId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  static final Pattern RECEIPT = Pattern.compile("[A-Z0-9]{3,}(-[A-Z0-9]+)+");

  /** A delegate's tablet on the meeting page, checked in and following the meeting live. */
  static Page tablet(String username, long meetingId) {
    return tablet(username, meetingId, page -> {});
  }

  /** The same, with {@code before} applied to the page before it opens the meeting (routes). */
  static Page tablet(String username, long meetingId, java.util.function.Consumer<Page> before) {
    Page page = signIn(username);
    before.accept(page);
    page.navigate("/meetings/" + meetingId);
    page.getByTestId("check-in").click();
    assertThat(page.getByTestId("check-in")).hasAttribute("data-checked-in", "true");
    assertThat(page.getByTestId("live-status")).hasAttribute("data-state", "connected", LIVE);
    return page;
  }

  @Test
  void chairOpensAVoteTabletsVoteAndTheRoomShowsCountAndResult() {
    long room = DemoApi.endpointId("DC-TH-01");
    long meetingId =
        DemoApi.scheduledMeeting(
            "Kỳ họp chuyên đề của Hội đồng nhân dân tỉnh",
            List.of("daibieu001", "daibieu002", "daibieu003", "daibieu004", "daibieu005"),
            List.of(room),
            List.of("Khai mạc", "Nghị quyết về kế hoạch đầu tư công năm 2027"));
    // daibieu004 gives their vote to daibieu003; daibieu005 is there but will not vote
    DemoApi.proxy(meetingId, "daibieu004", "daibieu003");
    DemoApi.start(meetingId);
    DemoApi.checkIn(meetingId, "daibieu005");
    String title = "Thông qua Nghị quyết về kế hoạch đầu tư công năm 2027";

    // --- the room's screen, as its device account ---
    Page display = signIn("dc-th-01");
    display.setViewportSize(1920, 1080);
    display.navigate("/display/" + meetingId);
    assertThat(display.getByTestId("live-status")).hasAttribute("data-state", "connected", LIVE);
    assertThat(display.getByTestId("display-poll")).hasCount(0);

    // --- three tablets wait on the meeting page ---
    Page t1 = tablet("daibieu001", meetingId);
    // the tablets vote on their live socket: t2's passes through a stand-in that records the
    // ballots it carries and can lose an answer on its way back
    List<String> sent = new CopyOnWriteArrayList<>();
    AtomicBoolean loseNextAck = new AtomicBoolean();
    Page t2 =
        tablet(
            "daibieu002",
            meetingId,
            page ->
                page.routeWebSocket(
                    Pattern.compile(".*/ws/meetings/.*"),
                    ws -> {
                      com.microsoft.playwright.WebSocketRoute server = ws.connectToServer();
                      ws.onMessage(
                          frame -> {
                            String text = frame.text();
                            if (text != null && text.contains("\"type\":\"ballot\"")) {
                              Matcher m = BALLOT_ID.matcher(text);
                              sent.add(m.find() ? m.group(1) : "none");
                            }
                            server.send(text);
                          });
                      server.onMessage(
                          frame -> {
                            String text = frame.text();
                            if (text != null
                                && text.startsWith("{\"type\":\"ballot.ack\"")
                                && loseNextAck.compareAndSet(true, false)) {
                              return; // the server recorded it, the tablet never hears back
                            }
                            ws.send(text);
                          });
                    }));
    // no ballot goes through the API while the live socket is connected
    List<String> overHttp = new CopyOnWriteArrayList<>();
    for (Page t : List.of(t1, t2)) {
      t.route(
          "**/api/polls/*/ballots**",
          route -> {
            overHttp.add(route.request().url());
            route.resume();
          });
    }
    Page t3 = tablet("daibieu003", meetingId);

    // --- the chair prepares the vote and opens it ---
    Page chair = signIn("chutich");
    chair.navigate("/meetings/" + meetingId + "?tab=votes");
    chair.getByTestId("poll-new").click();
    Locator form = chair.getByTestId("poll-form");
    form.locator("input[name=title]").fill(title);
    form.locator("select[name=durationSeconds]").selectOption("0");
    // more than half of those present (the chair, not checked in, has a vote too)
    form.locator("select[name=base]").selectOption("PRESENT");
    form.getByTestId("poll-save").click();
    assertThat(form).hasCount(0);
    Locator card = chair.getByTestId("poll-card");
    assertThat(card).hasAttribute("data-state", "DRAFT");
    card.getByTestId("poll-open").click();
    chair.getByTestId("confirm-ok").click();
    assertThat(card).hasAttribute("data-state", "OPEN", LIVE);
    assertThat(card.getByTestId("poll-count")).hasAttribute("data-entitled", "5", LIVE);

    // the ballot appears on each tablet by itself; the screen shows the vote and its count
    for (Page t : List.of(t1, t2)) {
      assertThat(t.getByTestId("ballot")).isVisible(APPEARS);
    }
    assertThat(t3.getByTestId("ballot-all")).isVisible(APPEARS);
    Locator onScreen = display.getByTestId("display-poll");
    assertThat(onScreen).hasAttribute("data-state", "OPEN", LIVE);
    assertThat(display.getByTestId("display-poll-title")).containsText(title);
    Locator screenCount = display.getByTestId("display-poll-count");
    assertThat(screenCount).hasAttribute("data-cast", "0");
    assertThat(screenCount).hasAttribute("data-entitled", "5");
    shotBothWays(t1, "vote-tablet-ballot");

    // --- delegate 1: in favour, two taps ---
    t1.getByTestId("ballot-choice-YES").click();
    assertThat(t1.getByTestId("ballot-summary")).hasText("Tán thành");
    t1.getByTestId("ballot-confirm").click();
    assertThat(t1.getByTestId("ballot-voted")).hasAttribute("data-state", "cast", LIVE);
    String receipt1 = t1.getByTestId("ballot-receipt").innerText().trim();
    assertTrue(RECEIPT.matcher(receipt1).matches(), receipt1);
    assertThat(screenCount).hasAttribute("data-cast", "1", LIVE);
    assertThat(card.getByTestId("poll-count")).hasAttribute("data-cast", "1", LIVE);

    // the chair sees who has not voted yet: four delegates and the chair (absent) themself
    card.getByTestId("voters-toggle").click();
    Locator missing = card.getByTestId("voter-missing");
    assertThat(missing).hasCount(5, LIVE_COUNT);

    // --- delegate 2: against; the first answer is lost on its way back to the tablet, which
    // sends the same ballot again after its time-out (12 s) ---
    loseNextAck.set(true);
    t2.getByTestId("ballot-choice-NO").click();
    t2.getByTestId("ballot-confirm").click();
    assertThat(t2.getByTestId("ballot-voted"))
        .hasAttribute(
            "data-state", "cast", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
    assertFalse(loseNextAck.get(), "the first answer was lost");
    assertEquals(2, sent.size(), sent::toString);
    assertEquals(sent.get(0), sent.get(1), "a retry must send the same ballot id");
    assertTrue(RECEIPT.matcher(t2.getByTestId("ballot-receipt").innerText().trim()).matches());
    assertThat(screenCount).hasAttribute("data-cast", "2", LIVE);
    String kept =
        (String)
            t2.evaluate(
                "() => Object.keys(localStorage).filter(k => k.startsWith('hopso.ballot.'))"
                    + ".map(k => localStorage.getItem(k)).join()");
    assertTrue(kept.contains(sent.get(0)), kept);
    shot(display, "vote-display-count.png");

    // --- delegate 3 holds daibieu004's proxy: one choice for both ballots ---
    Locator all = t3.getByTestId("ballot-all");
    all.getByTestId("ballot-choice-YES").click();
    all.getByTestId("ballot-confirm").click();
    Locator voted3 = t3.locator("[data-testid=ballot-voted][data-state=cast]");
    assertThat(voted3).hasCount(2, LIVE_COUNT);
    assertThat(screenCount).hasAttribute("data-cast", "4", LIVE);
    assertEquals(List.of(), overHttp, "ballots went through the API though the socket was up");
    assertThat(card.getByTestId("poll-count")).hasAttribute("data-cast", "4", LIVE);
    // daibieu005 (present) and the chair (absent) are missing: the vote stays open until closed
    assertThat(missing).hasCount(2, LIVE_COUNT);
    assertThat(card.getByTestId("voters"))
        .containsText((String) DemoApi.person("daibieu005").get("fullName"));
    shotBothWays(chair, "vote-chair-panel");

    // --- the chair closes the vote and publishes the result ---
    card.getByTestId("poll-close").click();
    chair.getByTestId("confirm-ok").click();
    assertThat(card).hasAttribute("data-state", "CLOSED", LIVE);
    card.getByTestId("poll-publish").click();
    chair.getByTestId("confirm-ok").click();
    assertThat(card).hasAttribute("data-state", "PUBLISHED", LIVE);

    // the screen draws the result: bars and the decision
    assertThat(onScreen).hasAttribute("data-state", "PUBLISHED", LIVE);
    Locator decision = display.getByTestId("result-decision");
    assertThat(decision).hasAttribute("data-decision", "ADOPTED");
    assertThat(decision).containsText("Thông qua");
    assertThat(display.locator("[data-testid=result-bar][data-key=YES]"))
        .hasAttribute("data-count", "3");
    assertThat(display.locator("[data-testid=result-bar][data-key=NO]"))
        .hasAttribute("data-count", "1");
    assertThat(display.locator("[data-testid=result-bar][data-key=ABSTAIN]"))
        .hasAttribute("data-count", "0");
    assertThat(display.getByTestId("result-rule")).not().isEmpty();
    shot(display, "vote-display-result.png");

    // each tablet shows the result and finds its receipts in the published list
    for (Page t : List.of(t1, t2, t3)) {
      assertThat(t.getByTestId("poll-result")).isVisible(APPEARS);
      Locator checks = t.getByTestId("receipt-check");
      assertThat(checks).hasCount(t == t3 ? 2 : 1, LIVE_COUNT);
      for (int i = 0; i < checks.count(); i++) {
        assertThat(checks.nth(i)).hasAttribute("data-result", "FOUND", LIVE);
      }
    }
    assertEquals(receipt1, t1.getByTestId("receipt-code").innerText().trim());
    shotBothWays(t1, "vote-tablet-result");

    // the published list holds four ballots, delegate 1's among them
    List<String> receipts =
        DemoApi.as(DemoApi.token("daibieu001"))
            .get("/api/polls/{id}/receipts", card.getAttribute("data-poll-id"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("entries.receipt");
    assertNotNull(receipts);
    assertEquals(4, receipts.size(), receipts::toString);
    assertTrue(receipts.contains(receipt1), receipts::toString);

    for (Page p : List.of(chair, t1, t2, t3, display)) {
      p.context().close();
    }
  }
}
