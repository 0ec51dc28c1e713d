package vn.hopso.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds untranslated English in a Vietnamese text: the words error messages are made of. None of
 * them is a Vietnamese word when written without diacritics ("email" is not listed: Vietnamese uses
 * it as such).
 */
public final class English {
  public static final Set<String> WORDS =
      Set.of(
          "must",
          "not",
          "be",
          "blank",
          "null",
          "empty",
          "the",
          "is",
          "are",
          "was",
          "already",
          "past",
          "invalid",
          "error",
          "required",
          "should",
          "field",
          "value",
          "between",
          "size",
          "meeting",
          "someone",
          "else",
          "changed",
          "please",
          "reload",
          "row",
          "unknown",
          "exception",
          "failed",
          "cannot",
          "only",
          "wrong",
          "expected",
          "missing",
          "characters",
          "most",
          "least",
          "before",
          "after",
          "conflict",
          "request",
          "found",
          "exists",
          "taken",
          "well",
          "formed",
          "address",
          "match",
          "pattern",
          "format",
          "greater",
          "less",
          "than",
          "line",
          "column",
          "unit",
          "code",
          "quote",
          "this");

  private English() {}

  /**
   * The listed English words in {@code text}, in order (the text split on anything not a letter).
   */
  public static List<String> wordsIn(String text) {
    List<String> found = new ArrayList<>();
    for (String word : text.split("[^\\p{L}]+")) {
      if (WORDS.contains(word.toLowerCase(Locale.ROOT))) {
        found.add(word);
      }
    }
    return found;
  }
}
