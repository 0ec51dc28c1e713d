package vn.hopso.minutes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Entities;
import vn.hopso.agenda.AgendaItem;
import vn.hopso.common.ClockProducer;
import vn.hopso.document.Document;
import vn.hopso.meeting.Attendance;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingEndpoint;
import vn.hopso.meeting.MeetingService;
import vn.hopso.meeting.Participant;
import vn.hopso.org.Person;
import vn.hopso.speaker.SpeakerRequest;
import vn.hopso.speaker.SpeakerState;
import vn.hopso.vote.PollService;
import vn.hopso.vote.PollState;
import vn.hopso.vote.PollViews;
import vn.hopso.vote.PollViews.PollView;

/**
 * Drafts the minutes' text from the record of the session: time and place, who attended (in the
 * room, online, excused, absent, with counts, and the rooms), then for each agenda item its
 * presenter, its documents, the speakers in order with their times, each poll with its rule,
 * figures and decision, and the conclusions. The secretary edits the result; what only a person can
 * write (what each speaker said) is left as a marked gap.
 */
@ApplicationScoped
public class MinutesDrafter {
  static final String GAP = "[…]";

  /** Upper case for the document's heading (Vietnamese has no special rules, but say so). */
  static final java.util.Locale VI = java.util.Locale.forLanguageTag("vi");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH'h'mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Inject PollService polls;

  /** The body (rich text in the allow-list of {@link MinutesHtml}). */
  public String body(Meeting m, Instant endedAt) {
    StringBuilder h = new StringBuilder();
    Instant started = m.sessionStartedAt != null ? m.sessionStartedAt : m.startsAt;
    Instant ended = endedAt != null ? endedAt : m.endsAt;

    h.append("<h2>I. THỜI GIAN, ĐỊA ĐIỂM</h2>");
    p(
        h,
        "<strong>Thời gian:</strong> bắt đầu lúc "
            + time(started)
            + " ngày "
            + date(started)
            + ", kết thúc lúc "
            + time(ended)
            + " ngày "
            + date(ended)
            + ".");
    List<MeetingEndpoint> rooms =
        MeetingEndpoint.list(
            "from MeetingEndpoint r join fetch r.endpoint e where r.meeting = ?1", m);
    String form =
        rooms.isEmpty()
            ? "trực tiếp"
            : "trực tiếp kết hợp trực tuyến với " + rooms.size() + " điểm cầu";
    p(
        h,
        "<strong>Địa điểm:</strong> "
            + esc(blank(m.place) ? GAP : m.place)
            + "; hình thức: "
            + form
            + ".");

    h.append("<h2>II. THÀNH PHẦN THAM DỰ</h2>");
    p(h, "<strong>Chủ tọa:</strong> " + person(m.chair) + ".");
    if (m.secretary != null) {
      p(h, "<strong>Thư ký:</strong> " + person(m.secretary) + ".");
    }
    List<Participant> all = new ArrayList<>(MeetingService.participants(m));
    all.sort(Comparator.comparing(pt -> pt.person.sortKey == null ? "" : pt.person.sortKey));
    Map<Attendance, List<Participant>> by = new LinkedHashMap<>();
    for (Attendance a : Attendance.values()) {
      by.put(a, new ArrayList<>());
    }
    all.forEach(pt -> by.get(pt.attendance).add(pt));
    int present =
        by.get(Attendance.PRESENT_IN_ROOM).size() + by.get(Attendance.PRESENT_ONLINE).size();
    p(
        h,
        "Tổng số thành phần được mời: "
            + all.size()
            + "; có mặt: "
            + present
            + " (tại hội trường "
            + by.get(Attendance.PRESENT_IN_ROOM).size()
            + ", trực tuyến "
            + by.get(Attendance.PRESENT_ONLINE).size()
            + "); vắng có lý do: "
            + by.get(Attendance.EXCUSED).size()
            + "; vắng không có lý do: "
            + by.get(Attendance.ABSENT).size()
            + (by.get(Attendance.UNKNOWN).isEmpty()
                ? ""
                : "; chưa ghi nhận: " + by.get(Attendance.UNKNOWN).size())
            + ".");
    list(h, "Có mặt tại hội trường", by.get(Attendance.PRESENT_IN_ROOM), false);
    list(h, "Dự trực tuyến", by.get(Attendance.PRESENT_ONLINE), true);
    list(h, "Vắng có lý do", by.get(Attendance.EXCUSED), false);
    list(h, "Vắng không có lý do", by.get(Attendance.ABSENT), false);
    if (!rooms.isEmpty()) {
      String names =
          rooms.stream()
              .map(r -> r.endpoint)
              .sorted(Comparator.comparing(e -> e.sortKey == null ? "" : e.sortKey))
              .map(e -> esc(e.name) + (r(e.room)))
              .collect(Collectors.joining("; "));
      p(h, "<strong>Các điểm cầu (" + rooms.size() + "):</strong> " + names + ".");
    }

    h.append("<h2>III. NỘI DUNG</h2>");
    List<AgendaItem> items = AgendaItem.list("meeting = ?1 order by position, id", m);
    List<Document> documents =
        Document.list("meeting = ?1 and withdrawnAt is null order by position, id", m);
    List<SpeakerRequest> speeches =
        SpeakerRequest.list(
            "meeting = ?1 and state = ?2 order by startedAt, id", m, SpeakerState.DONE);
    List<PollView> results =
        polls.list(m.id).stream()
            .filter(pv -> pv.state() == PollState.PUBLISHED || pv.state() == PollState.CLOSED)
            .sorted(Comparator.comparing(pv -> pv.closedAt() == null ? Instant.MAX : pv.closedAt()))
            .toList();
    List<Conclusion> conclusions = Conclusion.list("meeting = ?1 order by position, id", m);
    Map<Long, String> numbers = numbers(items);
    for (AgendaItem item : ordered(items)) {
      Long id = item.id;
      h.append("<h3>").append(numbers.get(id)).append(' ').append(esc(item.title)).append("</h3>");
      String presenter =
          item.presenter != null
              ? person(item.presenter)
              : blank(item.presenterName) ? null : esc(item.presenterName);
      if (presenter != null) {
        p(h, "<strong>Trình bày:</strong> " + presenter + ".");
      }
      List<Document> docs =
          documents.stream().filter(d -> d.item != null && id.equals(d.item.id)).toList();
      if (!docs.isEmpty()) {
        p(
            h,
            "<strong>Tài liệu:</strong> "
                + docs.stream().map(d -> esc(d.title)).collect(Collectors.joining("; "))
                + ".");
      }
      speeches(h, speeches.stream().filter(s -> s.item != null && id.equals(s.item.id)).toList());
      votes(h, results.stream().filter(pv -> id.equals(pv.itemId())).toList());
      conclusions(
          h, conclusions.stream().filter(c -> c.item != null && id.equals(c.item.id)).toList());
    }
    List<SpeakerRequest> loose = speeches.stream().filter(s -> s.item == null).toList();
    List<PollView> looseVotes = results.stream().filter(pv -> pv.itemId() == null).toList();
    if (!loose.isEmpty() || !looseVotes.isEmpty()) {
      h.append("<h3>Nội dung khác</h3>");
      speeches(h, loose);
      votes(h, looseVotes);
    }
    h.append("<h2>IV. KẾT LUẬN</h2>");
    List<Conclusion> general = conclusions.stream().filter(c -> c.item == null).toList();
    if (general.isEmpty()) {
      p(h, GAP);
    } else {
      h.append("<ol>");
      general.forEach(c -> h.append("<li>").append(esc(c.text)).append("</li>"));
      h.append("</ol>");
    }
    p(
        h,
        "Cuộc họp kết thúc lúc "
            + time(ended)
            + " ngày "
            + date(ended)
            + ". Biên bản được lập thành … bản, có giá trị như nhau.");
    return MinutesHtml.sanitize(h.toString());
  }

