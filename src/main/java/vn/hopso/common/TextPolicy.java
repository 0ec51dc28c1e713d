package vn.hopso.common;

/**
 * What text HopSo accepts anywhere (JSON strings, query and path parameters, CSV cells): any
 * Unicode text except control characters other than tab, line feed and carriage return, and except
 * unpaired surrogates (which no database encoding can store).
 */
public final class TextPolicy {
  private TextPolicy() {}

  public static boolean acceptable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20) {
        if (c != '\t' && c != '\n' && c != '\r') {
          return false;
        }
      } else if (c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        return false;
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
        return false;
      }
    }
    return true;
  }
}
