package vn.hopso.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem answer ({@code application/problem+json}). {@code errors} names the bad
 * fields of a request; {@code rows} lists the bad rows of a file import.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<FieldError> errors,
    List<RowError> rows,
    String errorId) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public record FieldError(String field, String message) {}

  public record RowError(int line, String column, String reason) {}
}