  /** The number and symbol of the next minutes of the host unit this year: "12/BB-VP". */
  public String number(Meeting m, int year) {
    long earlier =
        Minutes.count(
            "kind = ?1 and meeting.hostUnit = ?2 and year(date) = ?3",
            MinutesKind.MINUTES,
            m.hostUnit,
            year);
    String code = m.hostUnit.code == null ? "" : m.hostUnit.code.toUpperCase(MinutesDrafter.VI);
    String symbol = code.replaceAll("[^A-Z0-9Đ]+", "");
    if (symbol.length() > 12) {
      symbol = symbol.substring(0, 12);
    }
    return (earlier + 1) + "/BB" + (symbol.isEmpty() ? "" : "-" + symbol);
  }

  private static void speeches(StringBuilder h, List<SpeakerRequest> done) {
    if (done.isEmpty()) {
      return;
    }
    p(h, "<strong>Ý kiến phát biểu:</strong>");
    h.append("<ol>");
    for (SpeakerRequest s : done) {
      String who =
          s.person != null
              ? person(s.person)
              : s.endpoint != null ? "Điểm cầu " + esc(s.endpoint.name) : "";
      String when =
          s.startedAt == null
              ? ""
              : " ("
                  + time(s.startedAt)
                  + (s.endedAt == null ? "" : "–" + time(s.endedAt) + ", " + minutes(s))
                  + ")";
      h.append("<li><strong>")
          .append(who)
          .append("</strong>")
          .append(when)
          .append(": ")
          .append(GAP)
          .append("</li>");
    }
    h.append("</ol>");
  }

  private static String minutes(SpeakerRequest s) {
    long seconds =
        Math.max(0, Duration.between(s.startedAt, s.endedAt).toSeconds() - s.pausedSeconds);
    return seconds < 60 ? seconds + " giây" : (seconds + 30) / 60 + " phút";
  }

  private static void votes(StringBuilder h, List<PollView> done) {
    for (PollView pv : done) {
      p(
          h,
          "<strong>Biểu quyết"
              + (pv.secret() ? " kín" : "")
              + ":</strong> "
              + esc(pv.title())
              + ". "
              + esc(outcome(pv)));
    }
  }

