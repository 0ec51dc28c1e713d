package vn.hopso.meeting;

import vn.hopso.common.Msg;

/** Messages of the meetings feature. */
public enum MeetingMsg implements Msg {
  MEETING("noun.meeting", "cuộc họp", "meeting"),
  PARTICIPANT("noun.participant", "thành viên", "participant"),
  MEETING_ENDPOINT("noun.meeting-endpoint", "điểm cầu của cuộc họp", "meeting endpoint"),
  CALENDAR_FEED("noun.calendar-feed", "lịch", "calendar feed"),

  NOT_VISIBLE(
      "meeting.not-visible",
      "Bạn không tham gia cuộc họp này",
      "You are not a participant of this meeting"),
  NEED_MANAGER(
      "meeting.need-manager",
      "Chỉ thư ký của cuộc họp hoặc quản trị viên được làm việc này",
      "Only the meeting's secretary or an administrator may do this"),
  NEED_RUNNER(
      "meeting.need-runner",
      "Chỉ chủ trì hoặc thư ký của cuộc họp được làm việc này",
      "Only the chair or the meeting's secretary may do this"),
  NEED_CHAIR(
      "meeting.need-chair",
      "Chỉ chủ trì cuộc họp được làm việc này",
      "Only the meeting's chair may do this"),
  NEED_PARTICIPANT(
      "meeting.need-participant",
      "Bạn không phải thành viên của cuộc họp này",
      "You are not a participant of this meeting"),
  NEED_VOTER_OR_MANAGER(
      "meeting.need-voter-or-manager",
      "Chỉ chính đại biểu có quyền biểu quyết hoặc thư ký cuộc họp được làm việc này",
      "Only the voting delegate themselves or the meeting's secretary may do this"),
  NEED_ROOM(
      "meeting.need-room",
      "Chỉ tài khoản thiết bị của điểm cầu được làm việc này",
      "Only the room's own device account may do this"),
  NEED_ROOM_OR_MANAGER(
      "meeting.need-room-or-manager",
      "Chỉ tài khoản của điểm cầu hoặc thư ký cuộc họp được báo số người",
      "Only the room's own account or the meeting's secretary may report its head count"),
  NEED_ROOM_OR_RUNNER(
      "meeting.need-room-or-runner",
      "Chỉ chủ trì, thư ký cuộc họp hoặc tài khoản của điểm cầu được nhập số liệu này",
      "Only the chair, the meeting's secretary or the room's own account may enter these figures"),
  WRONG_STATE(
      "meeting.wrong-state",
      "Không thể {action} khi cuộc họp {status}",
      "Cannot {action} while the meeting is {status}"),
  NOT_YET(
      "meeting.not-yet",
      "Chỉ có thể {action} từ {opensAtText}",
      "You can {action} from {opensAtText}"),
  ONLY_STAFF_LIST_ALL(
      "meeting.list-all-staff",
      "Chỉ thư ký và quản trị viên xem được danh sách tất cả cuộc họp",
      "Only secretaries and administrators list all meetings"),
  ONLY_STAFF_CREATE(
      "meeting.create-staff",
      "Chỉ thư ký và quản trị viên tạo được cuộc họp",
      "Only secretaries and administrators create meetings"),
  SCOPE("meeting.scope", "chọn mine hoặc all", "mine or all"),

  TIME_PAST(
      "meeting.time-past",
      "Thời gian cuộc họp đã qua; hãy đổi thời gian trước",
      "The meeting's time is already past; change it first"),
  END_BEFORE_START(
      "meeting.end-before-start", "phải sau thời điểm bắt đầu", "must be after the start"),
  TOO_LONG(
      "meeting.too-long", "một cuộc họp kéo dài tối đa 7 ngày", "a meeting lasts at most 7 days"),
  PLACE_REQUIRED(
      "meeting.place-required",
      "hãy nhập địa điểm hoặc chọn phòng họp chủ trì",
      "give a place or a host endpoint"),
  QUORUM_FRACTION(
      "meeting.quorum-fraction",
      "tử số không được lớn hơn mẫu số",
      "must not exceed the denominator"),
  NEW_TIME_PAST(
      "meeting.new-time-past",
      "thời gian mới phải ở tương lai",
      "the new time must be in the future"),
  SAME_TIME(
      "meeting.same-time",
      "thời gian mới trùng với thời gian hiện tại",
      "the new time is the same as the current one"),

