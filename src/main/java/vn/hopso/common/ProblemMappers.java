package vn.hopso.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to problem+json in the caller's language ({@code Accept-Language}). The caller
 * learns what was wrong with its request (which field, which row, a stable code), never a class
 * name or a stack trace; server faults get an error id that is also in the log.
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,200})'");

  private static Lang lang(HttpHeaders headers) {
    return headers == null
        ? Lang.VI
        : Lang.fromHeader(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  @ServerExceptionMapper
  public Response api(ApiException e, HttpHeaders headers) {
    return answer(e, lang(headers));
  }

  static Response answer(ApiException e, Lang lang) {
    Response.ResponseBuilder rb = problem(e.toProblem(lang), lang);
    if (e.retryAfterSeconds() != null) {
      rb.header("Retry-After", e.retryAfterSeconds());
    }
    if (e.status() == 401) {
      rb.header("WWW-Authenticate", "Bearer");
    }
    return rb.build();
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e, HttpHeaders headers) {
    return answer(Validation.invalid(e.getConstraintViolations()), lang(headers));
  }

  /** More specific than Quarkus's own mapper for this type, so ours answers. */
  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers) {
    return json(e, headers);
  }

  @ServerExceptionMapper
  public Response badEncoding(StrictBodyReader.BadEncodingException e, HttpHeaders headers) {
    return answer(ApiException.invalid("body", CommonMsg.BAD_ENCODING), lang(headers));
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e, HttpHeaders headers) {
    return answer(fromJson(e), lang(headers));
  }

  /** A JSON body the strict reader refused, as the 400 answer that names the field. */
  public static ApiException fromJson(JsonProcessingException e) {
    if (e instanceof StrictJson.PolicyException policy) {
      return ApiException.invalid(path(policy), policy.msg(), policy.params());
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return ApiException.invalid(path(u), CommonMsg.UNKNOWN_FIELD);
    }
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher dup = DUPLICATE.matcher(message);
    if (dup.find()) {
      String parent = e instanceof JsonMappingException m ? path(m) : "body";
      String field = "body".equals(parent) ? dup.group(1) : parent + "." + dup.group(1);
      return ApiException.invalid(field, CommonMsg.DUPLICATE_KEY);
    }
    if (message.startsWith("Trailing token")) {
      return ApiException.invalid("body", CommonMsg.TRAILING_DATA);
    }
    if (message.startsWith("No content to map")) {
      return ApiException.invalid("body", CommonMsg.BODY_REQUIRED);
    }
    if (e instanceof InvalidFormatException f
        && f.getTargetType() != null
        && f.getTargetType().isEnum()) {
      return ApiException.invalid(
          path(f), CommonMsg.ENUM_VALUE, Params.unknownEnum(f.getTargetType(), f.getValue()));
    }
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      return ApiException.invalid(
          path(m), CommonMsg.WRONG_TYPE, "expected", TypeName.of(m.getTargetType()));
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return ApiException.invalid(path(m), CommonMsg.WRONG_TYPE, "expected", TypeName.VALUE);
    }
    if (e instanceof InputCoercionException c) {
      return ApiException.invalid(
          "body", CommonMsg.WRONG_TYPE, "expected", TypeName.of(c.getTargetType()));
    }
    return ApiException.invalid("body", CommonMsg.MALFORMED_JSON);
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, HttpHeaders headers) {
    return answer(ApiException.unauthorized(CommonMsg.UNAUTHORIZED), lang(headers));
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers) {
    return answer(ApiException.unauthorized(CommonMsg.UNAUTHORIZED), lang(headers));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, HttpHeaders headers) {
    return answer(ApiException.forbidden(CommonMsg.FORBIDDEN), lang(headers));
  }

  @ServerExceptionMapper
  public Response optimisticLock(OptimisticLockException e, HttpHeaders headers) {
    return answer(ApiException.stale(), lang(headers));
  }

  @ServerExceptionMapper
  public Response staleState(StaleStateException e, HttpHeaders headers) {
    return answer(ApiException.stale(), lang(headers));
  }

  @ServerExceptionMapper
  public Response constraint(
      org.hibernate.exception.ConstraintViolationException e, HttpHeaders headers) {
    return answer(ApiException.conflict(CommonMsg.DUPLICATE), lang(headers));
  }

  @ServerExceptionMapper
  public Response web(
      WebApplicationException e, HttpHeaders headers, jakarta.ws.rs.core.Request request) {
    Lang lang = lang(headers);
    // Quarkus wraps body parse errors (malformed JSON, bad UTF-8) in a 400.
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof JsonProcessingException json) {
        return answer(fromJson(json), lang);
      }
      if (c instanceof StrictBodyReader.BadEncodingException) {
        return answer(ApiException.invalid("body", CommonMsg.BAD_ENCODING), lang);
      }
      if (c instanceof ApiException api) {
        return answer(api, lang);
      }
    }
    int status = e.getResponse().getStatus();
    if ((status == 404 || status == 400) && e.getCause() instanceof IllegalArgumentException) {
      // JAX-RS answers 404 when a query or path parameter cannot be converted (unitId=abc)
      return answer(ApiException.invalid("request", CommonMsg.PARAM_FORMAT), lang);
    }
    if (status >= 500) {
      return unexpected(e, headers);
    }
    ApiException mapped =
        switch (status) {
          case 404 -> ApiException.of(404, CommonMsg.TITLE_NOT_FOUND, CommonMsg.NO_SUCH_PATH, null);
          case 405 ->
              ApiException.of(
                  405,
                  CommonMsg.TITLE_METHOD,
                  CommonMsg.METHOD_NOT_ALLOWED,
                  ApiException.p("method", request == null ? "" : request.getMethod()));
          case 406 ->
              ApiException.of(406, CommonMsg.TITLE_NOT_ACCEPTABLE, CommonMsg.NOT_ACCEPTABLE, null);
          case 415 ->
              ApiException.of(
                  415, CommonMsg.TITLE_UNSUPPORTED_MEDIA, CommonMsg.UNSUPPORTED_MEDIA, null);
          case 413 ->
              ApiException.of(
                  413,
                  CommonMsg.TITLE_TOO_LARGE,
                  CommonMsg.TOO_LARGE,
                  ApiException.p("max", maxBodySize()));
          case 401 -> ApiException.unauthorized(CommonMsg.UNAUTHORIZED);
          case 403 -> ApiException.forbidden(CommonMsg.FORBIDDEN);
          default ->
              ApiException.of(
                  status,
                  CommonMsg.TITLE_HTTP,
                  CommonMsg.HTTP_ERROR,
                  ApiException.p("status", status));
        };
    return answer(mapped, lang);
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, HttpHeaders headers) {
    return answer(ApiException.internal(e, "Unexpected error"), lang(headers));
  }

  /** The configured largest request body, as people read it ("20 MB"). */
  static String maxBodySize() {
    String raw =
        ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.limits.max-body-size", String.class)
            .orElse("10240K"); // Quarkus's default
    return sizeText(new MemorySizeConverter().convert(raw).asLongValue());
  }

  public static String sizeText(long bytes) {
    long mb = 1024L * 1024;
    if (bytes >= mb && bytes % mb == 0) {
      return bytes / mb + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " B";
  }

  private static Response.ResponseBuilder problem(Problem p, Lang lang) {
    return Response.status(p.status())
        .type(Problem.MEDIA_TYPE)
        .header(HttpHeaders.CONTENT_LANGUAGE, lang.tag())
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
        .entity(p);
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "body" : sb.toString();
  }
}
