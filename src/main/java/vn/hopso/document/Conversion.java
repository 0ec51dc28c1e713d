package vn.hopso.document;

import vn.hopso.common.Localized;

/** How a version's readable PDF came about. */
public enum Conversion implements Localized {
  NOT_NEEDED("tệp PDF gốc", "the original PDF"),
  CONVERTED("đã chuyển sang PDF", "converted to PDF"),
  UNAVAILABLE(
      "máy chủ chưa cài LibreOffice nên chưa chuyển được sang PDF; đại biểu tải bản gốc",
      "LibreOffice is not installed on the server, so no PDF was made; readers get the original"),
  FAILED(
      "không chuyển được sang PDF; đại biểu tải bản gốc",
      "could not be converted to PDF; readers get the original");

  private final String vi;
  private final String en;

  Conversion(String vi, String en) {
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
