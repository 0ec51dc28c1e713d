package vn.hopso.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to problem+json. The caller learns what was wrong with its request (which
 * field, which row), never a class name or a stack trace; server faults get an error id that is
 * also in the log.
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response api(ApiException e) {
    Response.ResponseBuilder rb = problem(e.toProblem());
    if (e.retryAfterSeconds() != null) {
      rb.header("Retry-After", e.retryAfterSeconds());
    }
    return rb.build();
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      errors.add(new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
    }
    errors.sort(Comparator.comparing(Problem.FieldError::field));
    return api(ApiException.invalid(errors));
  }

  /** More specific than Quarkus's own mapper for this type, so ours answers. */
  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e) {
    return json(e);
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return api(ApiException.invalid(path(u), "unknown field"));
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return api(ApiException.invalid(path(m), "wrong type or format"));
    }
    return api(ApiException.invalid("body", "malformed JSON or text encoding (UTF-8 expected)"));
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e) {
    return unauthorizedResponse();
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e) {
    return unauthorizedResponse();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return api(ApiException.forbidden("You do not have the right to do this"));
  }

  @ServerExceptionMapper
  public Response optimisticLock(OptimisticLockException e) {
    return api(ApiException.conflict("The record was changed by someone else; reload and retry"));
  }

  @ServerExceptionMapper
  public Response constraint(org.hibernate.exception.ConstraintViolationException e) {
    return api(ApiException.conflict("The change clashes with existing data (duplicate?)"));
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    // Quarkus wraps body parse errors (malformed JSON, bad UTF-8) in a 400.
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof JsonProcessingException json) {
        return json(json);
      }
    }
    int status = e.getResponse().getStatus();
    if (status == 404 && e.getCause() instanceof IllegalArgumentException) {
      // JAX-RS answers 404 when a query or path parameter cannot be converted (unitId=abc)
      return api(ApiException.invalid("request", "a query or path parameter has the wrong format"));
    }
    if (status >= 500) {
      return unexpected(e);
    }
    String title =
        Response.Status.fromStatusCode(status) == null
            ? "Error"
            : Response.Status.fromStatusCode(status).getReasonPhrase();
    return problem(
            new Problem("urn:hopso:problem:http-" + status, title, status, title, null, null, null))
        .build();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    String id = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected error %s", id);
    return problem(
            new Problem(
                "urn:hopso:problem:internal",
                "Lỗi hệ thống / Internal error",
                500,
                "An unexpected error occurred; quote this id to the administrator",
                null,
                null,
                id))
        .build();
  }

  private Response unauthorizedResponse() {
    return Response.fromResponse(
            api(ApiException.unauthorized("Sign in first, or your session has ended")))
        .header("WWW-Authenticate", "Bearer")
        .build();
  }

  private static Response.ResponseBuilder problem(Problem p) {
    return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
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

  /**
   * "create.body.code" → "code": drops the method and the request-body parameter; a constraint on a
   * query parameter keeps that parameter's name.
   */
  static String fieldName(Path path) {
    List<String> properties = new ArrayList<>();
    String parameter = null;
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
      } else if (node.getKind() == ElementKind.PROPERTY
          || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        String name = node.getName() == null ? "" : node.getName();
        if (node.getIndex() != null) {
          name = name + "[" + node.getIndex() + "]";
        }
        properties.add(name);
      }
    }
    if (!properties.isEmpty()) {
      return String.join(".", properties);
    }
    return parameter == null ? "request" : parameter;
  }
}
