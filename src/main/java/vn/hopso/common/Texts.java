package vn.hopso.common;

/** Small text helpers for input cleaning. */
public final class Texts {
  private Texts() {}

  /** Null for null or blank text, else the text without surrounding white space. */
  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * The text cut to at most {@code max} characters (with an ellipsis when cut), never splitting a
   * surrogate pair: for columns derived from longer sources.
   */
  public static String fit(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "…";
  }
}
