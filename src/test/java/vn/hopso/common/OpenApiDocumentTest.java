package vn.hopso.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    JsonNode snapshot = json.readTree(Files.readString(SNAPSHOT));
    assertEquals(
        snapshot,
        live,
        "frontend/openapi.json is not the server's API any more: run ./hopso openapi (or copy"
            + " target/openapi.json there), rebuild the web app and commit both");
  }
}
