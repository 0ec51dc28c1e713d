package vn.hopso.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.hopso.support.EmbeddedAppResource;

/** User flows in headless Chromium against the packaged application. */
@QuarkusIntegrationTest
@WithTestResource(EmbeddedAppResource.class)
class AdminBrowserIT extends BrowserTest {

  @Test
  void adminImportsEndpointsFindsOneWithoutDiacriticsAndSeesTheTree() throws Exception {
    Page page = signIn("admin");
    assertThat(page.getByText("Quản trị hệ thống").first()).isVisible();

    Path csv = Files.createTempFile("endpoints-", ".csv");
    Files.writeString(
        csv,
        "\uFEFFcode,name,unit,room,device_account,active\n"
            + "BR-01,Điểm cầu Phường Đông Hương,TH-H01-X01,Hội trường A,br-dong-huong,true\n"
            + "BR-02,Điểm cầu Xã Thiệu Giao,TH-H22-X03,Hội trường B,br-thieu-giao,true\n",
        StandardCharsets.UTF_8);
    page.navigate("/admin/import");
    page.getByTestId("import-kind").selectOption("endpoints");
    page.getByTestId("import-file").setInputFiles(csv);
    page.getByTestId("import-submit").click();
    assertThat(page.getByTestId("import-result")).containsText("2");

    page.navigate("/admin/endpoints");
    page.getByTestId("search").fill("thieu giao");
    Locator rows = page.getByTestId("endpoint-row");
    assertThat(rows).hasCount(1);
    assertThat(rows.first()).containsText("Điểm cầu Xã Thiệu Giao");

    page.navigate("/admin/units");
    assertThat(
            page.getByTestId("unit-node")
                .filter(new Locator.FilterOptions().setHasText("Tỉnh Thanh Hóa"))
                .first())
        .isVisible();
    // deep link reload keeps the page
    page.reload();
    assertThat(page.getByTestId("unit-node").first()).isVisible();
    page.context().close();
  }

  @Test
  void importWithABadRowShowsTheRowAndImportsNothing() throws Exception {
    Page page = signIn("admin");
    assertThat(page.getByText("Quản trị hệ thống").first()).isVisible();
    Path csv = Files.createTempFile("endpoints-bad-", ".csv");
    Files.writeString(
        csv,
        "code,name,unit,room,device_account,active\n"
            + "BR-11,Điểm cầu tốt,TH-H01-X02,,,true\n"
            + "BR-12,Điểm cầu lỗi,KHONG-CO,,,true\n",
        StandardCharsets.UTF_8);
    page.navigate("/admin/import");
    page.getByTestId("import-kind").selectOption("endpoints");
    page.getByTestId("import-file").setInputFiles(csv);
    page.getByTestId("import-submit").click();
    Locator errors = page.getByTestId("import-errors");
    assertThat(errors).containsText("3");
    assertThat(errors).containsText("KHONG-CO");
    page.navigate("/admin/endpoints");
    page.getByTestId("search").fill("diem cau tot");
    assertThat(page.getByTestId("endpoint-row")).hasCount(0);
    page.context().close();
  }

  @Test
  void delegateGetsNoAdminPage() {
    Page page = signIn("daibieu001");
    page.navigate("/admin/people");
    assertThat(page.getByTestId("forbidden")).isVisible();
    assertThat(page.getByTestId("person-row")).hasCount(0);
    assertThat(page).hasURL(Pattern.compile(".*/admin/people"));
    page.context().close();
  }
}
