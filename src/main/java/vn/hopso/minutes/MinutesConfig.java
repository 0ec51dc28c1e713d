package vn.hopso.minutes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "hopso.minutes")
public interface MinutesConfig {
  Signing signing();

  /** An RFC 3161 time-stamping server: every signature made or embedded here gets a timestamp. */
  Optional<String> tsaUrl();

  @WithDefault("10S")
  Duration tsaTimeout();

  /** How long a signature prepared for an outside signer (USB token, remote service) waits. */
  @WithDefault("15M")
  Duration pendingTtl();

  /** Tasks: how long before the deadline the responsible people are reminded. */
  @WithDefault("P2D")
  Duration remindBefore();

  interface Signing {
    /**
     * The organisation's certificate and key as a PKCS#12 file, for signing on the server. When not
     * set, see {@link #demo()}.
     */
    Optional<String> keystore();

    Optional<String> password();

    /** The key's alias in the file (the first key when not set). */
    Optional<String> alias();

    /**
     * Without a keystore: sign on the server with a self-signed demonstration certificate made on
     * the first start ("HopSo demo", of no legal value, and the verification says so). A deployment
     * sets this to false: signing on the server is then offered only with a configured certificate,
     * and signing by hash (USB token, remote service) always.
     */
    @WithDefault("true")
    boolean demo();
  }
}
