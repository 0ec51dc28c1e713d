package vn.hopso.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem answer ({@code application/problem+json}). Every problem, field error and row
 * error carries a stable {@code code} with its {@code params}, and its text in the language the
 * caller asked for ({@code Accept-Language}: Vietnamese by default, English). {@code errors} names
 * the bad fields of a request; {@code rows} lists the bad rows of a file import.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String code,
    String title,
    int status,
    String detail,
    Map<String, Object> params,
    List<FieldError> errors,
    List<RowError> rows,
    String errorId) {

  public static final String MEDIA_TYPE = "application/problem+json";

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FieldError(String field, String code, Map<String, Object> params, String message) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RowError(
      int line, String column, String code, Map<String, Object> params, String reason) {}
}
