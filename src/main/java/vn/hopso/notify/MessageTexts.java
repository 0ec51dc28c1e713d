package vn.hopso.notify;

import java.util.List;
import vn.hopso.common.VietnameseDates;
import vn.hopso.common.VietnameseText;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.Participant;

/** The Vietnamese wording of invitations, updates, cancellations and reminders. */
final class MessageTexts {
  private MessageTexts() {}

  /** What a message announces. */
  enum Kind {
    INVITATION("Giấy mời họp", "Moi hop", "Đồng chí được mời tham dự cuộc họp dưới đây."),
    UPDATE(
        "Thay đổi lịch họp",
        "Thay doi lich hop",
        "Thời gian hoặc địa điểm cuộc họp dưới đây đã thay đổi."),
    CANCELLATION("Hủy cuộc họp", "Huy hop", "Cuộc họp dưới đây đã bị hủy."),
    REMOVED(
        "Thôi mời họp",
        "Thoi moi hop",
        "Đồng chí không còn trong thành phần tham dự cuộc họp dưới đây."),
    REMINDER("Nhắc lịch họp", "Nhac lich hop", "Nhắc đồng chí lịch họp sắp diễn ra."),
    AGENDA(
        "Chương trình họp", "Chuong trinh hop", "Chương trình cuộc họp dưới đây đã được công bố."),
    MINUTES(
        "Biên bản cuộc họp",
        "Bien ban hop",
        "Biên bản cuộc họp dưới đây đã được ký và công bố; đồng chí xem tại HopSo.");

    final String label;
    final String smsLabel;
    final String intro;

    Kind(String label, String smsLabel, String intro) {
      this.label = label;
      this.smsLabel = smsLabel;
      this.intro = intro;
    }
  }

  static String place(Meeting m) {
    if (m.hostEndpoint != null && m.place != null && !m.place.isBlank()) {
      return m.place + " (" + m.hostEndpoint.name + ")";
    }
    if (m.hostEndpoint != null) {
      return m.hostEndpoint.name;
    }
    return m.place == null ? "" : m.place;
  }

  static String link(String publicUrl, Meeting m) {
    return publicUrl.replaceAll("/+$", "") + "/meetings/" + m.id;
  }

  static String subject(Kind kind, Meeting m) {
    return "[HopSo] " + kind.label + ": " + m.title;
  }

  static String title(Kind kind, Meeting m) {
    return kind.label + ": " + m.title;
  }

  /** One-line summary for in-app notifications. */
  static String shortBody(Kind kind, Meeting m, String extra) {
    String text = VietnameseDates.range(m.startsAt, m.endsAt) + " · " + place(m);
    return extra == null ? text : text + " · " + extra;
  }

  static String email(
      Kind kind, Meeting m, Participant p, List<String> agendaLines, String extra, String url) {
    StringBuilder b = new StringBuilder();
    b.append("Kính gửi đồng chí ").append(p.person.fullName).append(",\n\n");
    b.append(kind.intro).append("\n");
    if (extra != null && !extra.isBlank()) {
      b.append(extra).append("\n");
    }
    b.append("\nCuộc họp: ").append(m.title);
    b.append("\nThời gian: ").append(VietnameseDates.range(m.startsAt, m.endsAt));
    b.append("\nĐịa điểm: ").append(place(m));
    b.append("\nChủ trì: ").append(m.chair.fullName);
    if (kind != Kind.CANCELLATION && kind != Kind.REMOVED) {
      b.append("\nĐiểm cầu của đồng chí: ")
          .append(p.endpoint == null ? "Trực tuyến (từ bất kỳ đâu)" : p.endpoint.name);
      if (!agendaLines.isEmpty()) {
        b.append("\n\nChương trình:\n");
        agendaLines.forEach(line -> b.append(line).append('\n'));
      }
      b.append("\nXem chi tiết, tài liệu và xác nhận tham dự: ").append(link(url, m));
    }
    b.append("\n\nTrân trọng,\n")
        .append(m.secretary == null ? "Văn phòng" : m.secretary.fullName)
        .append("\n\n--\nHopSo – Họp số. Thư được gửi tự động, vui lòng không trả lời thư này.\n");
    return b.toString();
  }

  static String sms(String template, boolean strip, Kind kind, Meeting m, String url) {
    String text =
        template
            .replace("{kind}", strip ? kind.smsLabel : kind.label)
            .replace("{title}", m.title)
            .replace("{time}", VietnameseDates.shortDateTime(m.startsAt))
            .replace("{place}", place(m))
            .replace("{link}", link(url, m));
    return strip ? VietnameseText.stripMarks(text) : text;
  }
}
