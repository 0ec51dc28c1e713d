package vn.hopso.meeting;

import vn.hopso.common.Localized;

/**
 * DRAFT → SCHEDULED → IN_PROGRESS → ENDED → MINUTES_PUBLISHED → ARCHIVED, or CANCELLED. What may be
 * done in each state is decided by {@link MeetingPolicy} (the {@link MeetingOp} table), nowhere
 * else; who may see a meeting in each state by {@link MeetingVisibility}; from which state on
 * participants are told of changes by {@link Meeting#participantsInformed()}.
 */
public enum MeetingStatus implements Localized {
  DRAFT("bản nháp", "a draft"),
  SCHEDULED("đã lên lịch", "scheduled"),
  IN_PROGRESS("đang họp", "in progress"),
  ENDED("đã kết thúc", "ended"),
  MINUTES_PUBLISHED("đã công bố biên bản", "minutes published"),
  ARCHIVED("đã lưu trữ", "archived"),
  CANCELLED("đã hủy", "cancelled");

  private final String vi;
  private final String en;

  MeetingStatus(String vi, String en) {
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
