package vn.hopso.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;
import vn.hopso.support.S3ProxyServer;

/**
 * Documents on a real S3 server (S3Proxy, through the MinIO client): readers download straight from
 * the object store with presigned links that expire and cannot be altered; the bytes match the
 * recorded SHA-256.
 */
@QuarkusTest
@TestProfile(DocumentS3Test.OnS3.class)
class DocumentS3Test {
  /** Links live 3 seconds here, so that the test can see one expire. */
  public static class OnS3 implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(S3.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("hopso.documents.link-ttl", "3S");
    }
  }

  public static class S3 implements QuarkusTestResourceLifecycleManager {
    S3ProxyServer server;

    @Override
    public Map<String, String> start() {
      server = new S3ProxyServer();
      return Map.of(
          "hopso.storage.kind",
          "s3",
          "hopso.storage.s3.endpoint",
          server.endpoint(),
          "hopso.storage.s3.bucket",
          "hopso-docs-test",
          "hopso.storage.s3.access-key",
          S3ProxyServer.ACCESS_KEY,
          "hopso.storage.s3.secret-key",
          S3ProxyServer.SECRET_KEY);
    }

    @Override
    public void stop() {
      if (server != null) {
        server.close();
      }
    }
  }

  static HttpResponse<byte[]> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void presignedLinksServeTheStoredBytesAndNothingElse() throws Exception {
    DocumentFixture f = new DocumentFixture("S3");
    byte[] pdf = TestPdfs.pages(40, "S3 trang");
    long doc = f.uploadPdf(pdf, "Tờ trình S3.pdf");
    JsonPath link =
        Api.as(f.delegate(0).token())
            .body(Map.of("kind", "PDF"))
            .post("/api/documents/" + doc + "/link")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String url = link.getString("url");
    assertTrue(url.startsWith("http://127.0.0.1:"), url);
    assertTrue(url.contains("X-Amz-Signature="), url);
    HttpResponse<byte[]> r = get(url);
    assertEquals(200, r.statusCode());
    assertArrayEquals(pdf, r.body());
    assertEquals(DocumentFixture.sha256(pdf), DocumentFixture.sha256(r.body()));
    assertEquals(link.getString("sha256"), DocumentFixture.sha256(r.body()));
    // a range straight from the object store
    HttpResponse<byte[]> part =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=0-99").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(206, part.statusCode());
    assertEquals(100, part.body().length);

    // tampered: another object under the same signature
    String other = url.replaceFirst("/original\\.pdf\\?", "/thumbnail.png?");
    assertNotEquals(url, other);
    assertEquals(403, get(other).statusCode());
    // one hex digit of the signature changed (to '0', or to '1' where it was '0': the same digit
    // would leave the link as it was, one time in sixteen)
    int digit = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
    String badSignature =
        url.substring(0, digit) + (url.charAt(digit) == '0' ? '1' : '0') + url.substring(digit + 1);
    assertNotEquals(url, badSignature);
    assertEquals(403, get(badSignature).statusCode());

    // a confidential copy goes through the store too
    long secret = f.uploadPdf(TestPdfs.pages(2, "Mat"), "mat.pdf", "confidential", "true");
    JsonPath copy =
        Api.as(f.delegate(1).token())
            .body(Map.of("kind", "PDF"))
            .post("/api/documents/" + secret + "/link")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    HttpResponse<byte[]> c = get(copy.getString("url"));
    assertEquals(200, c.statusCode());
    assertEquals(copy.getString("sha256"), DocumentFixture.sha256(c.body()));

    // expired (links live 3 s in this profile)
    Thread.sleep(4500);
    assertEquals(403, get(url).statusCode());
  }
}
