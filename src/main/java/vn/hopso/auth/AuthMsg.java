package vn.hopso.auth;

import vn.hopso.common.Msg;

/** Messages of sign-in and sessions. */
public enum AuthMsg implements Msg {
  WRONG_CREDENTIALS(
      "auth.wrong-credentials",
      "Tên đăng nhập hoặc mật khẩu không đúng",
      "Wrong username or password"),
  THROTTLED(
      "auth.throttled",
      "Quá nhiều lần thử; hãy thử lại sau {seconds} giây",
      "Too many failed attempts; try again in {seconds} s"),
  NO_REFRESH(
      "auth.no-refresh",
      "Không có phiên làm việc để gia hạn; hãy đăng nhập",
      "No session to renew; sign in"),
  SESSION_ENDED(
      "auth.session-ended",
      "Phiên làm việc đã kết thúc; hãy đăng nhập lại",
      "Session ended; sign in again"),
  NOT_SIGNED_IN("auth.not-signed-in", "Bạn chưa đăng nhập", "Not signed in"),
  WRONG_PASSWORD("auth.wrong-password", "mật khẩu hiện tại không đúng", "wrong password"),
  UNKNOWN_ACCOUNT("auth.unknown-account", "Tài khoản không còn tồn tại", "Unknown account"),
  ;

  private final String code;
  private final String vi;
  private final String en;

  AuthMsg(String code, String vi, String en) {
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
