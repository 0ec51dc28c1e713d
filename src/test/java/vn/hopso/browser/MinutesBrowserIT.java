package vn.hopso.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hopso.support.EmbeddedAppResource;

/**
 * Issue 11's minutes in headless Chromium against the packaged app: a meeting of the demo province
 * is held (set up through the API); the secretary drafts its minutes from the session's record on
 * the meeting page, adds a paragraph in the rich-text editor and saves a new version; the chair
 * approves the text (the PDF is made) and signs it on the server; the secretary signs in turn and
 * publishes; a delegate then finds the minutes published, opens the signed PDF in the app's reader
 * and sees both signatures checked as valid. Last, the secretary gives a follow-up task to the
 * delegate from the conclusions tab, and it is in the delegate's "Nhiệm vụ của tôi". Screenshots of
 * the editor, the chair's signing and the delegate's PDF go to target/screenshots.
 */
@QuarkusIntegrationTest
@WithTestResource(EmbeddedAppResource.class)
class MinutesBrowserIT extends BrowserTest {
  /** Making the PDF and signing it take a moment on a busy machine. */
  static final LocatorAssertions.HasAttributeOptions SLOW =
      new LocatorAssertions.HasAttributeOptions().setTimeout(30_000);

  static final LocatorAssertions.IsVisibleOptions APPEARS =
      new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

  static final LocatorAssertions.HasCountOptions DRAWN =
      new LocatorAssertions.HasCountOptions().setTimeout(60_000);

  static final String ADDED = "Đồng chí Giám đốc Sở Tài chính phát biểu về tiến độ giải ngân.";

