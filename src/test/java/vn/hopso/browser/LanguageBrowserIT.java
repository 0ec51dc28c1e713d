package vn.hopso.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.support.EmbeddedAppResource;
import vn.hopso.support.English;

/**
 * Issue 6 in a Vietnamese browser: a field validation error, a CSV row error and conflicts (a name
 * already taken, a save over someone else's) all read in Vietnamese, without one English word; an
 * ended meeting offers no editing at all (the page shows only what the server's capabilities
 * allow).
 */
@QuarkusIntegrationTest
@WithTestResource(EmbeddedAppResource.class)
class LanguageBrowserIT extends BrowserTest {
  /** Each view of a meeting's page: its tab, a sub-view to open (or none), what shows it loaded. */
  static final List<String[]> VIEWS =
      List.of(
          new String[] {"info", "", "meeting-details"},
          new String[] {"agenda", "", "agenda-item"},
          new String[] {"participants", "sub-people", "participant-row"},
          new String[] {"participants", "sub-rooms", "meeting-endpoint-row"},
          new String[] {"attendance", "att-sub-people", "attendance-row"},
          new String[] {"attendance", "att-sub-rooms", "room-count-row"});

  static void assertVietnamese(Locator message) {
    assertThat(message).isVisible();
    String text = message.innerText();
    assertFalse(text.isBlank(), "an empty message");
    assertEquals(List.of(), English.wordsIn(text), () -> "English in: " + text);
    // Vietnamese, not just free of English: it has letters only Vietnamese writes
    assertTrue(
        text.chars()
            .anyMatch(
                c ->
                    "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
                            .indexOf(Character.toLowerCase(c))
                        >= 0),
        () -> "not Vietnamese: " + text);
  }

  @Test
  void validationRowErrorsAndConflictsReadInVietnamese() throws Exception {
    // the checker itself: it finds English, and takes Vietnamese for what it is
    assertEquals(
        List.of("must", "not", "be", "blank"), English.wordsIn("title: must not be blank"));
    assertEquals(List.of(), English.wordsIn("Tiêu đề không được để trống; mã đơn vị KHONG-CO"));

    Page admin = signIn("admin");
    assertEquals("vi", admin.locator("html").getAttribute("lang"));

    // 1. field validation, decided by the server (the form sends what it was given)
    admin.navigate("/admin/people");
    admin.getByTestId("person-add").click();
    admin.locator("input[name=fullName]").fill("Lê Thị Hồng Nhung");
    String username = "nhung" + System.nanoTime() % 1_000_000;
    admin.locator("input[name=username]").fill(username);
    admin.locator("input[name=email]").fill("khong-phai-thu");
    admin.locator("input[name=phone]").fill("số máy bàn");
    admin.getByTestId("person-save").click();
    Locator fieldErrors = admin.getByTestId("field-error");
    assertThat(fieldErrors).hasCount(2);
    for (Locator error : fieldErrors.all()) {
      assertVietnamese(error);
    }
    assertVietnamese(admin.getByTestId("form-error"));

    // 2. a conflict: the username belongs to someone else
    admin.locator("input[name=email]").fill("nhung@thanhhoa.gov.vn");
    admin.locator("input[name=phone]").fill("0237 3852 000");
    admin.locator("input[name=username]").fill("daibieu001");
    admin.getByTestId("person-save").click();
    assertThat(admin.getByTestId("field-error")).hasCount(1);
    assertThat(admin.getByTestId("field-error"))
        .hasAttribute("data-field", java.util.regex.Pattern.compile(".*username.*"));
    assertVietnamese(admin.getByTestId("field-error"));

    // 3. a CSV row error
    Path csv = Files.createTempFile("nguoi-dung-", ".csv");
    Files.writeString(
        csv,
        "code,name,unit,room,device_account,active\n"
            + "BR-21,Điểm cầu Xã Hoằng Hóa,TH-H01-X02,,,true\n"
            + "BR-22,Điểm cầu không có đơn vị,KHONG-CO,,,true\n",
        StandardCharsets.UTF_8);
    admin.navigate("/admin/import");
    admin.getByTestId("import-kind").selectOption("endpoints");
    admin.getByTestId("import-file").setInputFiles(csv);
    admin.getByTestId("import-submit").click();
    Locator rows = admin.getByTestId("import-error-row");
    assertThat(rows.first()).isVisible();
    for (Locator row : rows.all()) {
      // line, column (the file's own header name, e.g. "unit"), reason
      assertVietnamese(row.locator("td").nth(2));
    }
    admin.context().close();

    // 4. a conflict: someone else saved the meeting while the secretary was editing it
    long meetingId =
        DemoApi.scheduledMeeting(
            "Họp bàn kế hoạch đầu tư công năm 2027", List.of(), List.of(), List.of());
    Page sec = signIn("thuky1");
    sec.navigate("/meetings/" + meetingId + "/edit");
    assertThat(sec.locator("input[name=place]")).isVisible();
    String token = DemoApi.token("thuky1");
    Map<String, Object> current =
        DemoApi.as(token)
            .get("/api/meetings/{id}", meetingId)
            .then()
            .extract()
            .jsonPath()
            .getMap("");
    Map<String, Object> changed = new java.util.HashMap<>();
    for (String key :
        List.of(
            "title",
            "kind",
            "hostUnitId",
            "chairId",
            "secretaryId",
            "startsAt",
            "endsAt",
            "version")) {
      changed.put(key, current.get(key));
    }
    changed.put("place", "Phòng họp số 2");
    DemoApi.as(token).body(changed).put("/api/meetings/{id}", meetingId).then().statusCode(200);
    sec.locator("input[name=place]").fill("Hội trường lớn");
    sec.getByTestId("meeting-save").click();
    assertVietnamese(sec.getByTestId("form-error"));
    assertThat(sec.getByTestId("stale-reload")).isVisible();
    assertVietnamese(sec.getByTestId("stale-reload"));
    sec.context().close();
  }

