package vn.hopso.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** bcrypt hashing and checking. */
@ApplicationScoped
public class Passwords {
  /** Checked when the account does not exist, so both cases take the same time. */
  private static final class Dummy {
    static final String HASH = BcryptUtil.bcryptHash("no-such-account", 10);
  }

  @Inject AuthConfig config;

  public String hash(String password) {
    return BcryptUtil.bcryptHash(password, config.bcryptCost());
  }

  /** True when {@code password} matches {@code hash}; a null hash never matches. */
  public boolean matches(String password, String hash) {
    boolean dummy = hash == null;
    boolean ok = check(password == null ? "" : password, dummy ? Dummy.HASH : hash);
    return ok && !dummy;
  }

  private static boolean check(String password, String hash) {
    try {
      return BcryptUtil.matches(password, hash);
    } catch (RuntimeException e) { // a corrupt stored hash must not become a 500
      return false;
    }
  }
}
