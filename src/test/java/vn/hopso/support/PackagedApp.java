package vn.hopso.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged application ({@code target/quarkus-app}) started as its own process by a test, as
 * README command 1 starts it: for tests that need a fresh instance, several instances, or to kill
 * one. Its log goes to {@code target/it-logs/<name>.log}.
 */
public final class PackagedApp implements AutoCloseable {
  public static final String ADMIN_PASSWORD = "packaged-admin-password-1";

  public final String name;
  public final int port;
  public final Path dataDir;
  private final Process process;

  private PackagedApp(String name, int port, Path dataDir, Process process) {
    this.name = name;
    this.port = port;
    this.dataDir = dataDir;
    this.process = process;
  }

  /** Starts an instance with its embedded defaults in a fresh data folder, plus {@code env}. */
  public static PackagedApp start(String name, Map<String, String> env) {
    return start(name, "quarkus-app", env);
  }

  /**
   * Starts an instance on the test PostgreSQL ({@code target/quarkus-app-pg}, built for it), as
   * several instances of a production cluster share one database.
   */
  public static PackagedApp startOnPostgres(String name, Map<String, String> env) {
    Map<String, String> all = new HashMap<>();
    all.put(
        "QUARKUS_DATASOURCE_JDBC_URL",
        System.getenv()
            .getOrDefault("HOPSO_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/hopso_test"));
    all.put(
        "QUARKUS_DATASOURCE_USERNAME", System.getenv().getOrDefault("HOPSO_TEST_DB_USER", "hopso"));
    all.put(
        "QUARKUS_DATASOURCE_PASSWORD",
        System.getenv().getOrDefault("HOPSO_TEST_DB_PASSWORD", "hopso"));
    all.put("HOPSO_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
    all.putAll(env);
    return start(name, "quarkus-app-pg", all);
  }

  private static PackagedApp start(String name, String appDir, Map<String, String> env) {
    try {
      Path dataDir = Files.createTempDirectory("hopso-" + name + "-");
      int port = freePort();
      Path logs = Path.of("target", "it-logs");
      Files.createDirectories(logs);
      String java = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder pb =
          new ProcessBuilder(
              java,
              "-XX:+UseSerialGC",
              "-Xmx512m",
              "-XX:TieredStopAtLevel=1",
              "-jar",
              Path.of("target", appDir, "quarkus-run.jar").toAbsolutePath().toString());
      Map<String, String> environment = new HashMap<>();
      environment.put("HOPSO_DATA_DIR", dataDir.toString());
      environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
      environment.put("HOPSO_ADMIN_PASSWORD", ADMIN_PASSWORD);
      environment.putAll(env);
      pb.environment().putAll(environment);
      pb.redirectErrorStream(true);
      pb.redirectOutput(logs.resolve(name + ".log").toFile());
      PackagedApp app = new PackagedApp(name, port, dataDir, pb.start());
      app.awaitReady(Duration.ofSeconds(120));
      return app;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** True once /q/health/ready answers 200. */
  public boolean ready() {
    try {
      HttpResponse<Void> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void awaitReady(Duration limit) {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited; see target/it-logs/" + name + ".log");
      }
      if (ready()) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    close();
    throw new IllegalStateException(name + " not ready within " + limit);
  }

  /** Ends the process at once, like {@code kill -9}. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