  /**
   * The poll's rule, figures and decision in one sentence: "Tán thành 27/31 đại biểu có mặt, không
   * tán thành 2, không biểu quyết 2 (cần quá 1/2 tổng số đại biểu: 16). Thông qua."
   */
  static String outcome(PollView pv) {
    PollViews.PollResult r = pv.result();
    if (r == null) {
      return "Chưa có kết quả.";
    }
    String rule = r.rule() == null ? "" : lower(r.rule().text());
    StringBuilder out = new StringBuilder();
    switch (pv.kind()) {
      case YES_NO ->
          out.append("Tán thành ")
              .append(r.yes())
              .append(", không tán thành ")
              .append(r.no())
              .append(", không biểu quyết ")
              .append(r.abstain());
      case ELECTION ->
          out.append(
              r.options().stream()
                  .map(
                      o ->
                          o.label()
                              + " "
                              + o.votes()
                              + " phiếu"
                              + (o.outcome() == PollViews.Outcome.ELECTED ? " (trúng cử)" : ""))
                  .collect(Collectors.joining("; ")));
      case CONFIDENCE ->
          out.append(
              r.options().stream()
                  .map(
                      o ->
                          o.label()
                              + ": tín nhiệm cao "
                              + o.high()
                              + ", tín nhiệm "
                              + o.medium()
                              + ", tín nhiệm thấp "
                              + o.low())
                  .collect(Collectors.joining("; ")));
    }
    out.append(" (")
        .append(r.cast())
        .append(" phiếu trên ")
        .append(r.members())
        .append(" người có quyền biểu quyết, ")
        .append(r.present())
        .append(" có mặt");
    if (!rule.isEmpty()) {
      out.append("; cần ").append(rule).append(": ").append(r.required());
    }
    out.append("). ");
    String text = r.text() == null ? "" : r.text().strip();
    out.append(text.isEmpty() ? "" : text + (text.endsWith(".") ? "" : "."));
    if (r.decidedByChair()) {
      out.append(" Số phiếu ngang nhau, quyết định theo ý kiến của chủ tọa.");
    }
    return out.toString().strip();
  }

  private static String lower(String s) {
    return s == null || s.isEmpty() ? "" : s.substring(0, 1).toLowerCase(VI) + s.substring(1);
  }

  private static void conclusions(StringBuilder h, List<Conclusion> cs) {
    if (cs.isEmpty()) {
      p(h, "<strong>Kết luận:</strong> " + GAP);
      return;
    }
    p(h, "<strong>Kết luận:</strong>");
    h.append("<ul>");
    cs.forEach(c -> h.append("<li>").append(esc(c.text)).append("</li>"));
    h.append("</ul>");
  }

  private static void list(StringBuilder h, String label, List<Participant> ps, boolean room) {
    if (ps.isEmpty()) {
      return;
    }
    String names =
        ps.stream()
            .map(
                pt ->
                    person(pt.person)
                        + (room && pt.attendanceEndpoint != null
                            ? " (" + esc(pt.attendanceEndpoint.name) + ")"
                            : "")
                        + (!blank(pt.attendanceReason) ? " – " + esc(pt.attendanceReason) : ""))
            .collect(Collectors.joining("; "));
    p(h, "<em>" + label + " (" + ps.size() + "):</em> " + names + ".");
  }

  /** "1.", "1.1." for nested items, in the agenda's order. */
  private static Map<Long, String> numbers(List<AgendaItem> items) {
    Map<Long, String> out = new LinkedHashMap<>();
    int top = 0;
    Map<Long, Integer> children = new LinkedHashMap<>();
    for (AgendaItem i : ordered(items)) {
      if (i.parent == null) {
        out.put(i.id, ++top + ".");
      } else {
        int n = children.merge(i.parent.id, 1, Integer::sum);
        out.put(i.id, out.getOrDefault(i.parent.id, "") + n + ".");
      }
    }
    return out;
  }

  /** Parents before their children, each level by position. */
  private static List<AgendaItem> ordered(List<AgendaItem> items) {
    List<AgendaItem> out = new ArrayList<>();
    add(out, items, null);
    return out;
  }

  private static void add(List<AgendaItem> out, List<AgendaItem> all, AgendaItem parent) {
    for (AgendaItem i : all) {
      boolean child =
          parent == null ? i.parent == null : i.parent != null && parent.id.equals(i.parent.id);
      if (child) {
        out.add(i);
        add(out, all, i);
      }
    }
  }

  private static String person(Person p) {
    if (p == null) {
      return GAP;
    }
    return esc(p.fullName) + (blank(p.position) ? "" : ", " + esc(p.position));
  }

  private static String r(String room) {
    return blank(room) ? "" : " – " + esc(room);
  }

  private static void p(StringBuilder h, String inner) {
    h.append("<p>").append(inner).append("</p>");
  }

  static String time(Instant at) {
    return ZonedDateTime.ofInstant(at, ClockProducer.VIETNAM).format(TIME);
  }

  static String date(Instant at) {
    return ZonedDateTime.ofInstant(at, ClockProducer.VIETNAM).format(DATE);
  }

  private static String esc(String s) {
    return s == null ? "" : Entities.escape(s);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
