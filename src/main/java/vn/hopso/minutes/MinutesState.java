package vn.hopso.minutes;

import vn.hopso.common.Localized;

/**
 * The minutes' own life: DRAFT (the secretary edits) → APPROVED (the chair approved the text; the
 * PDF is made and no longer changes) → SIGNING (one of the two has signed) → SIGNED (both) →
 * PUBLISHED (never changes again; a correction is a new document). The chair may send an approved
 * text back to DRAFT as long as nobody has signed it.
 */
public enum MinutesState implements Localized {
  DRAFT("dự thảo", "draft"),
  APPROVED("đã duyệt", "approved"),
  SIGNING("đang ký", "being signed"),
  SIGNED("đã ký", "signed"),
  PUBLISHED("đã công bố", "published");

  private final String vi;
  private final String en;

  MinutesState(String vi, String en) {
    this.vi = vi;
    this.en = en;
  }

  @Override
  public String vi() {
    return vi;
  }

  @Override
  public String en() {
    return en;
  }
}
