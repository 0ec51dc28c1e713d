package vn.hopso.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real S3 server for tests: S3Proxy (copied to target/s3proxy by the build) in its own JVM on a
 * free loopback port, storing into a temporary folder.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String ACCESS_KEY = "hopso-test";
  public static final String SECRET_KEY = "hopso-test-secret-key";

  private final Process process;
  private final int port;

  public S3ProxyServer() {
    try {
      Path jar = Path.of("target/s3proxy/s3proxy.jar");
      if (!Files.exists(jar)) {
        throw new IllegalStateException("S3Proxy not found at " + jar + " (run through Maven)");
      }
      port = freePort();
      Path dir = Files.createTempDirectory("s3proxy-");
      Path props = dir.resolve("s3proxy.properties");
      Files.writeString(
          props,
          String.join(
              "\n",
              "s3proxy.endpoint=http://127.0.0.1:" + port,
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + ACCESS_KEY,
              "s3proxy.credential=" + SECRET_KEY,
              "jclouds.provider=filesystem",
              "jclouds.filesystem.basedir=" + dir.resolve("blobs"),
              "jclouds.identity=" + ACCESS_KEY,
              "jclouds.credential=" + SECRET_KEY,
              ""));
      Files.createDirectories(dir.resolve("blobs"));
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      process =
          new ProcessBuilder(
                  java, "-Xmx256m", "-jar", jar.toString(), "--properties", props.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("s3proxy.log").toFile())
              .start();
      awaitPort(Duration.ofSeconds(60));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitPort(Duration timeout) {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited with " + process.exitValue());
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    close();
    throw new IllegalStateException("S3Proxy did not start within " + timeout);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
