package vn.hopso.meeting;

import static vn.hopso.meeting.MeetingStatus.ARCHIVED;
import static vn.hopso.meeting.MeetingStatus.CANCELLED;
import static vn.hopso.meeting.MeetingStatus.DRAFT;
import static vn.hopso.meeting.MeetingStatus.ENDED;
import static vn.hopso.meeting.MeetingStatus.IN_PROGRESS;
import static vn.hopso.meeting.MeetingStatus.MINUTES_PUBLISHED;
import static vn.hopso.meeting.MeetingStatus.SCHEDULED;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.hopso.common.Localized;

/**
 * Everything that can be done to a meeting, with the states in which it may happen and who may do
 * it. This table is the meeting's state machine: {@link MeetingPolicy} evaluates it for every
 * request and for the capability flags every meeting answer carries, so the server and the web app
 * can never disagree.
 */
public enum MeetingOp implements Localized {
  EDIT("sửa thông tin cuộc họp", "edit the meeting", Who.MANAGER, false, DRAFT, SCHEDULED),
  SCHEDULE("gửi giấy mời", "schedule the meeting", Who.MANAGER, false, DRAFT),
  POSTPONE("hoãn cuộc họp", "postpone the meeting", Who.MANAGER, false, DRAFT, SCHEDULED),
  CANCEL("hủy cuộc họp", "cancel the meeting", Who.MANAGER, false, DRAFT, SCHEDULED),
  START("bắt đầu cuộc họp", "start the meeting", Who.RUNNER, true, SCHEDULED),
  END("kết thúc cuộc họp", "end the meeting", Who.RUNNER, false, IN_PROGRESS),
  PUBLISH_MINUTES("công bố biên bản", "publish the minutes", Who.MANAGER, false, ENDED),
  ARCHIVE("lưu trữ cuộc họp", "archive the meeting", Who.MANAGER, false, MINUTES_PUBLISHED),
  EDIT_PARTICIPANTS(
      "thay đổi thành phần tham dự",
      "change the participants",
      Who.MANAGER,
      false,
      DRAFT,
      SCHEDULED,
      IN_PROGRESS),
  EDIT_ROOMS(
      "thay đổi điểm cầu", "change the rooms", Who.MANAGER, false, DRAFT, SCHEDULED, IN_PROGRESS),
  EDIT_AGENDA(
      "sửa chương trình họp",
      "change the agenda",
      Who.MANAGER,
      false,
      DRAFT,
      SCHEDULED,
      IN_PROGRESS),
  SET_PROXY(
      "ủy quyền biểu quyết",
      "give a proxy",
      Who.VOTER_OR_MANAGER,
      false,
      DRAFT,
      SCHEDULED,
      IN_PROGRESS),
  CHECK_IN("điểm danh", "check in", Who.PARTICIPANT, true, SCHEDULED, IN_PROGRESS),
  MARK_ATTENDANCE(
      "ghi nhận tham dự", "take attendance", Who.MANAGER, false, SCHEDULED, IN_PROGRESS, ENDED),
  REPORT_HEAD_COUNT(
      "báo số người tại điểm cầu",
      "report the room's head count",
      Who.ROOM_OR_MANAGER,
      true,
      SCHEDULED,
      IN_PROGRESS),
  REPLY("trả lời giấy mời", "answer the invitation", Who.PARTICIPANT, false, SCHEDULED),
  /**
   * The quorum's details (who is missing, by name) and who is connected live. Its figures alone
   * (present, required, reached) are announced in the room: every follower's live state and the
   * room's screen carry them.
   */
  VIEW_QUORUM(
      "xem số đại biểu có mặt",
      "see the quorum",
      Who.RUNNER,
      false,
      DRAFT,
      SCHEDULED,
      IN_PROGRESS,
      ENDED,
      MINUTES_PUBLISHED,
      ARCHIVED),
  VIEW_ATTENDANCE_LOG(
      "xem nhật ký điểm danh",
      "see the attendance log",
      Who.RUNNER,
      false,
      SCHEDULED,
      IN_PROGRESS,
      ENDED,
      MINUTES_PUBLISHED,
      ARCHIVED),
  VIEW_DELIVERIES(
      "xem tình trạng gửi thông báo",
      "see the deliveries",
      Who.MANAGER,
      false,
      DRAFT,
      SCHEDULED,
      IN_PROGRESS,
      ENDED,
      MINUTES_PUBLISHED,
      ARCHIVED,
      CANCELLED),
  VIEW_CLASHES("xem trùng lịch", "see the clashes", Who.MANAGER, false, DRAFT, SCHEDULED),
  RUN_SESSION("điều hành phiên họp", "run the session", Who.RUNNER, false, IN_PROGRESS),
  ASK_TO_SPEAK("đăng ký phát biểu", "ask to speak", Who.PARTICIPANT_OR_ROOM, false, IN_PROGRESS),
  FOLLOW_LIVE(
      "theo dõi trực tiếp",
      "follow the meeting live",
      Who.VIEWER,
      false,
      DRAFT,
      SCHEDULED,
      IN_PROGRESS,
      ENDED,
      MINUTES_PUBLISHED,
      ARCHIVED,
      CANCELLED),
  /**
   * Reading the meeting's documents (which ones: {@code document.DocumentRules}). Participants,
   * managers and the chair; a room's device account has none to read.
   */
  READ_DOCUMENTS(
      "đọc tài liệu",
      "read the documents",
      Who.READER,
      false,
      DRAFT,
      SCHEDULED,
      IN_PROGRESS,
      ENDED,
      MINUTES_PUBLISHED,
      ARCHIVED),
  /** Uploading, replacing, withdrawing documents and setting who may read them. */
  MANAGE_DOCUMENTS(
      "quản lý tài liệu",
      "manage the documents",
      Who.MANAGER,
      false,
      DRAFT,
      SCHEDULED,
      IN_PROGRESS,
      ENDED),
  /** Writing one's own highlights, ink and notes (an archived meeting's are kept as they are). */
  ANNOTATE(
      "ghi chú trên tài liệu",
      "annotate the documents",
      Who.READER,
      false,
      DRAFT,
      SCHEDULED,
      IN_PROGRESS,
      ENDED,
      MINUTES_PUBLISHED),
  /** Who opened which document, and reminding those who have not. */
  VIEW_READS(
      "xem tình hình đọc tài liệu",
      "see who read the documents",
      Who.MANAGER,
      false,
      DRAFT,
      SCHEDULED,
      IN_PROGRESS,
      ENDED,
      MINUTES_PUBLISHED,
      ARCHIVED),
  REMIND_READERS(
      "nhắc đọc tài liệu", "remind people to read", Who.MANAGER, false, SCHEDULED, IN_PROGRESS),
  /** Preparing polls: create, change and delete drafts (the vote/ feature). */
  MANAGE_POLLS(
      "chuẩn bị biểu quyết", "prepare the polls", Who.RUNNER, false, DRAFT, SCHEDULED, IN_PROGRESS),
  OPEN_POLL("mở biểu quyết", "open a poll", Who.RUNNER, false, IN_PROGRESS),
  /** Closing a poll and publishing its result (also once the meeting has ended). */
  RUN_POLLS("điều hành biểu quyết", "run the polls", Who.RUNNER, false, IN_PROGRESS, ENDED),
  /**
   * Joining the meeting's video conference (a token for Jitsi): a participant, or an invited room's
   * device account; from the readiness check, 30 minutes before the start.
   */
  JOIN_VIDEO(
      "tham gia hội nghị truyền hình",
      "join the video conference",
      Who.ATTENDEE,
      java.time.Duration.ofMinutes(30),
      SCHEDULED,
      IN_PROGRESS),
  /**
   * A room's display reporting its status (connected, in the conference, camera, microphone,
   * connection quality) and its readiness check: the device account of an invited room, from 30
   * minutes before the start.
   */
  REPORT_ROOM_STATUS(
      "báo trạng thái điểm cầu",
      "report the room's status",
      Who.ROOM,
      java.time.Duration.ofMinutes(30),
      SCHEDULED,
      IN_PROGRESS),
  /**
   * The chair's commands to the conference (mute everyone or one room, ask a room to unmute,
   * spotlight a room, the lobby, remove a room), each audited.
   */
  COMMAND_VIDEO(
      "điều khiển hội nghị truyền hình",
      "control the video conference",
      Who.RUNNER,
      false,
      IN_PROGRESS),
  /** Every room's status at a glance (the grid): the chair and the meeting's managers. */
  VIEW_ROOM_STATUS(
      "xem trạng thái các điểm cầu",
      "see the rooms' status",
      Who.RUNNER,
      false,
      SCHEDULED,
      IN_PROGRESS,
      ENDED),
  /** Casting a ballot, for oneself or for the principals whose proxy one holds. */
  VOTE("biểu quyết", "vote", Who.PARTICIPANT, false, IN_PROGRESS),
  /** Typing in the figures of a show of hands or paper ballots (a room: its own; the chair too). */
  ENTER_COUNTS(
      "nhập kết quả biểu quyết",
      "enter the figures of a poll",
      Who.ROOM_OR_RUNNER,
      false,
      IN_PROGRESS),
  /**
   * Drafting and editing the minutes (the meeting's secretary and managers), and later writing a
   * correction of published minutes. What may happen to the text itself is the minutes' own state
   * ({@code minutes.MinutesState}).
   */
  EDIT_MINUTES("soạn biên bản", "draft the minutes", Who.MANAGER, false, ENDED, MINUTES_PUBLISHED),
  /** Approving the text of the minutes, or sending it back: the chair alone. */
  APPROVE_MINUTES(
      "duyệt biên bản", "approve the minutes", Who.CHAIR, false, ENDED, MINUTES_PUBLISHED),
  /** Signing (the service narrows it to the meeting's chair and secretary, each their block). */
  SIGN_MINUTES("ký biên bản", "sign the minutes", Who.RUNNER, false, ENDED, MINUTES_PUBLISHED),
  /** Reading the minutes before they are published (the draft, the signing). */
  VIEW_MINUTES_DRAFT(
      "xem dự thảo biên bản",
      "see the draft minutes",
      Who.RUNNER,
      false,
      ENDED,
      MINUTES_PUBLISHED,
      ARCHIVED),
  /** Reading the published minutes: everyone who took part. */
  READ_MINUTES("xem biên bản", "read the minutes", Who.READER, false, MINUTES_PUBLISHED, ARCHIVED),
  /** Writing conclusions and giving, accepting or returning the follow-up tasks. */
  MANAGE_TASKS(
      "giao nhiệm vụ sau cuộc họp",
      "give the follow-up tasks",
      Who.RUNNER,
      false,
      IN_PROGRESS,
      ENDED,
      MINUTES_PUBLISHED,
      ARCHIVED),
  RETRY_DELIVERY(
      "gửi lại thông báo",
      "retry a delivery",
      Who.MANAGER,
      false,
      SCHEDULED,
      IN_PROGRESS,
      ENDED,
      MINUTES_PUBLISHED,
      CANCELLED);