  @Test
  void anEndedMeetingOffersNoEditing() {
    long endpoint = DemoApi.endpointId("DC-TH-01");
    long meetingId =
        DemoApi.scheduledMeeting(
            "Hội nghị sơ kết công tác quý III",
            List.of("daibieu001", "daibieu002"),
            List.of(endpoint),
            List.of("Khai mạc", "Báo cáo sơ kết"));
    String chair = DemoApi.token("chutich");
    DemoApi.as(chair).post("/api/meetings/{id}/start", meetingId).then().statusCode(200);
    DemoApi.as(chair).post("/api/meetings/{id}/end", meetingId).then().statusCode(200);

    for (String user : List.of("thuky1", "chutich", "daibieu001")) {
      Page page = signIn(user);
      page.navigate("/meetings/" + meetingId);
      assertThat(page.getByTestId("meeting-page")).hasAttribute("data-status", "ENDED");
      int viewsSeen = 0;
      for (String[] view : VIEWS) {
        String tab = view[0];
        String sub = view[1];
        Locator tabButton = page.getByTestId("tab-" + tab);
        if (tabButton.count() == 0) {
          // a delegate sees no participants' or attendance lists; everyone else sees every tab
          assertEquals("daibieu001", user, "no tab " + tab + " for " + user);
          continue;
        }
        tabButton.click();
        if (!sub.isEmpty()) {
          page.getByTestId(sub).click();
        }
        // the view has loaded (otherwise "no such control" would hold before anything is shown)
        assertThat(page.getByTestId(view[2]).first()).isVisible();
        viewsSeen++;
        for (String control :
            List.of(
                "action-edit",
                "action-postpone",
                "action-cancel",
                "agenda-add",
                "agenda-add-child",
                "agenda-edit",
                "agenda-delete",
                "agenda-up",
                "agenda-down",
                "agenda-publish",
                "participants-add",
                "participants-bulk-open",
                "participant-edit",
                "participant-remove",
                "participant-proxy",
                "endpoints-add-all",
                "endpoints-add-unit",
                "endpoints-add-level",
                "endpoints-add-list",
                "meeting-endpoint-remove",
                "headcount-save",
                "excuse-save",
                "check-in",
                "rsvp",
                "console-start",
                "ask-to-speak")) {
          assertThat(page.getByTestId(control)).hasCount(0);
        }
        assertThat(page.locator("[data-testid^=rsvp-]")).hasCount(0);
        if ("daibieu001".equals(user)) {
          assertThat(page.locator("[data-testid^=mark-]")).hasCount(0);
        }
        // the chair and the secretary may still correct attendance until the minutes are
        // published (MeetingOp.MARK_ATTENDANCE allows ENDED): that is the record the minutes use
      }
      assertTrue(
          viewsSeen >= ("daibieu001".equals(user) ? 2 : VIEWS.size()), user + " saw " + viewsSeen);
      page.navigate("/meetings/" + meetingId + "/edit");
      // the secretary is told the meeting can no longer be edited; others may not edit it at all
      assertThat(
              page.locator(
                  "thuky1".equals(user)
                      ? "[data-testid=not-editable]"
                      : "[data-testid=not-editable], [data-testid=forbidden]"))
          .isVisible();
      assertThat(page.getByTestId("meeting-save")).hasCount(0);
      page.context().close();
    }
  }
}
