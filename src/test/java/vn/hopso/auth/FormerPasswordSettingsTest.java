package vn.hopso.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.common.ApiException;
import vn.hopso.org.Passwords;

/**
 * A configuration written before the password settings moved to {@code hopso.passwords.*} still
 * starts, and its {@code hopso.auth.min-password-length} still applies.
 */
@QuarkusTest
@TestProfile(FormerPasswordSettingsTest.FormerNames.class)
class FormerPasswordSettingsTest {
  public static class FormerNames implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("hopso.auth.min-password-length", "20", "hopso.auth.bcrypt-cost", "4");
    }
  }

  @Inject Passwords passwords;

  @Test
  void theFormerMinimumLengthApplies() {
    assertThrows(ApiException.class, () -> passwords.checkStrength("p", "x".repeat(19)));
    assertDoesNotThrow(() -> passwords.checkStrength("p", "x".repeat(20)));
  }
}
