package vn.hopso.common;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The languages HopSo answers in: Vietnamese first, English on request ({@code Accept-Language}).
 */
public enum Lang {
  VI,
  EN;

  private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z0-9_]+)}");

  /**
   * The language an {@code Accept-Language} header asks for: the first of vi/en in the client's
   * order of preference (q-values honoured), Vietnamese when neither or no header is given.
   */
  public static Lang fromHeader(String header) {
    if (header == null || header.isBlank() || header.length() > 500) {
      return VI;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        if (range.getWeight() <= 0) {
          continue;
        }
        String tag = range.getRange().toLowerCase(Locale.ROOT);
        if (tag.equals("vi") || tag.startsWith("vi-")) {
          return VI;
        }
        if (tag.equals("en") || tag.startsWith("en-")) {
          return EN;
        }
      }
    } catch (IllegalArgumentException e) {
      return VI;
    }
    return VI;
  }

  /** Fills a message's template in this language; parameters may themselves be localized. */
  public String render(Localized message, Map<String, ?> params) {
    String template = message.in(this);
    if (params == null || params.isEmpty() || template.indexOf('{') < 0) {
      return template;
    }
    Matcher m = PARAM.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = params.get(m.group(1));
      String text =
          value == null
              ? m.group()
              : value instanceof Localized l ? l.in(this) : String.valueOf(value);
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
