package vn.hopso.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.hopso.auth.SigningKeyStore;

/**
 * Links HopSo serves itself ({@code /api/files/{token}}): for the local document folder, which
 * cannot sign links, and for thumbnails. A token names the version, the person it was issued to,
 * which file and until when, and is signed with HMAC-SHA256 under the instance's signing key (so
 * every instance accepts the others' links). Nothing is stored: a link cannot be revoked, so it
 * lives at most {@link #MAX_TTL}.
 */
@ApplicationScoped
public class FileLinks {
  public static final Duration MAX_TTL = Duration.ofMinutes(5);

  /** Which bytes of a version a link serves. */
  public enum What {
    PDF,
    ORIGINAL,
    /** The person's watermarked copy (a confidential document). */
    COPY,
    THUMBNAIL
  }

  public record Claims(
      long versionId, long personId, What what, boolean attachment, Instant expiresAt) {}

  @Inject SigningKeyStore keys;
  @Inject Clock clock;

  public String sign(Claims c) {
    String payload =
        "1."
            + c.versionId()
            + "."
            + c.personId()
            + "."
            + c.what().name()
            + "."
            + (c.attachment() ? 1 : 0)
            + "."
            + c.expiresAt().getEpochSecond();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(payload.getBytes(StandardCharsets.US_ASCII))
        + "."
        + b64.encodeToString(mac(payload));
  }

  /** The claims of a well-formed, untampered, unexpired token; empty for any other. */
  public Optional<Claims> verify(String token) {
    if (token == null || token.length() > 300) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return Optional.empty();
    }
    try {
      Base64.Decoder b64 = Base64.getUrlDecoder();
      String payload = new String(b64.decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
      byte[] given = b64.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(given, mac(payload))) {
        return Optional.empty();
      }
      String[] f = payload.split("\\.");
      if (f.length != 6 || !"1".equals(f[0])) {
        return Optional.empty();
      }
      Instant expires = Instant.ofEpochSecond(Long.parseLong(f[5]));
      if (!clock.instant().isBefore(expires)) {
        return Optional.empty();
      }
      return Optional.of(
          new Claims(
              Long.parseLong(f[1]),
              Long.parseLong(f[2]),
              What.valueOf(f[3]),
              "1".equals(f[4]),
              expires));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.key(), "HmacSHA256"));
      mac.update("hopso-file-link|".getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
