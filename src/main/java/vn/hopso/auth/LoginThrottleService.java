package vn.hopso.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down, then refuses, repeated failed sign-ins per account name and per address. After {@code
 * slowAfter} failures each retry must wait 1 s, 2 s, 4 s … (at most 60 s) after the last failure;
 * after the lock threshold the key is refused for {@code lockFor}.
 */
@ApplicationScoped
public class LoginThrottleService {
  private static final long MAX_DELAY_SECONDS = 60;

  @Inject AuthConfig config;

  static String accountKey(String username) {
    return "u:" + (username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT));
  }

  static String addressKey(String address) {
    return "ip:" + (address == null ? "unknown" : address);
  }

  /**
   * The current password asked when a signed-in person changes theirs: counted apart from the
   * account's sign-ins (a typo there does not slow down signing in), with the same limits.
   */
  static String passwordChangeKey(long personId) {
    return "pw:" + personId;
  }

  /** Seconds the caller must still wait before another attempt with these keys, or 0. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long waitSeconds(Instant now, String... keys) {
    long wait = 0;
    for (String key : keys) {
      LoginThrottle t = LoginThrottle.findById(key);
      if (t != null) {
        // Only an address is not slowed down: many honest people can share one office address.
        wait = Math.max(wait, waitFor(t, now, !key.startsWith("ip:")));
      }
    }
    return wait;
  }

  private long waitFor(LoginThrottle t, Instant now, boolean slowDown) {
    if (t.lockedUntil != null && t.lockedUntil.isAfter(now)) {
      return secondsUntil(now, t.lockedUntil);
    }
    if (!slowDown || t.firstFailureAt.plus(config.throttle().window()).isBefore(now)) {
      return 0;
    }
    int over = t.failures - config.throttle().slowAfter();
    if (over < 0) {
      return 0;
    }
    long delay = Math.min(MAX_DELAY_SECONDS, 1L << Math.min(over, 6));
    Instant next = t.lastFailureAt.plusSeconds(delay);
    return next.isAfter(now) ? secondsUntil(now, next) : 0;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void failed(Instant now, String key, int lockAfter) {
    LoginThrottle t = LoginThrottle.findById(key);
    boolean fresh = t == null;
    if (fresh) {
      t = new LoginThrottle();
      t.key = key;
      t.firstFailureAt = now;
    } else if (t.firstFailureAt.plus(config.throttle().window()).isBefore(now)
        && (t.lockedUntil == null || !t.lockedUntil.isAfter(now))) {
      t.failures = 0;
      t.firstFailureAt = now;
      t.lockedUntil = null;
    }
    t.failures++;
    t.lastFailureAt = now;
    if (t.failures >= lockAfter) {
      t.lockedUntil = now.plus(config.throttle().lockFor());
    }
    if (fresh) {
      t.persist();
    }
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void succeeded(String key) {
    LoginThrottle.deleteById(key);
  }

  private static long secondsUntil(Instant now, Instant then) {
    long ms = Duration.between(now, then).toMillis();
    return Math.max(1, (ms + 999) / 1000);
  }
}
