package vn.hopso.document;

import vn.hopso.common.Msg;

/** Messages of documents, links, receipts and annotations. */
public enum DocumentMsg implements Msg {
  DOCUMENT("noun.document", "tài liệu", "document"),
  VERSION("noun.document-version", "phiên bản tài liệu", "document version"),
  NOT_READABLE(
      "document.not-readable",
      "Bạn không có quyền đọc tài liệu này",
      "You may not read this document"),
  FILE_NAME_MISSING(
      "document.file-name", "Hãy cho biết tên tệp (fileName)", "Give the file's name (fileName)"),
  EMPTY_FILE("document.empty", "Tệp tải lên không có nội dung", "The uploaded file is empty"),
  FILE_TOO_LARGE(
      "document.too-large",
      "Tệp lớn hơn mức cho phép {max}",
      "The file is larger than the allowed {max}"),
  UNSUPPORTED_FILE(
      "document.unsupported",
      "Chỉ nhận tệp PDF, Word, Excel, PowerPoint, OpenDocument hoặc ảnh chụp (JPEG, PNG)",
      "Only PDF, Word, Excel, PowerPoint, OpenDocument files or scanned images (JPEG, PNG)"),
  BAD_PDF(
      "document.bad-pdf",
      "Tệp PDF bị hỏng hoặc không đọc được",
      "The PDF is damaged or cannot be read"),
  ENCRYPTED_PDF(
      "document.encrypted",
      "Tệp PDF có mật khẩu; hãy tải lên bản không đặt mật khẩu",
      "The PDF is password-protected; upload it without a password"),
  BAD_IMAGE("document.bad-image", "Ảnh bị hỏng hoặc không đọc được", "The image cannot be read"),
  STALE_VERSION(
      "document.stale-version",
      "Tài liệu đã có phiên bản {current} mới hơn; hãy tải lại danh sách",
      "The document already has a newer version {current}; reload the list"),
  ITEM_OF_OTHER_MEETING(
      "document.item-other-meeting",
      "Mục chương trình không thuộc cuộc họp này",
      "The agenda item is not part of this meeting"),
  READERS_REQUIRED(
      "document.readers-required",
      "Hãy chọn ít nhất một người được đọc",
      "Name at least one person who may read it"),
  READER_NOT_PARTICIPANT(
      "document.reader-not-participant",
      "Người được chỉ định đọc phải là thành phần tham dự cuộc họp",
      "People named as readers must take part in the meeting"),
  NO_PDF(
      "document.no-pdf",
      "Phiên bản này không có bản PDF; hãy tải bản gốc",
      "This version has no PDF; download the original"),
  ORIGINAL_CONFIDENTIAL(
      "document.original-confidential",
      "Tài liệu mật chỉ được cấp bản có đóng dấu tên người đọc",
      "A confidential document is served only as a copy marked with the reader's name"),
  LINK_INVALID(
      "document.link-invalid",
      "Liên kết tải tài liệu không hợp lệ hoặc đã hết hạn; hãy mở lại tài liệu",
      "The download link is invalid or has expired; open the document again"),
  BAD_RANGE(
      "document.bad-range",
      "Khoảng byte yêu cầu không hợp lệ",
      "The requested byte range cannot be served"),
  NO_SUCH_VERSION(
      "document.no-such-version",
      "Tài liệu không có phiên bản {version}",
      "The document has no version {version}"),
  PAGE_OUT_OF_RANGE(
      "document.page-range",
      "Trang {page} không có trong tài liệu ({pages} trang)",
      "Page {page} is not in the document ({pages} pages)"),
  GEOMETRY(
      "annotation.geometry",
      "Toạ độ ghi chú phải nằm trong trang (từ 0 đến 1)",
      "Annotation coordinates must lie on the page (0 to 1)"),
  ANNOTATION_NOT_YOURS(
      "annotation.not-yours",
      "Chỉ người viết được sửa hoặc xoá ghi chú này",
      "Only its author may change or delete this annotation"),
  ANNOTATION_ID(
      "annotation.id", "Mã ghi chú phải là một UUID", "An annotation's id must be a UUID"),
  ANNOTATION_MOVED(
      "annotation.moved",
      "Ghi chú đã thuộc về tài liệu hoặc phiên bản khác",
      "The annotation belongs to another document or version"),
  ;

  private final String code;
  private final String vi;
  private final String en;

  DocumentMsg(String code, String vi, String en) {
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
