package vn.hopso.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium driven by Playwright. Playwright's own browser download cannot work
 * here, so it is pointed at /usr/bin/chromium (override with HOPSO_CHROMIUM).
 */
final class Browser implements AutoCloseable {
  final Playwright playwright;
  final com.microsoft.playwright.Browser browser;

  Browser() {
    Map<String, String> env = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
    String exe = System.getenv().getOrDefault("HOPSO_CHROMIUM", "/usr/bin/chromium");
    try {
      // Playwright gives each non-persistent launch its own new, empty profile directory.
      browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(Path.of(exe))
                      .setHeadless(true)
                      .setArgs(
                          List.of(
                              "--no-sandbox",
                              "--disable-gpu",
                              "--disable-quic",
                              "--no-first-run",
                              "--disable-background-networking",
                              "--disable-component-update",
                              "--disable-sync")));
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /** A fresh context the size of a 10-inch tablet in landscape. */
  com.microsoft.playwright.Page tabletPage(String baseUrl) {
    return browser
        .newContext(
            new NewContextOptions()
                .setBaseURL(baseUrl)
                .setViewportSize(1280, 800)
                .setLocale("vi-VN")
                .setTimezoneId("Asia/Ho_Chi_Minh"))
        .newPage();
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
