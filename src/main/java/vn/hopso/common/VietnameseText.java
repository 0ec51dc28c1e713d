package vn.hopso.common;

import java.text.Collator;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese-aware text keys. Search keys fold case and diacritics ("Thiệu Hóa" and "thieu hoa"
 * match, "đ" matches "d"); sort keys are hex-encoded collation keys, so plain (binary) ordering of
 * the stored key in any database gives Vietnamese dictionary order: a ă â b c d đ e ê …, tones
 * after the base letter.
 */
public final class VietnameseText {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<Collator> COLLATOR =
      ThreadLocal.withInitial(
          () -> {
            Collator c = Collator.getInstance(Locale.forLanguageTag("vi"));
            c.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
            c.setStrength(Collator.TERTIARY);
            return c;
          });

  private VietnameseText() {}

  /** Lower case, no diacritics, đ → d, single spaces. Null-safe (null → ""). */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  /** Removes diacritics but keeps case ("Họp số" → "Hop so"), e.g. for SMS. */
  public static String stripMarks(String text) {
    if (text == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
  }

  /** Joins the given parts into one folded search key (each part separated by a space). */
  public static String searchKey(String... parts) {
    StringBuilder sb = new StringBuilder();
    appendFolded(sb, parts);
    return Texts.cut(sb.toString(), Limits.SEARCH_KEY);
  }

  private static void appendFolded(StringBuilder sb, String... parts) {
    for (String part : parts) {
      String folded = fold(part);
      if (!folded.isEmpty()) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(folded);
      }
    }
  }

  /** A key whose binary order is the Vietnamese collation order of {@code text}. */
  public static String sortKey(String text) {
    String clean = text == null ? "" : SPACES.matcher(text.strip()).replaceAll(" ");
    String hex = HEX.formatHex(COLLATOR.get().getCollationKey(clean).toByteArray());
    return hex.length() <= Limits.SORT_KEY / 2 ? hex : hex.substring(0, Limits.SORT_KEY / 2);
  }

  /**
   * Vietnamese people are listed by given name (the last word), then by the rest of the name: "Trần
   * Văn An" comes before "Nguyễn Thị Bình". The given-name key ends with the collator's level
   * separator, so a shorter given name ("An") sorts before a longer one ("Anh").
   */
  public static String personSortKey(String fullName) {
    String clean = fullName == null ? "" : SPACES.matcher(fullName.strip()).replaceAll(" ");
    int lastSpace = clean.lastIndexOf(' ');
    String given = lastSpace < 0 ? clean : clean.substring(lastSpace + 1);
    String rest = lastSpace < 0 ? "" : clean.substring(0, lastSpace);
    return sortKey(given) + sortKey(rest);
  }

  /** The folded words of a search query; each must occur in the search key. */
  public static java.util.List<String> searchWords(String query) {
    String folded = fold(query);
    return folded.isEmpty() ? java.util.List.of() : java.util.List.of(folded.split(" "));
  }

  /** A LIKE pattern ("contains") for one folded word, escaped with {@code !}. */
  public static String likePattern(String word) {
    return "%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
