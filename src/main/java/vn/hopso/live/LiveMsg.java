package vn.hopso.live;

import vn.hopso.common.Msg;

/** Messages of the live channel. */
public enum LiveMsg implements Msg {
  NO_TICKET(
      "live.no-ticket",
      "Phiên kết nối trực tiếp cần vé mới (vé chỉ dùng một lần, trong 30 giây)",
      "The live connection needs a new ticket (single use, valid 30 seconds)"),
  NOT_ALLOWED(
      "live.not-allowed",
      "Bạn không được theo dõi trực tiếp cuộc họp này",
      "You may not follow this meeting live");

  private final String code;
  private final String vi;
  private final String en;

  LiveMsg(String code, String vi, String en) {
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
