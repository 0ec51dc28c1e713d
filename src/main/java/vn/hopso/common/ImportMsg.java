package vn.hopso.common;

/** Messages of file imports (CSV). */
public enum ImportMsg implements Msg {
  BAD_ROWS(
      "import.bad-rows",
      "Tệp có {count} lỗi; chưa nhập dòng nào",
      "{count} problem(s) found; nothing was imported"),
  UNBALANCED_QUOTE(
      "import.csv.quote", "dấu ngoặc kép (\") chưa được đóng", "a double quote (\") is not closed"),
  UNREADABLE("import.csv.unreadable", "không đọc được dòng này", "this line cannot be read"),
  ;

  private final String code;
  private final String vi;
  private final String en;

  ImportMsg(String code, String vi, String en) {
    this.code = code;
    this.vi = vi;
    this.en = en;
  }

  @Override
  public String code() {
    return code;
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
