package vn.hopso.video;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The Jitsi deployment HopSo gives tokens for ({@code HOPSO_JITSI_DOMAIN}, {@code
 * HOPSO_JITSI_APP_ID}, and {@code HOPSO_JITSI_SECRET} for HS256 or {@code HOPSO_JITSI_PRIVATE_KEY}
 * with {@code HOPSO_JITSI_KEY_ID} for RS256). Without a domain and an app id, video is not
 * configured: the token call says so and nothing else changes.
 */
@ConfigMapping(prefix = "hopso.jitsi")
public interface VideoConfig {
  /** The Jitsi Meet host the browsers load external_api.js from ("meet.tinh.gov.vn"). */
  Optional<String> domain();

  /** The token's issuer: Jitsi's app_id (prosody's token authentication). */
  Optional<String> appId();

  /** HS256: Jitsi's app_secret, at least 32 characters. */
  Optional<String> secret();

  /**
   * RS256 instead: the path of a PKCS#8 PEM private key; its public key is on Jitsi's key server.
   */
  Optional<String> privateKey();

  /** RS256: the key id ({@code kid}) Jitsi looks the public key up by. */
  Optional<String> keyId();

  /** The token's audience ({@code aud}); Jitsi accepts "jitsi" unless configured otherwise. */
  @WithDefault("jitsi")
  String audience();

  /**
   * The stage's seats ({@code HOPSO_JITSI_STAGE_MAX}): a meeting that could bring more joiners
   * (participants and invited rooms) joins its other rooms and people as Jitsi visitors. Set it to
   * jicofo's {@code visitors.max-participants} (50 by default).
   */
  @WithDefault("50")
  int stageMax();

  /** How long a token is valid: at most 5 minutes (the client asks again to rejoin). */
  @WithDefault("5m")
  Duration tokenTtl();
}
