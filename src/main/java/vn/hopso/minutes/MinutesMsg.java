package vn.hopso.minutes;

import vn.hopso.common.Msg;

/** Messages of the minutes, the conclusions and the tasks. */
public enum MinutesMsg implements Msg {
  MINUTES("noun.minutes", "biên bản", "minutes"),
  VERSION("noun.minutes-version", "phiên bản biên bản", "version of the minutes"),
  CONCLUSION("noun.conclusion", "kết luận", "conclusion"),
  TASK("noun.task", "nhiệm vụ", "task"),
  NO_MINUTES(
      "minutes.none",
      "Cuộc họp chưa có biên bản: hãy tạo dự thảo trước",
      "The meeting has no minutes yet: draft them first"),
  ALREADY_DRAFTED(
      "minutes.already-drafted", "Cuộc họp đã có biên bản", "The meeting already has minutes"),
  NOT_DRAFT(
      "minutes.not-draft",
      "Biên bản đã được duyệt: không sửa được nữa (chủ tọa có thể trả lại để sửa khi chưa ai ký)",
      "The minutes are approved and no longer change (the chair may send them back while nobody has"
          + " signed)"),
  NOT_APPROVED(
      "minutes.not-approved",
      "Biên bản chưa được chủ tọa duyệt",
      "The chair has not approved the minutes"),
  ALREADY_SIGNING(
      "minutes.already-signing",
      "Biên bản đã có chữ ký: không trả lại được",
      "The minutes have been signed: they can no longer be sent back"),
  NEED_CHAIR(
      "minutes.need-chair",
      "Chỉ chủ tọa cuộc họp được duyệt biên bản",
      "Only the meeting's chair approves the minutes"),
  NEED_SIGNER(
      "minutes.need-signer",
      "Chỉ chủ tọa và thư ký cuộc họp ký biên bản",
      "Only the meeting's chair and secretary sign the minutes"),
  ALREADY_SIGNED(
      "minutes.already-signed", "Đã ký biên bản với vai trò này", "Already signed in this role"),
  NOT_SIGNED(
      "minutes.not-signed",
      "Biên bản cần đủ chữ ký của thư ký và chủ tọa trước khi công bố",
      "The minutes need the secretary's and the chair's signatures before they are published"),
  PUBLISHED(
      "minutes.published",
      "Biên bản đã công bố không thay đổi được: hãy lập văn bản đính chính",
      "Published minutes never change: make a correction instead"),
  NO_SERVER_KEY(
      "minutes.no-server-key",
      "Máy chủ chưa được cấu hình chứng thư số của cơ quan: hãy ký bằng USB token hoặc dịch vụ ký"
          + " số từ xa",
      "No organisation certificate is configured on the server: sign with a USB token or a remote"
          + " signing service"),
  NO_PENDING(
      "minutes.no-pending",
      "Không có yêu cầu ký nào đang chờ, hoặc yêu cầu đã hết hạn: hãy chuẩn bị ký lại",
      "No signature is waiting, or it expired: prepare the signature again"),
  PENDING_OTHER(
      "minutes.pending-other",
      "Đang có một yêu cầu ký khác chờ chữ ký",
      "Another signature is being prepared"),
  BAD_SIGNATURE(
      "minutes.bad-signature",
      "Chữ ký số không hợp lệ: {detail}",
      "The signature is not valid: {detail}"),
  NOT_PDF("minutes.not-pdf", "Tệp không phải là PDF đọc được", "The file is not a readable PDF"),
  TSA_FAILED(
      "minutes.tsa-failed",
      "Máy chủ cấp dấu thời gian không trả lời đúng; chưa ký: {detail}",
      "The time-stamping server did not answer properly; nothing was signed: {detail}"),
  NOT_CORRECTABLE(
      "minutes.not-correctable",
      "Chỉ lập văn bản đính chính cho biên bản đã công bố",
      "Only published minutes are corrected"),
  TASK_STATE(
      "task.state",
      "Nhiệm vụ đang ở trạng thái {state}: không thể {action}",
      "The task is {state}: cannot {action}"),
  NEED_ISSUER(
      "task.need-issuer",
      "Chỉ người giao nhiệm vụ (chủ trì, thư ký cuộc họp) được làm việc này",
      "Only whoever issued the task (the meeting's chair or secretary) may do this"),
  NEED_ASSIGNEE(
      "task.need-assignee",
      "Chỉ người hoặc đơn vị được giao mới báo cáo tiến độ nhiệm vụ",
      "Only the person or unit responsible reports on the task"),
  NEED_RESPONSIBLE(
      "task.need-responsible",
      "Hãy chọn đơn vị hoặc người chịu trách nhiệm",
      "Choose the unit or the person responsible"),
  ITEM_OTHER_MEETING(
      "minutes.item-other-meeting",
      "Nội dung này không thuộc cuộc họp",
      "This agenda item is not of this meeting"),
  ;

  private final String code;
  private final String vi;
  private final String en;

  MinutesMsg(String code, String vi, String en) {
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
