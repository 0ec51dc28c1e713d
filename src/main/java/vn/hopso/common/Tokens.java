package vn.hopso.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets and their hashes (secrets are stored hashed, never as such). */
public final class Tokens {
  /**
   * One generator per thread: a shared SecureRandom serialises its callers (NativePRNG reads under
   * one global lock), which queued hundreds of live tickets issued in the same second behind each
   * other. Each thread's DRBG (NIST SP 800-90A, seeded from the system's entropy) is independent.
   */
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(Tokens::newGenerator);

  private static SecureRandom newGenerator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  private Tokens() {}

  /** 256 random bits, URL-safe. */
  public static String random() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
  }

  /** {@code n} random bytes from this thread's generator. */
  public static byte[] bytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.get().nextBytes(bytes);
    return bytes;
  }

  /** Lower-case hex SHA-256 of the UTF-8 text. */
  public static String sha256(String value) {
    return sha256(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Lower-case hex SHA-256 of the bytes. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
