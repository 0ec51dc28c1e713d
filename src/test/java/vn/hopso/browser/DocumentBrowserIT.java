package vn.hopso.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.document.OfficeConverterTest;
import vn.hopso.document.TestPdfs;
import vn.hopso.support.EmbeddedAppResource;

/**
 * Documents in a real Chromium on the packaged app (README command 1): the secretary uploads a Word
 * file and a 200-page PDF to an agenda item through the page; a delegate on a tablet opens the PDF,
 * highlights a line and writes a note, reloads and finds them; downloads the meeting's pack
 * (setting the tablet's PIN first), goes offline (the browser's own offline mode), reloads, still
 * opens the document and annotates; back online, the note and the read receipt reach the server.
 * Then the browser is "closed" (a new tab: no session) without network: the sign-in page offers the
 * stored documents, a wrong PIN says how many attempts are left, the right one opens the stored
 * meeting and its document; a note written there is sent after signing in again.
 */
@QuarkusIntegrationTest
@WithTestResource(EmbeddedAppResource.class)
class DocumentBrowserIT extends BrowserTest {
  @Test
  void aDelegateReadsAnnotatesAndReadsOffline() throws Exception {
    long meeting =
        DemoApi.scheduledMeeting(
            "Họp đọc tài liệu trên máy tính bảng",
            List.of("daibieu001"),
            List.of(),
            List.of("Báo cáo kinh tế – xã hội", "Dự toán ngân sách"));
    Path dir = Files.createTempDirectory("docs-it-");
    Path pdf = dir.resolve("Báo cáo 200 trang.pdf");
    Files.write(pdf, TestPdfs.pages(200, "Trang bao cao so"));
    Path docx =
        OfficeConverterTest.docx(
            dir.resolve("Tờ trình ngân sách.docx"), "Tờ trình về dự toán ngân sách năm 2027");

    // the secretary uploads both to the first agenda item
    Page sec = signIn("thuky1");
    sec.navigate("/meetings/" + meeting + "?tab=documents");
    Locator item = sec.getByTestId("doc-upload-item");
    String firstItem = (String) item.locator("option").nth(1).evaluate("o => o.value");
    item.selectOption(firstItem);
    sec.getByTestId("doc-upload-input").setInputFiles(new Path[] {docx, pdf});
    Locator jobs = sec.getByTestId("doc-upload-job");
    assertThat(jobs).hasCount(2);
    assertThat(sec.locator("[data-testid=doc-upload-job][data-state=done]"))
        .hasCount(
            2,
            new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions()
                .setTimeout(120_000));
    List<Map<String, Object>> docs =
        DemoApi.as(DemoApi.token("thuky1"))
            .get("/api/meetings/" + meeting + "/documents")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("documents");
    assertEquals(2, docs.size(), docs::toString);
    long pdfId =
        DemoApi.as(DemoApi.token("thuky1"))
            .get("/api/meetings/" + meeting + "/documents")
            .then()
            .extract()
            .jsonPath()
            .getLong("documents.find { it.current.fileName == 'Báo cáo 200 trang.pdf' }.id");
    sec.context().close();

    // the delegate opens the 200-page PDF on a tablet
    Page tab = signIn("daibieu001");
    List<String> console = new java.util.concurrent.CopyOnWriteArrayList<>();
    tab.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
    tab.onPageError(e -> console.add("pageerror: " + e));
    tab.onRequestFailed(r -> console.add("failed: " + r.url() + " " + r.failure()));
    tab.navigate("/meetings/" + meeting + "?tab=documents");
    tab.getByTestId("doc-open-" + pdfId).click();
    drawn(tab, 1, console);
    // highlight the first line: drag across it
    tab.getByTestId("reader-tool-highlight").click();
    Locator page1 = tab.getByTestId("reader-draw-1");
    BoundingBox b = page1.boundingBox();
    drag(tab, b, 0.10, 0.088, 0.45, 0.100);
    // a sticky note below it
    tab.getByTestId("reader-tool-note").click();
    page1.click(new Locator.ClickOptions().setPosition(b.width * 0.5, b.height * 0.3));
    tab.getByTestId("reader-note-text").fill("Cần làm rõ số liệu quý IV");
    tab.getByTestId("reader-note-save").click();
    waitForAnnotations(pdfId, 2);

    // reload: both are still there
    tab.reload();
    drawn(tab, 1, console);
    tab.getByTestId("reader-notes-toggle").click();
    assertThat(tab.getByTestId("annotation-item")).hasCount(2);
    assertThat(tab.getByTestId("annotation-list")).containsText("Cần làm rõ số liệu quý IV");

    // download the pack for reading offline: the first time, the tablet's PIN is set
    tab.navigate("/meetings/" + meeting + "?tab=documents");
    tab.getByTestId("pack-download").click();
    assertThat(tab.getByTestId("pin-form")).hasAttribute("data-mode", "create");
    shotBothWays(tab, "documents-pin-create");
    tab.getByTestId("pin-input").fill(PIN);
    tab.getByTestId("pin-confirm-input").fill(PIN);
    tab.getByTestId("pin-submit").click();
    tab.getByTestId("pack-confirm-ok").click();
    tab.getByTestId("pack-offline-ready").waitFor(new Locator.WaitForOptions().setTimeout(120_000));
    assertTrue(
        tab.getByTestId("pack-fingerprint").textContent().matches(".*[0-9A-F]{4}-[0-9A-F]{4}.*"));

    // offline: reload the reader, open the document, write a note
    tab.context().setOffline(true);
    tab.navigate("/meetings/" + meeting + "/documents/" + pdfId);
    drawn(tab, 1, console);
    assertThat(tab.getByTestId("reader")).hasAttribute("data-source", "device");
    tab.getByTestId("reader-tool-note").click();
    Locator offPage = tab.getByTestId("reader-draw-1");
    BoundingBox ob = offPage.boundingBox();
    offPage.click(new Locator.ClickOptions().setPosition(ob.width * 0.5, ob.height * 0.5));
    tab.getByTestId("reader-note-text").fill("Ghi chú viết khi mất mạng");
    tab.getByTestId("reader-note-save").click();
    // the note and the read receipt of this reading wait
    assertThat(tab.getByTestId("outbox-count")).hasAttribute("data-notes", "1");
    assertThat(tab.getByTestId("outbox-count")).hasAttribute("data-reads", "1");
    assertEquals(2, annotations(pdfId).size()); // not yet on the server

    // back online: the outbox sends it
    tab.context().setOffline(false);
    tab.evaluate("window.dispatchEvent(new Event('online'))");
    List<Map<String, Object>> after = waitForAnnotations(pdfId, 3);
    assertTrue(
        after.stream().anyMatch(a -> "Ghi chú viết khi mất mạng".equals(a.get("note"))),
        after::toString);
    assertThat(tab.getByTestId("outbox-count")).hasAttribute("data-count", "0");

    // the browser closed and opened again without network: a new tab has no session
    tab.context().setOffline(true);
    Page again = tab.context().newPage();
    again.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
    again.onPageError(e -> console.add("pageerror: " + e));
    again.navigate("/");
    assertThat(again.getByTestId("stored-access")).hasAttribute("data-prominent", "true");
    shotBothWays(again, "sign-in-offline-stored");
    again.getByTestId("stored-open").click();
    // a wrong PIN: it says how many attempts are left
    again.getByTestId("pin-input").fill("0000");
    again.getByTestId("pin-submit").click();
    assertThat(again.getByTestId("pin-error")).containsText("4");
    shotBothWays(again, "documents-pin-wrong");
    again.getByTestId("pin-input").fill(PIN);
    again.getByTestId("pin-submit").click();
    assertThat(again.getByTestId("device-mode")).isVisible();
    shotBothWays(again, "documents-stored-meetings");
    again.getByTestId("stored-open-" + meeting).click();
    again.getByTestId("doc-open-" + pdfId).click();
    drawn(again, 1, console);
    assertThat(again.getByTestId("reader")).hasAttribute("data-source", "device");
    // a note written there waits for the next sign-in
    again.getByTestId("reader-tool-note").click();
    Locator pinPage = again.getByTestId("reader-draw-1");
    BoundingBox pb = pinPage.boundingBox();
    pinPage.click(new Locator.ClickOptions().setPosition(pb.width * 0.5, pb.height * 0.7));
    again.getByTestId("reader-note-text").fill("Ghi chú viết sau khi mở bằng mã PIN");
    again.getByTestId("reader-note-save").click();
    assertThat(again.getByTestId("outbox-count")).hasAttribute("data-notes", "1");

    // the network is back: signing in sends it
    again.context().setOffline(false);
    again.navigate("/login");
    again.locator("input[name=username]").fill("daibieu001");
    again.locator("input[name=password]").fill(DemoApi.password("daibieu001"));
    again.getByTestId("login-submit").click();
    assertThat(again.getByTestId("login-submit")).hasCount(0);
    List<Map<String, Object>> last = waitForAnnotations(pdfId, 4);
    assertTrue(
        last.stream().anyMatch(a -> "Ghi chú viết sau khi mở bằng mã PIN".equals(a.get("note"))),
        last::toString);

    // the account page keeps the device's PIN; signing out on a shared tablet offers to remove
    // what is stored, and then the sign-in page has nothing stored to offer
    again.navigate("/account");
    assertThat(again.getByTestId("device-pin")).isVisible();
    again.getByTestId("device-pin").scrollIntoViewIfNeeded();
    shotBothWays(again, "account-device-pin");
    again.getByTestId("logout").click();
    assertThat(again.getByTestId("signout-wipe")).isVisible();
    shotBothWays(again, "sign-out-stored");
    again.getByTestId("signout-wipe").click();
    assertThat(again.getByTestId("login-submit")).isVisible();
    assertThat(again.getByTestId("stored-access")).hasCount(0);
  }

