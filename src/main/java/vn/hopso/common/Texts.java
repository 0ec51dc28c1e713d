package vn.hopso.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Small text helpers for input cleaning. */
public final class Texts {
  private Texts() {}

  /**
   * The bytes as strict UTF-8: malformed sequences, overlong forms and encoded surrogates are
   * refused, never replaced. The one decoder of uploaded bytes (JSON bodies, CSV files).
   */
  public static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** Null for null or blank text, else the text without surrounding white space. */
  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * The text cut to at most {@code max} characters, never splitting a surrogate pair (a pair across
   * the boundary is dropped whole): for columns filled from longer sources. Null stays null.
   */
  public static String cut(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = Math.max(0, max);
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** As {@link #cut}, but ending with an ellipsis when cut (still at most {@code max} chars). */
  public static String fit(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return cut(s, max - 1) + "…";
  }
}
