package vn.hopso.common;

/** Messages shared by every feature: HTTP-level problems and field validation. */
public enum CommonMsg implements Msg {
  // problem titles, by kind
  TITLE_INVALID("problem.invalid", "Dữ liệu không hợp lệ", "Invalid data"),
  TITLE_NOT_FOUND("problem.not-found", "Không tìm thấy", "Not found"),
  TITLE_CONFLICT("problem.conflict", "Không thực hiện được", "Conflict"),
  TITLE_UNAUTHORIZED("problem.unauthorized", "Chưa đăng nhập", "Not signed in"),
  TITLE_FORBIDDEN("problem.forbidden", "Không có quyền", "Forbidden"),
  TITLE_TOO_MANY("problem.too-many-requests", "Quá nhiều lần thử", "Too many attempts"),
  TITLE_BAD_ROWS("problem.import-rows", "Tệp có dòng lỗi", "The file has bad rows"),
  TITLE_UNSUPPORTED_MEDIA(
      "problem.unsupported-media-type", "Kiểu dữ liệu không được hỗ trợ", "Unsupported media type"),
  TITLE_TOO_LARGE("problem.payload-too-large", "Dữ liệu quá lớn", "Payload too large"),
  TITLE_INTERNAL("problem.internal", "Lỗi hệ thống", "Internal error"),
  TITLE_HTTP("problem.http", "Yêu cầu không hợp lệ", "Bad request"),
  TITLE_METHOD("problem.method-not-allowed", "Phương thức không được phép", "Method not allowed"),
  TITLE_NOT_ACCEPTABLE("problem.not-acceptable", "Không có dạng trả lời phù hợp", "Not acceptable"),
  TITLE_STALE("problem.stale", "Dữ liệu đã thay đổi", "Changed by someone else"),

  // details
  INVALID_DETAIL(
      "request.invalid", "Có {count} thông tin chưa hợp lệ", "{count} value(s) are invalid"),
  NOT_FOUND("not-found", "Không tìm thấy {what} {id}", "{what} {id} not found"),
  NO_SUCH_PATH("not-found.path", "Không có địa chỉ này", "No such address"),
  FORBIDDEN("forbidden", "Bạn không có quyền làm việc này", "You do not have the right to do this"),
  UNAUTHORIZED(
      "unauthorized",
      "Hãy đăng nhập; phiên làm việc có thể đã hết hạn",
      "Sign in first, or your session has ended"),
  INTERNAL(
      "internal",
      "Đã có lỗi hệ thống. Hãy báo quản trị viên mã lỗi {errorId}",
      "An unexpected error occurred. Quote error id {errorId} to the administrator"),
  STALE(
      "stale",
      "Dữ liệu này vừa được người khác thay đổi. Hãy tải lại rồi sửa tiếp",
      "Someone else changed this in the meantime. Reload it, then make your change again"),
  DUPLICATE(
      "duplicate",
      "Thay đổi trùng với dữ liệu đã có",
      "The change clashes with existing data (duplicate?)"),
  UNSUPPORTED_MEDIA(
      "unsupported-media-type",
      "Nội dung phải là JSON (Content-Type: application/json; charset=utf-8)",
      "The body must be JSON (Content-Type: application/json; charset=utf-8)"),
  UNSUPPORTED_MEDIA_OF(
      "unsupported-media-type.of",
      "Kiểu nội dung {given} không được nhận ở đây (nhận: {accepted})",
      "Content type {given} is not accepted here (accepted: {accepted})"),
  TOO_LARGE(
      "payload-too-large",
      "Dữ liệu gửi lên vượt quá {max}",
      "The request body is larger than {max}"),
  METHOD_NOT_ALLOWED(
      "method-not-allowed",
      "Địa chỉ này không nhận phương thức {method}",
      "This address does not accept {method}"),
  NOT_ACCEPTABLE(
      "not-acceptable",
      "Không thể trả lời theo dạng được yêu cầu",
      "Cannot answer in the requested format"),
  HTTP_ERROR("http", "Yêu cầu không hợp lệ (HTTP {status})", "Bad request (HTTP {status})"),

  // field problems
  REQUIRED("field.required", "bắt buộc phải nhập", "is required"),
  SIZE_MAX("field.size.max", "tối đa {max} ký tự", "at most {max} characters"),
  SIZE_RANGE("field.size.range", "từ {min} đến {max} phần tử", "from {min} to {max} items"),
  SIZE_MIN("field.size.min", "ít nhất {min}", "at least {min}"),
  MIN("field.min", "không được nhỏ hơn {value}", "must be at least {value}"),
  MAX("field.max", "không được lớn hơn {value}", "must be at most {value}"),
  EMAIL("field.email", "không phải địa chỉ email hợp lệ", "is not a valid email address"),
  PATTERN("field.pattern", "không đúng định dạng", "has the wrong format"),
  INVALID_VALUE("field.invalid", "giá trị không hợp lệ", "invalid value"),
  UNKNOWN_FIELD("field.unknown", "trường không được hỗ trợ", "unknown field"),
  ONE_OF(
      "field.one-of",
      "chỉ gửi một trong hai trường {fields}",
      "send only one of the fields {fields}"),
  WRONG_TYPE(
      "field.type",
      "sai kiểu dữ liệu (cần {expected})",
      "wrong type or format (expected {expected})"),
  DUPLICATE_KEY(
      "field.duplicate-key",
      "được gửi hai lần trong cùng một đối tượng",
      "appears twice in the same object"),
  BAD_TEXT(
      "field.bad-text",
      "chứa ký tự điều khiển hoặc ký tự không hợp lệ",
      "contains control or invalid characters"),
  MALFORMED_JSON(
      "body.malformed", "nội dung không phải JSON hợp lệ", "the body is not well-formed JSON"),
  TRAILING_DATA(
      "body.trailing", "có dữ liệu thừa sau đối tượng JSON", "has data after the JSON value"),
  BAD_ENCODING(
      "body.encoding", "nội dung phải được mã hóa UTF-8 hợp lệ", "the body must be valid UTF-8"),
  BODY_REQUIRED("body.required", "cần có nội dung JSON", "a JSON body is required"),
  DATE_RANGE(
      "field.date-range",
      "ngày giờ phải trong khoảng {min} – {max}",
      "the date must be between {min} and {max}"),
  DATE_FORMAT(
      "field.date-format",
      "cần một ngày theo dạng 2026-11-23",
      "a date like 2026-11-23 is expected"),
  INSTANT_FORMAT(
      "field.instant-format",
      "cần thời điểm theo dạng 2026-11-23T01:00:00Z",
      "an instant like 2026-11-23T01:00:00Z is expected"),
  ENUM_VALUE(
      "field.enum",
      "giá trị '{value}' không có (chọn một trong {allowed})",
      "unknown value '{value}' (one of {allowed})"),
  PARAM_FORMAT("param.format", "tham số có định dạng sai", "the parameter has the wrong format"),
  VERSION_REQUIRED(
      "field.version-required",
      "cần phiên bản dữ liệu (version) mà bạn đã đọc",
      "the version you read is required"),
  ;

  private final String code;
  private final String vi;
  private final String en;

  CommonMsg(String code, String vi, String en) {
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
