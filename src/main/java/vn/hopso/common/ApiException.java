package vn.hopso.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the caller can understand and act on: its HTTP status, a message code with parameters,
 * and the bad fields or file rows. Services throw it; {@link ProblemMappers} renders it as
 * problem+json in the caller's language. No English or Vietnamese text is written at the throw
 * site: only codes ({@link Msg}) and parameters.
 */
public class ApiException extends RuntimeException {
  /** One bad field: its path in the request, and why. */
  public record FieldProblem(String field, Msg msg, Map<String, Object> params) {
    public Problem.FieldError render(Lang lang) {
      return new Problem.FieldError(field, msg.code(), plain(params), lang.render(msg, params));
    }
  }

  /** One bad row of an imported file. */
  public record RowProblem(int line, String column, Msg msg, Map<String, Object> params) {
    public Problem.RowError render(Lang lang) {
      return new Problem.RowError(
          line, column, msg.code(), plain(params), lang.render(msg, params));
    }
  }

  private final int status;
  private final Msg title;
  private final Msg msg;
  private final Map<String, Object> params;
  private final List<FieldProblem> errors;
  private final List<RowProblem> rows;
  private final Long retryAfterSeconds;

  private ApiException(
      int status,
      Msg title,
      Msg msg,
      Map<String, Object> params,
      List<FieldProblem> errors,
      List<RowProblem> rows,
      Long retryAfterSeconds) {
    super(msg.code(), null, false, false);
    this.status = status;
    this.title = title;
    this.msg = msg;
    this.params = params == null ? Map.of() : params;
    this.errors = errors;
    this.rows = rows;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Parameters as alternating names and values: {@code p("max", 500, "name", x)}. */
  public static Map<String, Object> p(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  public static ApiException of(int status, Msg title, Msg msg, Map<String, Object> params) {
    return new ApiException(status, title, msg, params, null, null, null);
  }

  /** A refusal of another status caused by one field (a file of the wrong kind, too large). */
  public static ApiException ofField(
      int status, Msg title, String field, Msg msg, Object... params) {
    return new ApiException(
        status,
        title,
        msg,
        p(params),
        List.of(new FieldProblem(field, msg, p(params))),
        null,
        null);
  }

  public static ApiException notFound(Localized what, Object id) {
    return of(
        404,
        CommonMsg.TITLE_NOT_FOUND,
        CommonMsg.NOT_FOUND,
        p("what", what, "id", id == null ? "" : id));
  }

  public static ApiException conflict(Msg msg, Object... params) {
    return of(409, CommonMsg.TITLE_CONFLICT, msg, p(params));
  }

  /** A conflict caused by one field's value (a duplicate code or username). */
  public static ApiException conflictOn(String field, Msg msg, Object... params) {
    return new ApiException(
        409,
        CommonMsg.TITLE_CONFLICT,
        msg,
        p(params),
        List.of(new FieldProblem(field, msg, p(params))),
        null,
        null);
  }

  public static ApiException stale() {
    return of(409, CommonMsg.TITLE_STALE, CommonMsg.STALE, null);
  }

  public static ApiException invalid(String field, Msg msg, Object... params) {
    return invalid(List.of(new FieldProblem(field, msg, p(params))));
  }

  public static ApiException invalid(List<FieldProblem> errors) {
    return new ApiException(
        400,
        CommonMsg.TITLE_INVALID,
        CommonMsg.INVALID_DETAIL,
        p("count", errors.size()),
        errors,
        null,
        null);
  }

  public static ApiException badRows(List<RowProblem> rows) {
    return new ApiException(
        422,
        CommonMsg.TITLE_BAD_ROWS,
        ImportMsg.BAD_ROWS,
        p("count", rows.size()),
        null,
        rows,
        null);
  }

  public static ApiException unauthorized(Msg msg) {
    return of(401, CommonMsg.TITLE_UNAUTHORIZED, msg, null);
  }

  public static ApiException forbidden(Msg msg, Object... params) {
    return of(403, CommonMsg.TITLE_FORBIDDEN, msg, p(params));
  }

  /**
   * An unexpected failure, logged here with a fresh error id that the answer carries (in {@code
   * params} and the problem's {@code errorId}) for the administrator to find the log line; the
   * cause's own text never reaches the caller. For the API's unmapped exceptions and for what
   * answers outside a request (a live socket, the ballot desk's writer).
   */
  public static ApiException internal(Throwable cause, String what) {
    String id = java.util.UUID.randomUUID().toString().substring(0, 8);
    org.jboss.logging.Logger.getLogger(ApiException.class)
        .errorf(cause, "%s [error id %s]", what, id);
    return of(500, CommonMsg.TITLE_INTERNAL, CommonMsg.INTERNAL, p("errorId", id));
  }

  public static ApiException tooManyRequests(Msg msg, long retryAfterSeconds) {
    return new ApiException(
        429,
        CommonMsg.TITLE_TOO_MANY,
        msg,
        p("seconds", retryAfterSeconds),
        null,
        null,
        retryAfterSeconds);
  }

  public List<FieldProblem> errors() {
    return errors == null ? List.of() : errors;
  }

  public Msg msg() {
    return msg;
  }

  public int status() {
    return status;
  }

  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public Problem toProblem(Lang lang) {
    String detail = lang.render(msg, params);
    if (errors != null && errors.size() == 1 && status == 400) {
      // one bad field: its message says it all (the field is named in errors[], not in text)
      FieldProblem only = errors.get(0);
      detail = lang.render(only.msg(), only.params());
    }
    return new Problem(
        "urn:hopso:problem:" + msg.code(),
        msg.code(),
        lang.render(title, null),
        status,
        detail,
        plain(params),
        errors == null ? null : new ArrayList<>(errors.stream().map(e -> e.render(lang)).toList()),
        rows == null ? null : new ArrayList<>(rows.stream().map(r -> r.render(lang)).toList()),
        params == null || params.get("errorId") == null
            ? null
            : String.valueOf(params.get("errorId")));
  }

  /**
   * Parameters as JSON-friendly values, stable for programs: a message as its code ({@code
   * meeting.noun}), another enum as its name ({@code IN_PROGRESS}), other localized values in
   * Vietnamese.
   */
  static Map<String, Object> plain(Map<String, Object> params) {
    if (params == null || params.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    params.forEach(
        (k, v) ->
            out.put(
                k,
                v instanceof Msg m
                    ? m.code()
                    : v instanceof Enum<?> e ? e.name() : v instanceof Localized l ? l.vi() : v));
    return out;
  }
}
