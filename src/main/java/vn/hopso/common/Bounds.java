package vn.hopso.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The range of every number, date and page that HopSo accepts: anything outside is refused with a
 * 400 naming the field or parameter, so that no arithmetic or formatter downstream overflows.
 */
public final class Bounds {
  private Bounds() {}

  public static final LocalDate MIN_DATE = LocalDate.of(1970, 1, 1);
  public static final LocalDate MAX_DATE = LocalDate.of(2199, 12, 31);
  public static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);
  public static final Instant MAX_INSTANT =
      MAX_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

  /** Page numbers start at 0; size ≤ {@link PageRequest#MAX_SIZE}, so offsets fit an int. */
  public static final int MAX_PAGE = 100_000;

  /** Longest search text. */
  public static final int MAX_QUERY = 200;

  public static boolean saneInstant(Instant t) {
    return !t.isBefore(MIN_INSTANT) && t.isBefore(MAX_INSTANT);
  }

  public static boolean saneDate(LocalDate d) {
    return !d.isBefore(MIN_DATE) && !d.isAfter(MAX_DATE);
  }
}