  ALREADY_INVITED("meeting.already-invited", "{name} đã được mời", "{name} is already invited"),
  TWICE_IN_REQUEST(
      "meeting.twice-in-request",
      "{name} xuất hiện hai lần trong yêu cầu",
      "{name} appears twice in the request"),
  CHAIR_ON_MEETING(
      "meeting.chair-on-meeting",
      "chủ trì được chọn ở thông tin cuộc họp",
      "the chair is set on the meeting itself"),
  CHAIR_KEEPS_ROLE(
      "meeting.chair-keeps-role",
      "Chủ trì của cuộc họp giữ vai trò chủ trì; hãy đổi chủ trì ở thông tin cuộc họp",
      "The meeting's chair keeps the role CHAIR; change the chair on the meeting"),
  HOLDS_PROXIES(
      "meeting.holds-proxies",
      "Người này đang nhận ủy quyền của người khác; hãy thu hồi ủy quyền trước",
      "This participant holds proxies; withdraw them first"),
  CHAIR_NOT_REMOVABLE(
      "meeting.chair-not-removable",
      "Không thể bỏ chủ trì; hãy chọn chủ trì khác cho cuộc họp trước",
      "The chair cannot be removed; choose another chair for the meeting first"),
  SECRETARY_NOT_REMOVABLE(
      "meeting.secretary-not-removable",
      "Không thể bỏ thư ký của cuộc họp; hãy chọn thư ký khác trước",
      "The meeting's secretary cannot be removed; choose another secretary first"),
  NO_VOTE_TO_GIVE(
      "meeting.proxy.no-vote-to-give",
      "{name} không có quyền biểu quyết để ủy quyền",
      "{name} has no voting right to give"),
  PROXY_SELF(
      "meeting.proxy.self",
      "không thể ủy quyền cho chính mình",
      "a proxy cannot be given to oneself"),
  PROXY_NOT_PARTICIPANT(
      "meeting.proxy.not-participant",
      "người nhận không phải thành viên của cuộc họp",
      "not a participant of this meeting"),
  PROXY_NO_VOTE(
      "meeting.proxy.no-vote", "{name} không có quyền biểu quyết", "{name} has no voting right"),
  PROXY_CHAIN(
      "meeting.proxy.chain",
      "{name} đã ủy quyền cho {to} (không ủy quyền nối tiếp)",
      "{name} has given their own vote to {to} (no chains of proxies)"),
  PROXY_PASS_ON(
      "meeting.proxy.pass-on",
      "{name} đang nhận ủy quyền của người khác nên không thể ủy quyền tiếp",
      "{name} holds proxies from others and cannot pass them on"),
  ROOM_NOT_IN_MEETING(
      "meeting.room-not-in-meeting",
      "điểm cầu này không tham gia cuộc họp",
      "that room does not take part in this meeting"),
  NO_SEAT(
      "meeting.no-seat",
      "hãy chọn điểm cầu: người này chưa được xếp chỗ",
      "which room? the participant has no seat"),
  EXCUSED_REASON(
      "meeting.excused-reason", "vắng có lý do cần ghi lý do", "an excused absence needs a reason"),
  HOST_ROOM_NOT_REMOVABLE(
      "meeting.host-room-not-removable",
      "Không thể bỏ phòng họp chủ trì; hãy đổi địa điểm của cuộc họp trước",
      "The host room cannot be removed; change the meeting's place first"),
  RESPONSE_PENDING(
      "meeting.response-pending",
      "hãy trả lời Tham dự, Chưa chắc chắn hoặc Từ chối",
      "answer ACCEPTED, TENTATIVE or DECLINED"),
  ENDPOINTS_UNKNOWN(
      "meeting.endpoints-unknown",
      "không có hoặc đã ngừng hoạt động: {ids}",
      "unknown or inactive: {ids}"),
  INVITE_ONE_WAY(
      "meeting.invite-one-way",
      "hãy chọn điểm cầu theo danh sách, đơn vị, cấp hoặc tất cả",
      "give endpointIds, unitId, level or all"),
  BULK_NOTHING(
      "meeting.bulk-nothing",
      "hãy chọn đơn vị, vai trò hoặc dán danh sách",
      "choose a unit, a role or paste a list"),
  QUORUM_MORE_THAN("meeting.quorum.more-than", "hơn {num}/{den}", "more than {num}/{den}"),
  QUORUM_AT_LEAST("meeting.quorum.at-least", "ít nhất {num}/{den}", "at least {num}/{den}"),
  ALREADY_PAUSED(
      "meeting.already-paused", "Phiên họp đang tạm dừng", "The session is already paused"),
  NOT_PAUSED("meeting.not-paused", "Phiên họp không tạm dừng", "The session is not paused"),
  DEVICE_NOT_PERSON(
      "meeting.device-not-person",
      "{name} là tài khoản của một điểm cầu, không phải của một người",
      "{name} is a room's device account, not a person"),
  NOT_YOUR_ROOM(
      "meeting.not-your-room", "Đây không phải điểm cầu của bạn", "This is not your room"),
  ;

  private final String code;
  private final String vi;
  private final String en;

  MeetingMsg(String code, String vi, String en) {
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
