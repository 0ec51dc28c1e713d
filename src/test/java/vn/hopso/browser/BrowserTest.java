package vn.hopso.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every browser test shares: one headless Chromium per test class, and signing a demo account
 * in on a fresh tablet-sized page of the packaged app (which Quarkus points RestAssured at).
 */
abstract class BrowserTest {
  static Browser browser;

  @BeforeAll
  static void startBrowser() {
    DemoApi.forget(); // this class may run against another start of the app
    browser = new Browser();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  /** Where the browser tests leave their photographs of the screens, for people to look at. */
  static final java.nio.file.Path SHOTS = java.nio.file.Path.of("target", "screenshots");

  static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(false));
  }

  /** A tablet's or laptop's page in landscape (1280×800) and in portrait (800×1280). */
  static void shotBothWays(Page page, String name) {
    shot(page, name + ".png");
    page.setViewportSize(800, 1280);
    shot(page, name + "-portrait.png");
    page.setViewportSize(1280, 800);
  }

  /** A fresh page, the size of a 10-inch tablet in landscape, on the packaged app. */
  static Page newPage() {
    return browser.tabletPage("http://localhost:" + io.restassured.RestAssured.port);
  }

  /** Opens a fresh page and signs {@code username} in with the demo's password. */
  static Page signIn(String username) {
    Page page = newPage();
    page.navigate("/");
    page.locator("input[name=username]").fill(username);
    page.locator("input[name=password]").fill(DemoApi.password(username));
    page.getByTestId("login-submit").click();
    assertThat(page.getByTestId("login-submit")).hasCount(0);
    return page;
  }
}
