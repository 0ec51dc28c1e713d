package vn.hopso.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;

/** RS256: the token is signed with the private key and names its key id for Jitsi's key server. */
@QuarkusTest
@TestProfile(VideoRs256Test.Rs256.class)
class VideoRs256Test {
  static final KeyPair KEYS;
  static final Path PEM;

  static {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      KEYS = g.generateKeyPair();
      PEM = Files.createTempFile("hopso-jitsi", ".pem");
      Files.writeString(
          PEM,
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder().encodeToString(KEYS.getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n");
      PEM.toFile().deleteOnExit();
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  public static class Rs256 implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "hopso.jitsi.secret", "",
          "hopso.jitsi.private-key", PEM.toString(),
          "hopso.jitsi.key-id", "hopso/jitsi-2026");
    }
  }

  @Test
  void theTokenIsSignedWithTheKeyAndNamesItsId() throws Exception {
    {
      Object[] m = VideoTokenTest.meetingInProgress("Khóa Riêng");
      String jwt =
          Api.as((String) m[1])
              .post("/api/meetings/" + m[0] + "/video-token")
              .then()
              .statusCode(200)
              .extract()
              .path("jwt");
      SignedJWT token = SignedJWT.parse(jwt);
      assertEquals(JWSAlgorithm.RS256, token.getHeader().getAlgorithm());
      assertEquals("hopso/jitsi-2026", token.getHeader().getKeyID());
      assertTrue(token.verify(new RSASSAVerifier((RSAPublicKey) KEYS.getPublic())));
      assertEquals("hopso-test", token.getJWTClaimsSet().getIssuer());
    }
  }
}
