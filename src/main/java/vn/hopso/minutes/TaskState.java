package vn.hopso.minutes;

import vn.hopso.common.Localized;

/**
 * A task's life: OPEN → IN_PROGRESS (progress reported) → REPORTED (the responsible side says it is
 * done) → DONE (the issuer accepted) or back to IN_PROGRESS (returned). CANCELLED by the issuer.
 */
public enum TaskState implements Localized {
  OPEN("mới giao", "open"),
  IN_PROGRESS("đang thực hiện", "in progress"),
  REPORTED("đã báo cáo hoàn thành", "reported done"),
  DONE("hoàn thành", "done"),
  CANCELLED("đã hủy", "cancelled");

  private final String vi;
  private final String en;

  TaskState(String vi, String en) {
    this.vi = vi;
    this.en = en;
  }

  /** Still to be done by the responsible side (counts as overdue past its deadline). */
  public boolean open() {
    return this == OPEN || this == IN_PROGRESS || this == REPORTED;
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