  /** The tablet's PIN for its stored documents. */
  private static final String PIN = "246810";

  /** Waits until the reader has drawn page {@code n} (a screenshot when it does not). */
  private static void drawn(Page tab, int n, List<String> console) {
    try {
      tab.locator("[data-testid=reader-page-" + n + "][data-drawn=true]")
          .waitFor(new Locator.WaitForOptions().setTimeout(60_000));
    } catch (RuntimeException e) {
      tab.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/reader-failure.png")));
      throw new AssertionError("the reader did not draw page " + n + "; console: " + console, e);
    }
  }

  private static void drag(Page page, BoundingBox b, double x0, double y0, double x1, double y1) {
    page.mouse().move(b.x + b.width * x0, b.y + b.height * y0);
    page.mouse().down();
    for (int i = 1; i <= 8; i++) {
      page.mouse()
          .move(
              b.x + b.width * (x0 + (x1 - x0) * i / 8), b.y + b.height * (y0 + (y1 - y0) * i / 8));
    }
    page.mouse().up();
  }

  private static List<Map<String, Object>> annotations(long doc) {
    return DemoApi.as(DemoApi.token("daibieu001"))
        .get("/api/documents/" + doc + "/versions/1/annotations")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("findAll { !it.deleted }");
  }

  private static List<Map<String, Object>> waitForAnnotations(long doc, int count)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    List<Map<String, Object>> got = annotations(doc);
    while (got.size() < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      got = annotations(doc);
    }
    assertEquals(count, got.size(), got::toString);
    return got;
  }
}
