package vn.hopso.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC key for access tokens: from configuration if given, else generated on the first start
 * and kept in the database so every instance (and every restart) uses the same key.
 */
@ApplicationScoped
public class SigningKeyStore {
  static final String NAME = "access-token-hmac";
  private static final int MIN_BYTES = 32;

  @Inject AuthConfig config;
  private volatile byte[] key;

  /**
   * Loaded at start, before the first request: a request that carries a token is authenticated on
   * an I/O thread, where the database must not be queried.
   */
  void onStart(@Observes StartupEvent event) {
    key();
  }

  public byte[] key() {
    byte[] k = key;
    if (k == null) {
      synchronized (this) {
        if (key == null) {
          key = load();
        }
        k = key;
      }
    }
    return k;
  }

  private byte[] load() {
    if (config.signingKey().isPresent()) {
      byte[] configured = Base64.getDecoder().decode(config.signingKey().get().trim());
      if (configured.length < MIN_BYTES) {
        throw new IllegalStateException("hopso.auth.signing-key must be at least 32 bytes");
      }
      return configured;
    }
    String stored = QuarkusTransaction.requiringNew().call(() -> storedOrNew());
    return Base64.getDecoder().decode(stored);
  }

  private String storedOrNew() {
    AppSecret existing = AppSecret.findById(NAME);
    if (existing != null) {
      return existing.value;
    }
    byte[] fresh = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(fresh);
    AppSecret secret = new AppSecret();
    secret.name = NAME;
    secret.value = Base64.getEncoder().encodeToString(fresh);
    secret.persist();
    return secret.value;
  }
}
