package vn.hopso.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.MinioClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.hopso.support.S3ProxyServer;

/** Both storage adapters against real back ends: a folder, and S3Proxy through MinIO's client. */
class DocumentStorageTest {
  static S3ProxyServer s3;
  static MinioStorage minio;
  static LocalFolderStorage local;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3ProxyServer();
    MinioClient client =
        MinioClient.builder()
            .endpoint(s3.endpoint())
            .credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)
            .region("us-east-1")
            .build();
    minio = new MinioStorage(client, "hopso-test");
    local = new LocalFolderStorage(Files.createTempDirectory("hopso-docs-"));
  }

  @AfterAll
  static void stop() {
    if (s3 != null) {
      s3.close();
    }
  }

  static Stream<DocumentStorage> storages() {
    return Stream.of(local, minio);
  }

  @ParameterizedTest
  @MethodSource("storages")
  void storesReadsAndDeletes(DocumentStorage storage) throws Exception {
    storage.check();
    byte[] bytes = "Biên bản cuộc họp – Thiệu Hóa".getBytes(StandardCharsets.UTF_8);
    storage.put("meetings/1/doc.txt", new ByteArrayInputStream(bytes), bytes.length, "text/plain");
    assertEquals(bytes.length, storage.size("meetings/1/doc.txt").orElseThrow());
    try (InputStream in = storage.get("meetings/1/doc.txt").orElseThrow()) {
      assertArrayEquals(bytes, in.readAllBytes());
    }
    assertTrue(storage.get("meetings/1/none.txt").isEmpty());
    assertTrue(storage.size("meetings/1/none.txt").isEmpty());
    storage.delete("meetings/1/doc.txt");
    assertTrue(storage.get("meetings/1/doc.txt").isEmpty());
  }

  @Test
  void presignedLinkDownloadsTheBytesWithoutCredentials() throws Exception {
    byte[] bytes = new byte[300_000];
    new java.util.Random(7).nextBytes(bytes);
    minio.put("big.bin", new ByteArrayInputStream(bytes), bytes.length, null);
    String url = minio.presignedGet("big.bin", Duration.ofMinutes(5)).orElseThrow();
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertArrayEquals(bytes, r.body());
    // a tampered link is refused by the server
    HttpResponse<byte[]> forged =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url.replace("big.bin", "other.bin"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(403, forged.statusCode());
  }

  @Test
  void localFolderRefusesKeysOutsideItsRoot() {
    assertThrows(
        IllegalArgumentException.class,
        () -> local.put("../escape.txt", new ByteArrayInputStream(new byte[1]), 1, null));
    assertTrue(local.presignedGet("x", Duration.ofMinutes(1)).isEmpty());
  }
}
