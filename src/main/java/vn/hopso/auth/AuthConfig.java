package vn.hopso.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "hopso.auth")
public interface AuthConfig {
  /** Lifetime of an access token; short, since a stolen one cannot be recalled by its holder. */
  @WithDefault("PT15M")
  Duration accessTokenTtl();

  /** A refresh token not used for this long expires; each refresh starts it again. */
  @WithDefault("PT12H")
  Duration refreshTokenTtl();

  /** No session lives longer than this, however often it is refreshed. */
  @WithDefault("P7D")
  Duration sessionMaxAge();

  /**
   * HMAC key (base64, at least 32 bytes) for access tokens. Unset: a key is generated once and kept
   * in the database, so every instance on the same database shares it.
   */
  Optional<String> signingKey();

  /** Mark the refresh cookie Secure (serve HopSo over HTTPS in production). */
  @WithDefault("false")
  boolean secureCookie();

  /**
   * Former name of {@code hopso.passwords.bcrypt-cost}: still accepted (application.properties
   * passes it on), so that configurations written before the rename keep starting.
   */
  @Deprecated
  Optional<Integer> bcryptCost();

  /** Former name of {@code hopso.passwords.min-length}, accepted as {@link #bcryptCost()} is. */
  @Deprecated
  Optional<Integer> minPasswordLength();

  Throttle throttle();

  interface Throttle {
    /** Failures counted within this window; older ones are forgotten. */
    @WithDefault("PT15M")
    Duration window();

    /** From this many failures on, each retry must wait longer (1 s, 2 s, 4 s … up to 60 s). */
    @WithDefault("3")
    int slowAfter();

    /** Failures for one account before it is refused for {@link #lockFor()}. */
    @WithDefault("10")
    int lockAfterPerAccount();

    /** Failures from one address before it is refused for {@link #lockFor()}. */
    @WithDefault("30")
    int lockAfterPerAddress();

    @WithDefault("PT15M")
    Duration lockFor();
  }
}
