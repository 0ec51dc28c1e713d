package vn.hopso.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The web app's API types are generated from {@code frontend/openapi.json}; this keeps that file
 * equal to the document the server serves. After an API change run {@code ./hopso openapi} (it
 * reruns this test with {@code -Dhopso.openapi.update=true}, which rewrites the file).
 */
@QuarkusTest
class OpenApiDocumentTest {
  static final Path SNAPSHOT = Path.of("frontend", "openapi.json");

  @Test
  void theWebAppIsBuiltAgainstTheServersOwnDocument() throws Exception {
    String served =
        given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JsonNode live = json.readTree(served);
    String pretty = json.writeValueAsString(live) + "\n";
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "openapi.json"), pretty);
    assertTrue(live.at("/components/schemas/Problem").isObject(), "problem+json is documented");
    assertTrue(
        live.at("/components/schemas/TokenAnswer").isObject(), "the sign-in answer is documented");
    if (Boolean.getBoolean("hopso.openapi.update")) {
      Files.writeString(SNAPSHOT, pretty);
      return;
    }
    String committed = json.writeValueAsString(json.readTree(Files.readString(SNAPSHOT))) + "\n";
    assertTrue(
        committed.equals(pretty),
        () ->
            "frontend/openapi.json is not the server's API any more: run ./hopso openapi (or copy"
                + " target/openapi.json there), rebuild the web app and commit both. First"
                + " difference:\n"
                + firstDifference(committed, pretty));
  }

  /**
   * Two answer or input records of the same simple name in different features (an agenda's and a
   * document's {@code VersionView}) get numbered schema names ("VersionView1") in the order the
   * generator meets them, so the web app's type for one of them can silently become the other's.
   * Every schema name must be a record's own.
   */
  @Test
  void noTwoSchemasShareAName() throws Exception {
    JsonNode schemas =
        new ObjectMapper()
            .readTree(given().get("/q/openapi?format=json").then().extract().asString())
            .at("/components/schemas");
    java.util.List<String> numbered = new java.util.ArrayList<>();
    schemas
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (n.matches(".*[A-Za-z]\\d+")) {
                numbered.add(n);
              }
            });
    assertTrue(
        numbered.isEmpty(),
        () -> "schema names made unique by a number (rename one of the records): " + numbered);
  }

  /** The lines around the first difference, committed (-) against served (+). */
  static String firstDifference(String committed, String served) {
    String[] a = committed.split("\n", -1);
    String[] b = served.split("\n", -1);
    int i = 0;
    while (i < a.length && i < b.length && a[i].equals(b[i])) {
      i++;
    }
    StringBuilder out = new StringBuilder("at line " + (i + 1) + ":\n");
    for (int k = Math.max(0, i - 3); k < i; k++) {
      out.append("  ").append(a[k]).append('\n');
    }
    for (int k = i; k < Math.min(a.length, i + 4); k++) {
      out.append("- ").append(a[k]).append('\n');
    }
    for (int k = i; k < Math.min(b.length, i + 4); k++) {
      out.append("+ ").append(b[k]).append('\n');
    }
    return out.toString();
  }
}
