package vn.hopso.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the packaged application as a newcomer would with README command 1 — embedded H2 database
 * and local document folder — in a fresh data folder, with the demo province.
 */
public class EmbeddedAppResource implements QuarkusTestResourceLifecycleManager {
  public static final String ADMIN_PASSWORD = "it-admin-password-1";
  public static final String DEMO_PASSWORD = "it-demo-password-1";

  @Override
  public Map<String, String> start() {
    try {
      Path dir = Files.createTempDirectory("hopso-it-");
      return Map.of(
          "hopso.data-dir",
          dir.toString(),
          "hopso.admin-password",
          ADMIN_PASSWORD,
          "hopso.demo",
          "2021",
          "hopso.demo.password",
          DEMO_PASSWORD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {}
}
