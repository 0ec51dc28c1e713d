package vn.hopso.agenda;

import vn.hopso.common.Localized;

/** Where an agenda item stands in the running session. */
public enum ItemState implements Localized {
  PENDING("chưa thảo luận", "pending"),
  CURRENT("đang thảo luận", "current"),
  DONE("đã xong", "done"),
  DEFERRED("hoãn lại", "deferred");

  private final String vi;
  private final String en;

  ItemState(String vi, String en) {
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
