package vn.hopso.vote;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.hopso.common.Tokens;

/**
 * Receipt codes: the first 50 bits of HMAC-SHA256(poll key, ballot id made by the client), written
 * in 10 characters of an alphabet without look-alikes (no 0/O, 1/I/L), grouped "K7Q2-M9XD-3T" to be
 * read aloud or compared on paper. Only the client knows its ballot id, so the server can recompute
 * a receipt when the same ballot is sent again but cannot find it from the voter.
 */
final class Receipts {
  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

  /** One HMAC engine per thread: getting a new one per ballot cost measurable CPU. */
  private static final ThreadLocal<Mac> HMAC =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException(e);
            }
          });

  private Receipts() {}

  static String newKey() {
    return Base64.getEncoder().encodeToString(Tokens.bytes(32));
  }

  static String receipt(String key, UUID ballotId) {
    byte[] mac;
    try {
      Mac hmac = HMAC.get();
      hmac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
      mac = hmac.doFinal(ballotId.toString().getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (mac[i] & 0xff);
    }
    StringBuilder s = new StringBuilder(12);
    for (int i = 0; i < 10; i++) {
      if (i == 4 || i == 8) {
        s.append('-');
      }
      s.append(ALPHABET[(int) Long.remainderUnsigned(bits, ALPHABET.length)]);
      bits = Long.divideUnsigned(bits, ALPHABET.length);
    }
    return s.toString();
  }

  /** What poll_voter keeps of a ballot id: its hash, from which nothing else follows. */
  static String hash(UUID ballotId) {
    return Tokens.sha256("ballot:" + ballotId);
  }
}
