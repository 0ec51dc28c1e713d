package vn.hopso.notify;

import vn.hopso.common.Msg;

/** Messages of notifications and deliveries. */
public enum NotifyMsg implements Msg {
  NOTIFICATION("noun.notification", "thông báo", "notification"),
  MESSAGE("noun.message", "thư/tin nhắn", "message"),
  ONLY_FAILED(
      "notify.retry-only-failed",
      "Chỉ gửi lại được thư hoặc tin nhắn đã gửi lỗi",
      "Only a failed message can be retried"),
  ;

  private final String code;
  private final String vi;
  private final String en;

  NotifyMsg(String code, String vi, String en) {
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