  @Test
  void draftedEditedSignedTwicePublishedAndReadByADelegate() {
    long meetingId =
        DemoApi.scheduledMeeting(
            "Họp giao ban tháng 11 của Ủy ban nhân dân tỉnh",
            List.of("daibieu001"),
            List.of(),
            List.of("Báo cáo kinh tế – xã hội", "Phương án phòng chống lũ"));
    DemoApi.start(meetingId);
    DemoApi.checkIn(meetingId, "daibieu001");
    DemoApi.as(DemoApi.token("chutich"))
        .post("/api/meetings/{id}/end", meetingId)
        .then()
        .statusCode(200);
    String minutesTab = "/meetings/" + meetingId + "?tab=minutes";

    // --- the secretary drafts the minutes from the record and edits the text ---
    Page sec = signIn("thuky1");
    sec.navigate(minutesTab);
    assertThat(sec.getByTestId("minutes-state")).hasAttribute("data-state", "NONE");
    sec.getByTestId("minutes-draft").click();
    assertThat(sec.getByTestId("minutes-state")).hasAttribute("data-state", "DRAFT", SLOW);
    Locator body = sec.getByTestId("minutes-body-input");
    assertThat(body).isVisible(APPEARS);
    assertThat(body).containsText("Báo cáo kinh tế – xã hội");
    body.click();
    sec.keyboard().press("Control+End");
    sec.keyboard().press("Enter");
    sec.keyboard().type(ADDED);
    assertThat(sec.getByTestId("minutes-unsaved")).isVisible();
    sec.locator("input[name=note]").fill("Bổ sung ý kiến phát biểu");
    shotBothWays(sec, "minutes-editor");
    sec.getByTestId("minutes-save").click();
    assertThat(sec.getByTestId("minutes-unsaved")).hasCount(0);
    JsonPath saved = minutes(meetingId, "thuky1");
    assertEquals(2, saved.getInt("minutes.revision"));
    assertTrue(saved.getString("minutes.body").contains(ADDED), saved.getString("minutes.body"));
    // the versions and what changed between them
    sec.getByTestId("minutes-versions-toggle").click();
    assertThat(sec.getByTestId("minutes-version")).hasCount(2);
    sec.getByTestId("minutes-version-compare").first().click();
    assertThat(
            sec.locator("[data-testid=minutes-diff-line][data-kind=INSERT]")
                .filter(new Locator.FilterOptions().setHasText("tiến độ giải ngân")))
        .hasCount(1);

    // --- the chair approves the text (the PDF is made) and signs on the server ---
    Page chair = signIn("chutich");
    chair.navigate(minutesTab);
    assertThat(chair.getByTestId("minutes-state")).hasAttribute("data-state", "DRAFT");
    chair.getByTestId("minutes-approve").click();
    chair.getByTestId("confirm-ok").click();
    assertThat(chair.getByTestId("minutes-state")).hasAttribute("data-state", "APPROVED", SLOW);
    assertThat(chair.getByTestId("minutes-sign-as")).isVisible();
    shotBothWays(chair, "minutes-chair-approved");
    chair.getByTestId("minutes-sign").click();
    chair.getByTestId("confirm-ok").click();
    assertThat(chair.getByTestId("minutes-state")).hasAttribute("data-state", "SIGNING", SLOW);
    assertThat(chair.locator("[data-testid=minutes-signature][data-role=CHAIR]")).hasCount(1);

    // --- the secretary signs in turn and publishes ---
    sec.reload();
    assertThat(sec.getByTestId("minutes-state")).hasAttribute("data-state", "SIGNING", SLOW);
    sec.getByTestId("minutes-sign").click();
    sec.getByTestId("confirm-ok").click();
    assertThat(sec.getByTestId("minutes-state")).hasAttribute("data-state", "SIGNED", SLOW);
    sec.getByTestId("minutes-publish").click();
    sec.getByTestId("confirm-ok").click();
    assertThat(sec.getByTestId("minutes-state")).hasAttribute("data-state", "PUBLISHED", SLOW);
    assertEquals(
        "MINUTES_PUBLISHED",
        DemoApi.as(DemoApi.token("thuky1"))
            .get("/api/meetings/{id}", meetingId)
            .then()
            .statusCode(200)
            .extract()
            .path("status"));

    // --- a delegate reads the published minutes: the PDF in the app's reader, both signatures ---
    Page delegate = signIn("daibieu001");
    delegate.navigate(minutesTab);
    assertThat(delegate.getByTestId("minutes-state")).hasAttribute("data-state", "PUBLISHED");
    assertThat(delegate.getByTestId("minutes-editor")).hasCount(0);
    assertThat(delegate.getByTestId("minutes-body-view")).containsText(ADDED);
    Response pdf =
        delegate.waitForResponse(
            r -> r.url().contains("/api/meetings/" + meetingId + "/minutes/pdf"),
            () -> delegate.getByTestId("minutes-pdf").click());
    assertEquals(200, pdf.status(), pdf::statusText);
    assertTrue(
        String.valueOf(pdf.headerValue("content-type")).startsWith("application/pdf"),
        () -> String.valueOf(pdf.headerValue("content-type")));
    Locator viewer = delegate.getByTestId("minutes-pdf-viewer");
    assertThat(viewer.locator("[data-testid=reader-page-1][data-drawn=true]")).hasCount(1, DRAWN);
    assertTrue(Integer.parseInt(viewer.getAttribute("data-pages")) >= 1);
    Locator verification = delegate.getByTestId("minutes-verification");
    assertThat(verification).hasAttribute("data-valid", "true", SLOW);
    assertThat(verification.locator("[data-testid=verification-signature][data-intact=true]"))
        .hasCount(2);
    shotBothWays(delegate, "minutes-delegate-pdf");

    // --- the secretary gives the delegate a follow-up task from the conclusions tab ---
    String task = "Rà soát kế hoạch vốn đầu tư công năm 2027";
    sec.navigate("/meetings/" + meetingId + "?tab=tasks");
    sec.getByTestId("conclusion-text").fill("Giao Sở Tài chính rà soát kế hoạch vốn");
    sec.getByTestId("conclusion-add").click();
    Locator conclusion = sec.getByTestId("conclusion");
    assertThat(conclusion).hasCount(1);
    conclusion.getByTestId("task-add").click();
    Locator form = sec.getByTestId("task-form");
    form.locator("input[name=title]").fill(task);
    Locator person = form.locator("input[name=personId]");
    person.click();
    person.fill("daibieu001");
    sec.locator("[role=option][data-id='" + DemoApi.personId("daibieu001") + "']").click();
    form.locator("select[name=priority]").selectOption("HIGH");
    form.getByTestId("task-save").click();
    assertThat(form).hasCount(0);
    assertThat(conclusion.getByTestId("task-row")).hasCount(1);
    assertThat(conclusion.getByTestId("task-row")).containsText(task);
    assertThat(sec.getByTestId("tasks-counts").locator("[data-count=open]"))
        .hasAttribute("data-value", "1");

    // it is in the delegate's own list, where progress can be reported
    delegate.navigate("/tasks");
    Locator mine =
        delegate.getByTestId("task-row").filter(new Locator.FilterOptions().setHasText(task));
    assertThat(mine).hasCount(1);
    assertThat(mine).hasAttribute("data-state", "OPEN");
    mine.locator("button").click();
    assertThat(delegate.getByTestId("task-report")).isVisible();
    shotBothWays(delegate, "tasks-mine");

    for (Page p : List.of(sec, chair, delegate)) {
      p.context().close();
    }
  }

  /** GET /api/meetings/{id}/minutes as {@code username}. */
  static JsonPath minutes(long meetingId, String username) {
    return DemoApi.as(DemoApi.token(username))
        .get("/api/meetings/{id}/minutes", meetingId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
