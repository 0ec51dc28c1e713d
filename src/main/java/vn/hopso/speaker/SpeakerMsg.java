package vn.hopso.speaker;

import vn.hopso.common.Msg;

/** Messages of the speaking queue. */
public enum SpeakerMsg implements Msg {
  REQUEST("noun.speaker-request", "lượt đăng ký phát biểu", "request to speak"),
  QUEUE_CLOSED(
      "speaker.queue-closed",
      "Chủ trì đã đóng danh sách đăng ký phát biểu",
      "The chair has closed the list of speakers"),
  ALREADY_WAITING(
      "speaker.already-waiting",
      "Đã đăng ký phát biểu và đang chờ đến lượt",
      "Already waiting to speak"),
  NOT_WAITING(
      "speaker.not-waiting",
      "Lượt đăng ký này không còn chờ trong danh sách",
      "This request is no longer waiting"),
  NOT_SPEAKING("speaker.not-speaking", "Không có ai đang phát biểu", "Nobody is speaking"),
  QUEUE_EMPTY("speaker.queue-empty", "Danh sách chờ phát biểu đang trống", "Nobody is waiting"),
  NOT_YOURS(
      "speaker.not-yours",
      "Chỉ người đăng ký hoặc chủ trì được rút lượt này",
      "Only the speaker or the chair may withdraw this"),
  WHICH_ROOM(
      "speaker.which-room",
      "hãy chọn điểm cầu mà tài khoản này phụ trách",
      "which room? give the endpoint this account operates"),
  ALREADY_PAUSED("speaker.already-paused", "Phần phát biểu đang tạm dừng", "The speech is paused"),
  NOT_PAUSED("speaker.not-paused", "Phần phát biểu không tạm dừng", "The speech is not paused"),
  ;

  private final String code;
  private final String vi;
  private final String en;

  SpeakerMsg(String code, String vi, String en) {
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
