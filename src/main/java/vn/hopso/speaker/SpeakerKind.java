package vn.hopso.speaker;

import vn.hopso.common.Localized;

/** Why someone asks for the floor. A point of order goes to the top of the queue. */
public enum SpeakerKind implements Localized {
  CONTRIBUTION("phát biểu ý kiến", "contribution"),
  QUESTION("đặt câu hỏi", "question"),
  REPLY("trả lời, giải trình", "reply"),
  POINT_OF_ORDER("kiến nghị về thủ tục", "point of order");

  private final String vi;
  private final String en;

  SpeakerKind(String vi, String en) {
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
