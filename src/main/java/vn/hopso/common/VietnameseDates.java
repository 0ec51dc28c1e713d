package vn.hopso.common;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Dates and times the Vietnamese way, in Vietnam's time zone: "Thứ Hai, 23/11/2026, 08:00". */
public final class VietnameseDates {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private VietnameseDates() {}

  public static String weekday(DayOfWeek day) {
    return switch (day) {
      case MONDAY -> "Thứ Hai";
      case TUESDAY -> "Thứ Ba";
      case WEDNESDAY -> "Thứ Tư";
      case THURSDAY -> "Thứ Năm";
      case FRIDAY -> "Thứ Sáu";
      case SATURDAY -> "Thứ Bảy";
      case SUNDAY -> "Chủ Nhật";
    };
  }

  /** "Thứ Hai, 23/11/2026, 08:00 – 11:30" (the end date is added when it is another day). */
  public static String range(Instant start, Instant end) {
    ZonedDateTime s = start.atZone(ClockProducer.VIETNAM);
    ZonedDateTime e = end.atZone(ClockProducer.VIETNAM);
    String text = weekday(s.getDayOfWeek()) + ", " + DATE.format(s) + ", " + TIME.format(s) + " – ";
    if (!s.toLocalDate().equals(e.toLocalDate())) {
      text += weekday(e.getDayOfWeek()) + ", " + DATE.format(e) + ", ";
    }
    return text + TIME.format(e);
  }

  /** "08:00 23/11/2026": short form for SMS. */
  public static String shortDateTime(Instant at) {
    ZonedDateTime z = at.atZone(ClockProducer.VIETNAM);
    return TIME.format(z) + " " + DATE.format(z);
  }
}