  /** Who may do an operation (besides being able to see the meeting at all). */
  enum Who {
    /** ADMIN, or a SECRETARY who is the meeting's secretary or created it. */
    MANAGER,
    /** A manager or the meeting's chair. */
    RUNNER,
    /** The meeting's chair. */
    CHAIR,
    /** The caller is a participant (acting for themselves). */
    PARTICIPANT,
    /** A participant with a voting right (for themselves), or a manager (for anyone). */
    VOTER_OR_MANAGER,
    /** The device account of an invited room (for that room). */
    ROOM,
    /** The device account of an invited room (for that room), or a manager. */
    ROOM_OR_MANAGER,
    /** The device account of an invited room (for that room), a manager or the chair. */
    ROOM_OR_RUNNER,
    /** A participant (for themselves) or the device account of an invited room (for the room). */
    PARTICIPANT_OR_ROOM,
    /** A manager, the chair, or a participant. */
    READER,
    /** The chair or a manager, a participant, or the device account of an invited room. */
    ATTENDEE,
    /** Anyone who may see the meeting. */
    VIEWER
  }

  final String vi;
  final String en;
  final Who who;

  /**
   * Operations that change the running session from what they read of it: each takes the meeting's
   * row lock first ({@link MeetingAccess#require(long, MeetingOp)}), so simultaneous presses are
   * decided one after another.
   */
  private static final Set<MeetingOp> SERIALIZED = EnumSet.noneOf(MeetingOp.class);

  static {
    // OPEN_POLL: one poll open at a time, checked against the meeting's other polls
    SERIALIZED.addAll(List.of(START, END, RUN_SESSION, ASK_TO_SPEAK, OPEN_POLL));
  }

  boolean serialized() {
    return SERIALIZED.contains(this);
  }

  /**
   * In SCHEDULED, allowed only from this long before the start (null: whenever the state allows):
   * {@link MeetingPolicy#EARLY_START} for a window operation, less for joining the video.
   */
  final java.time.Duration lead;

  final Set<MeetingStatus> states;

  MeetingOp(String vi, String en, Who who, boolean window, MeetingStatus... states) {
    this(vi, en, who, window ? MeetingPolicy.EARLY_START : null, states);
  }

  MeetingOp(String vi, String en, Who who, java.time.Duration lead, MeetingStatus... states) {
    this.vi = vi;
    this.en = en;
    this.who = who;
    this.lead = lead;
    this.states = EnumSet.of(states[0], states);
  }

  @Override
  public String vi() {
    return vi;
  }

  @Override
  public String en() {
    return en;
  }

  public Set<MeetingStatus> states() {
    return states;
  }
}
