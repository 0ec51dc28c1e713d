package vn.hopso.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import vn.hopso.support.EmbeddedAppResource;

/**
 * Issue 3's flow in headless Chromium against the packaged app: the secretary creates a meeting,
 * invites all 356 demo endpoints and five delegates, builds and publishes a three-item agenda; a
 * delegate sees it and checks in; the chair sees the quorum change.
 */
@QuarkusIntegrationTest
@WithTestResource(EmbeddedAppResource.class)
class MeetingBrowserIT extends BrowserTest {

  private static void pick(Page page, String input, String text, String option) {
    page.locator("input[name=" + input + "]").fill(text);
    page.locator(option).first().click();
  }

  /** Picks a person in a search box by username; the option is found by the person's id. */
  private static void pickPerson(Page page, String input, String username) {
    pick(page, input, username, "[role=option][data-id='" + DemoApi.personId(username) + "']");
  }

  /** Every active endpoint: the 356 of the demo province, plus any another test imported. */
  private static int activeEndpoints() {
    return DemoApi.as(DemoApi.token("admin"))
        .queryParam("active", true)
        .queryParam("size", 1)
        .get("/api/endpoints")
        .then()
        .statusCode(200)
        .extract()
        .path("total");
  }

  @Test
  void secretaryPreparesDelegateChecksInChairSeesQuorum() {
    ZonedDateTime start =
        ZonedDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
            .plusMinutes(30)
            .truncatedTo(ChronoUnit.MINUTES);
    ZonedDateTime end = start.plusHours(2);
    DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
    String title = "Hội nghị giao ban trực tuyến toàn tỉnh " + System.nanoTime() % 100000;

    // --- the secretary plans the meeting ---
    Page sec = signIn("thuky1");
    sec.navigate("/meetings/new");
    sec.locator("input[name=title]").fill(title);
    pick(sec, "hostUnitId", "Tỉnh Thanh Hóa", "[role=option][data-unit-code=TH]");
    pickPerson(sec, "chairId", "chutich");
    sec.locator("input[name=startDate]").fill(date.format(start));
    sec.locator("input[name=startTime]").fill(time.format(start));
    sec.locator("input[name=endDate]").fill(date.format(end));
    sec.locator("input[name=endTime]").fill(time.format(end));
    sec.locator("input[name=place]").fill("Hội trường tầng 3, UBND tỉnh");
    sec.getByTestId("meeting-save").click();
    Locator meetingPage = sec.getByTestId("meeting-page");
    assertThat(meetingPage).hasAttribute("data-status", "DRAFT");
    String meetingId = meetingPage.getAttribute("data-meeting-id");

    // all 356 rooms of the province, then five delegates
    sec.getByTestId("tab-participants").click();
    sec.getByTestId("sub-rooms").click();
    sec.getByTestId("endpoints-add-all").click();
    assertThat(sec.getByTestId("endpoint-count"))
        .hasAttribute(
            "data-count",
            Integer.toString(activeEndpoints()),
            new LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
    org.junit.jupiter.api.Assertions.assertTrue(activeEndpoints() >= 356);
    sec.getByTestId("sub-people").click();
    for (int i = 1; i <= 5; i++) {
      pickPerson(sec, "personId", String.format("daibieu%03d", i));
      sec.locator("select[name=role]").selectOption("DELEGATE");
      sec.getByTestId("participants-add").click();
      assertThat(sec.getByTestId("participant-row"))
          .hasCount(2 + i); // the chair and the secretary, then the delegates
    }

    // a three-item agenda, published
    sec.getByTestId("tab-agenda").click();
    String[][] items = {
      {"Khai mạc", "10"},
      {"Báo cáo tình hình kinh tế – xã hội", "60"},
      {"Kết luận của Chủ tịch UBND tỉnh", "20"}
    };
    for (String[] item : items) {
      sec.getByTestId("agenda-add").click();
      Locator form = sec.getByTestId("agenda-item-form");
      form.locator("[name=title]").fill(item[0]);
      form.locator("[name=plannedMinutes]").fill(item[1]);
      sec.getByTestId("agenda-item-save").click();
      assertThat(form).hasCount(0);
    }
    assertThat(sec.getByTestId("agenda-item")).hasCount(3);
    sec.getByTestId("tab-info").click();
    sec.getByTestId("action-schedule").click();
    assertThat(sec.getByTestId("meeting-page")).hasAttribute("data-status", "SCHEDULED");
    sec.getByTestId("tab-agenda").click();
    sec.getByTestId("agenda-publish").click();
    assertThat(sec.getByTestId("agenda-version")).containsText("1");

    // --- the chair watches attendance ---
    Page chair = signIn("chutich");
    chair.navigate("/meetings/" + meetingId);
    chair.getByTestId("tab-attendance").click();
    assertThat(chair.getByTestId("quorum-present")).containsText("0");
    assertThat(chair.getByTestId("quorum")).hasAttribute("data-reached", "false");

    // --- a delegate sees it, reads the agenda and checks in ---
    Page delegate = signIn("daibieu001");
    delegate.navigate("/meetings");
    delegate.locator("[data-testid=meeting-row][data-meeting-id='" + meetingId + "']").click();
    delegate.getByTestId("tab-agenda").click();
    assertThat(delegate.getByTestId("agenda-item")).hasCount(3);
    assertThat(delegate.getByTestId("agenda-item").first()).containsText("Khai mạc");
    delegate.getByTestId("tab-info").click();
    delegate.getByTestId("check-in").click();
    assertThat(delegate.getByTestId("check-in")).hasAttribute("data-checked-in", "true");

    // the chair's panel refreshes by itself
    assertThat(chair.getByTestId("quorum-present"))
        .containsText("1", new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
    sec.context().close();
    chair.context().close();
    delegate.context().close();
  }
}
