package vn.hopso.org;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hopso.common.ApiException;

/** Passwords of accounts: the strength rule, bcrypt hashing and checking. */
@ApplicationScoped
public class Passwords {
  /** Checked when the account does not exist, so both cases take the same time. */
  private static final class Dummy {
    static final String HASH = BcryptUtil.bcryptHash("no-such-account", 10);
  }

  @ConfigProperty(name = "hopso.passwords.bcrypt-cost", defaultValue = "10")
  int bcryptCost;

  @ConfigProperty(name = "hopso.passwords.min-length", defaultValue = "12")
  int minLength;

  public String hash(String password) {
    return BcryptUtil.bcryptHash(password, bcryptCost);
  }

  /** True when {@code password} matches {@code hash}; a null hash never matches. */
  public boolean matches(String password, String hash) {
    boolean dummy = hash == null;
    boolean ok = check(password == null ? "" : password, dummy ? Dummy.HASH : hash);
    return ok && !dummy;
  }

  /** Throws a field error naming {@code field} when the password is too weak. */
  public void checkStrength(String field, String password) {
    if (password == null || password.length() < minLength) {
      throw ApiException.invalid(field, OrgMsg.PASSWORD_SHORT, "min", minLength);
    }
    if (password.isBlank()) {
      throw ApiException.invalid(field, OrgMsg.PASSWORD_BLANK);
    }
  }

  private static boolean check(String password, String hash) {
    try {
      return BcryptUtil.matches(password, hash);
    } catch (RuntimeException e) { // a corrupt stored hash must not become a 500
      return false;
    }
  }
}
