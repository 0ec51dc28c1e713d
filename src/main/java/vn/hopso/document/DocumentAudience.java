package vn.hopso.document;

import vn.hopso.common.Localized;

/** Who may read a document besides the meeting's managers and chair. */
public enum DocumentAudience implements Localized {
  PARTICIPANTS("mọi thành phần tham dự", "every participant"),
  NAMED("chỉ những người được chỉ định", "only the people named");

  private final String vi;
  private final String en;

  DocumentAudience(String vi, String en) {
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
