package vn.hopso.org;

import vn.hopso.common.Localized;

/**
 * Levels of the administrative tree. Three-tier provinces have DISTRICT between PROVINCE and
 * COMMUNE; since mid-2025 two-tier provinces hang communes directly under the province.
 */
public enum UnitLevel implements Localized {
  PROVINCE("cấp tỉnh", "province"),
  DISTRICT("cấp huyện", "district"),
  COMMUNE("cấp xã", "commune"),
  AGENCY("cơ quan, sở ngành", "agency"),
  PARTY("tổ chức Đảng", "party body");

  private final String vi;
  private final String en;

  UnitLevel(String vi, String en) {
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
