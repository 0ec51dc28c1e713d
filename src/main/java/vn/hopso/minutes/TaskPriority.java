package vn.hopso.minutes;

import vn.hopso.common.Localized;

public enum TaskPriority implements Localized {
  LOW("thấp", "low"),
  NORMAL("bình thường", "normal"),
  HIGH("cao", "high"),
  URGENT("khẩn", "urgent");

  private final String vi;
  private final String en;

  TaskPriority(String vi, String en) {
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
