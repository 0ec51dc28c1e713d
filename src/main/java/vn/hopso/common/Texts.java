package vn.hopso.common;

/** Small text helpers for input cleaning. */
public final class Texts {
  private Texts() {}

  /** Null for null or blank text, else the text without surrounding white space. */
  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
