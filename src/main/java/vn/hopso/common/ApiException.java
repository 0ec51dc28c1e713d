package vn.hopso.common;

import java.util.List;

/**
 * A failure the caller can understand and act on: it carries the HTTP status and the problem
 * answer. Services throw it; {@link ProblemMappers} turns it into problem+json.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String type;
  private final String title;
  private final List<Problem.FieldError> errors;
  private final List<Problem.RowError> rows;
  private final Long retryAfterSeconds;

  private ApiException(
      int status,
      String type,
      String title,
      String detail,
      List<Problem.FieldError> errors,
      List<Problem.RowError> rows,
      Long retryAfterSeconds) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = errors;
    this.rows = rows;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiException notFound(String what, Object id) {
    return new ApiException(
        404,
        "not-found",
        "Không tìm thấy / Not found",
        what + " " + id + " not found",
        null,
        null,
        null);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "conflict", "Xung đột / Conflict", detail, null, null, null);
  }

  /** A conflict caused by one field's value (a duplicate code or username). */
  public static ApiException conflict(String field, String message) {
    return new ApiException(
        409,
        "conflict",
        "Xung đột / Conflict",
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)),
        null,
        null);
  }

  public static ApiException invalid(String field, String message) {
    return invalid(List.of(new Problem.FieldError(field, message)));
  }

  public static ApiException invalid(List<Problem.FieldError> errors) {
    String detail =
        errors.stream()
            .map(e -> e.field() + ": " + e.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid request");
    return new ApiException(
        400, "validation", "Dữ liệu không hợp lệ / Invalid data", detail, errors, null, null);
  }

  public static ApiException badRows(String detail, List<Problem.RowError> rows) {
    return new ApiException(
        422, "import-rows", "Tệp có dòng lỗi / The file has bad rows", detail, null, rows, null);
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(
        401, "unauthorized", "Chưa đăng nhập / Not signed in", detail, null, null, null);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(
        403, "forbidden", "Không có quyền / Forbidden", detail, null, null, null);
  }

  public static ApiException tooManyRequests(long retryAfterSeconds) {
    return new ApiException(
        429,
        "too-many-requests",
        "Quá nhiều lần thử / Too many attempts",
        "Too many failed attempts; try again in " + retryAfterSeconds + " s",
        null,
        null,
        retryAfterSeconds);
  }

  public List<Problem.FieldError> errors() {
    return errors == null ? List.of() : errors;
  }

  public int status() {
    return status;
  }

  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public Problem toProblem() {
    return new Problem(
        "urn:hopso:problem:" + type, title, status, getMessage(), errors, rows, null);
  }
}
