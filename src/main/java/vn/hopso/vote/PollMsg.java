package vn.hopso.vote;

import vn.hopso.common.Msg;

/** Messages of polls and ballots. */
public enum PollMsg implements Msg {
  POLL("noun.poll", "cuộc biểu quyết", "poll"),
  NOT_DRAFT(
      "poll.not-draft",
      "Biểu quyết đã mở nên không sửa hoặc xóa được",
      "The poll has been opened: it can no longer be changed or deleted"),
  NOT_OPEN("poll.not-open", "Biểu quyết chưa mở hoặc đã kết thúc", "The poll is not open"),
  ALREADY_OPEN("poll.already-open", "Biểu quyết đã được mở", "The poll has already been opened"),
  NOT_CLOSED(
      "poll.not-closed", "Biểu quyết phải kết thúc trước khi công bố", "Close the poll first"),
  ALREADY_PUBLISHED(
      "poll.already-published", "Kết quả đã được công bố", "The result is already published"),
  TIME_UP("poll.time-up", "Đã hết thời gian biểu quyết", "The time for voting is over"),
  ANOTHER_OPEN(
      "poll.another-open",
      "Đang có biểu quyết khác mở: \"{title}\"; hãy kết thúc trước",
      "Another poll is open: \"{title}\"; close it first"),
  NO_VOTING_RIGHT(
      "poll.no-voting-right",
      "Đại biểu này không có quyền biểu quyết",
      "This participant has no voting right"),
  NOT_PRESENT("poll.not-present", "Hãy điểm danh trước khi biểu quyết", "Check in before voting"),
  PROXY_GIVEN(
      "poll.proxy-given",
      "Bạn đã ủy quyền biểu quyết cho {name}; người nhận ủy quyền sẽ biểu quyết thay",
      "You gave your vote to {name}, who votes for you"),
  NOT_YOUR_PROXY(
      "poll.not-your-proxy",
      "Bạn không giữ ủy quyền biểu quyết của đại biểu này",
      "You do not hold this participant's proxy"),
  ALREADY_VOTED(
      "poll.already-voted",
      "Phiếu của đại biểu này đã được ghi nhận",
      "This participant's ballot has already been recorded"),
  NO_CHANGE(
      "poll.no-change",
      "Biểu quyết này không cho phép thay đổi phiếu đã bỏ",
      "This poll does not allow changing a ballot"),
  WRONG_REPLACES(
      "poll.wrong-replaces",
      "Phiếu cần thay không phải phiếu hiện tại của đại biểu",
      "The ballot to replace is not the participant's current ballot"),
  VALUE_NEEDED(
      "poll.value-needed",
      "Hãy chọn tán thành, không tán thành hoặc không biểu quyết",
      "Choose yes, no or abstain"),
  WRONG_FIELD_FOR_KIND(
      "poll.wrong-field",
      "Trường này không dùng cho loại biểu quyết này",
      "This field does not belong to this kind of poll"),
  TOO_MANY_CHOSEN("poll.too-many", "Chỉ được chọn tối đa {seats} người", "Choose at most {seats}"),
  UNKNOWN_OPTION(
      "poll.unknown-option",
      "Ứng cử viên không có trong danh sách: {id}",
      "Not one of the candidates: {id}"),
  RATE_EVERYONE(
      "poll.rate-everyone",
      "Hãy đánh giá đủ {count} người trong danh sách",
      "Rate all {count} people on the list"),
  CANDIDATES_NEEDED(
      "poll.candidates-needed",
      "Hãy nhập danh sách ứng cử viên (ít nhất 1 người)",
      "Give the candidates (at least one)"),
  CANDIDATES_UNWANTED(
      "poll.candidates-unwanted",
      "Biểu quyết tán thành/không tán thành không có danh sách ứng cử viên",
      "A yes/no poll has no candidates"),
  DUPLICATE_CANDIDATE(
      "poll.duplicate-candidate",
      "Tên ứng cử viên bị trùng: {name}",
      "A candidate appears twice: {name}"),
  SEATS_TOO_MANY(
      "poll.seats",
      "Số người được bầu phải từ 1 đến số ứng cử viên ({count})",
      "Seats must be between 1 and the number of candidates ({count})"),
  CUSTOM_FRACTION(
      "poll.custom-fraction",
      "Hãy nhập tỷ lệ tùy chọn (tử số không lớn hơn mẫu số)",
      "Give the custom fraction (numerator not above denominator)"),
  FRACTION_ONLY_CUSTOM(
      "poll.fraction-only-custom",
      "Tỷ lệ chỉ nhập khi chọn ngưỡng tùy chọn",
      "A fraction is given only with a custom threshold"),
  CHAIR_TIE_SECRET(
      "poll.chair-tie-secret",
      "Biểu quyết kín không thể lấy ý kiến của chủ tọa khi ngang phiếu",
      "A secret poll cannot follow the chair's side on a tie"),
  CHAIR_TIE_YES_NO(
      "poll.chair-tie-kind",
      "Chỉ biểu quyết tán thành/không tán thành mới theo ý kiến chủ tọa khi ngang phiếu",
      "Only a yes/no poll can follow the chair's side on a tie"),
  BASE_YES_NO_KIND(
      "poll.base-kind",
      "Cơ sở tính \"tán thành và không tán thành\" chỉ dùng cho biểu quyết tán thành/không tán thành",
      "The yes-and-no base applies to yes/no polls only"),
  ITEM_OF_OTHER_MEETING(
      "poll.item-other-meeting",
      "Mục chương trình không thuộc cuộc họp này",
      "The agenda item is not part of this meeting"),
  NOT_ANALOG(
      "poll.not-analog",
      "Chỉ nhập số liệu cho biểu quyết giơ tay hoặc phiếu giấy",
      "Figures are entered only for a show of hands or paper ballots"),
  ANALOG_NO_BALLOTS(
      "poll.analog-no-ballots",
      "Biểu quyết giơ tay hoặc phiếu giấy được nhập số liệu, không bỏ phiếu điện tử",
      "A show of hands or paper poll takes figures, not electronic ballots"),
  ANALOG_NOT_SECRET(
      "poll.analog-secret",
      "Biểu quyết nhập số liệu không có phiếu kín điện tử",
      "An analog poll has no electronic secret ballots"),
  NOT_YOUR_ROOM(
      "poll.not-your-room",
      "Tài khoản này chỉ nhập số liệu của điểm cầu mình phụ trách",
      "This account enters the figures of its own room only"),
  NOT_PUBLISHED(
      "poll.not-published", "Kết quả chưa được công bố", "The result has not been published"),
  NAMED_ONLY(
      "poll.named-only",
      "Danh sách người đã biểu quyết của biểu quyết kín chỉ có sau khi kết thúc",
      "For a secret poll, who voted is shown after it closes"),
  NO_BALLOT_ID_REUSE(
      "poll.ballot-id-reused",
      "Mã phiếu này đã dùng cho một phiếu khác",
      "This ballot id was used for another ballot"),
  DESK_BUSY(
      "poll.desk-busy",
      "Hệ thống đang ghi nhiều phiếu; phiếu của bạn chưa được ghi, hãy gửi lại sau {seconds} giây",
      "Many ballots are being recorded; yours was not recorded yet, send it again in {seconds} s"),
  ;

  private final String code;
  private final String vi;
  private final String en;

  PollMsg(String code, String vi, String en) {
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
