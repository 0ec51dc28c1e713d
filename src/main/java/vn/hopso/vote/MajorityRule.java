package vn.hopso.vote;

import vn.hopso.common.Lang;

/**
 * The rule a poll is decided by: what the count is compared with (the base), the share of it needed
 * (the threshold, exact fractions: no rounding of percentages), and what a tie does.
 */
public record MajorityRule(
    Base base, Threshold threshold, int numerator, int denominator, boolean strict, Tie tie) {

  /** What the votes are measured against. */
  public enum Base {
    /** Every participant with a voting right ("tổng số đại biểu"). */
    ALL_MEMBERS("tổng số đại biểu", "all voting members"),
    /** Those present at close, in person or through a present proxy holder. */
    PRESENT("số đại biểu có mặt", "members present"),
    /** Every ballot cast, abstentions included. */
    VOTES_CAST("số phiếu biểu quyết", "votes cast"),
    /** Yes and no only: abstentions do not count. */
    YES_NO("số phiếu tán thành và không tán thành", "yes and no votes");

    final String vi;
    final String en;

    Base(String vi, String en) {
      this.vi = vi;
      this.en = en;
    }
  }

  /** The share of the base needed; CUSTOM takes the rule's own fraction. */
  public enum Threshold {
    MORE_THAN_HALF(1, 2, true),
    TWO_THIRDS(2, 3, false),
    THREE_QUARTERS(3, 4, false),
    CUSTOM(0, 0, false);

    final int numerator;
    final int denominator;
    final boolean strict;

    Threshold(int numerator, int denominator, boolean strict) {
      this.numerator = numerator;
      this.denominator = denominator;
      this.strict = strict;
    }
  }

  /** What an even split of yes and no decides when the threshold alone did not. */
  public enum Tie {
    NOT_ADOPTED,
    /** The side the chair voted for wins (named polls only: a secret ballot hides the side). */
    CHAIR_DECIDES
  }

  /** The rule with a standard threshold's own fraction. */
  public static MajorityRule of(Base base, Threshold threshold, Tie tie) {
    return new MajorityRule(
        base, threshold, threshold.numerator, threshold.denominator, threshold.strict, tie);
  }

  /**
   * The smallest count that meets the rule against {@code base}: more than (strict) or at least
   * numerator/denominator of it, and never less than one (nothing is decided by nobody).
   */
  public long required(long base) {
    long scaled = base * numerator;
    long needed = strict ? scaled / denominator + 1 : (scaled + denominator - 1) / denominator;
    return Math.max(1, needed);
  }

  public boolean reached(long count, long base) {
    return count >= required(base);
  }

  /** "Quá 1/2 tổng số đại biểu", "at least 2/3 of votes cast". */
  public String text(Lang lang) {
    boolean vi = lang != Lang.EN;
    String share =
        (strict ? (vi ? "quá " : "more than ") : (vi ? "ít nhất " : "at least "))
            + numerator
            + "/"
            + denominator;
    String text = share + " " + (vi ? base.vi : "of " + base.en);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
