package vn.hopso.common;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The request side of the input policy, before any resource runs: query and path parameters are
 * text the {@link TextPolicy} accepts and of bounded length; a request body must be of a type the
 * operation declares (JSON unless it says otherwise, 415 else) and in UTF-8.
 */
public class RequestPolicy {
  static final int MAX_PARAM_LENGTH = 1000;

  /** Whether a resource method takes a body, and of which types: read once per method. */
  record BodyRule(boolean takesBody, List<MediaType> accepted) {}

  private static final Map<Method, BodyRule> RULES = new ConcurrentHashMap<>();

  static BodyRule rule(Method method) {
    return RULES.computeIfAbsent(
        method,
        m -> takesBody(m) ? new BodyRule(true, accepted(m)) : new BodyRule(false, List.of()));
  }

  @ServerRequestFilter(preMatching = true)
  public void parameters(ContainerRequestContext ctx) {
    UriInfo uri = ctx.getUriInfo();
    MultivaluedMap<String, String> query;
    List<String> segments = new ArrayList<>();
    try {
      query = uri.getQueryParameters(true);
      uri.getPathSegments(true).forEach(s -> segments.add(s.getPath()));
    } catch (RuntimeException e) {
      throw ApiException.invalid("request", CommonMsg.PARAM_FORMAT);
    }
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      String name = e.getKey();
      if (!TextPolicy.acceptable(name) || name.length() > 100) {
        throw ApiException.invalid("request", CommonMsg.PARAM_FORMAT);
      }
      for (String value : e.getValue()) {
        if (!TextPolicy.acceptable(value)) {
          throw ApiException.invalid(name, CommonMsg.BAD_TEXT);
        }
        if (value.length() > MAX_PARAM_LENGTH) {
          throw ApiException.invalid(name, CommonMsg.SIZE_MAX, "max", MAX_PARAM_LENGTH);
        }
      }
    }
    for (String segment : segments) {
      if (!TextPolicy.acceptable(segment) || segment.length() > MAX_PARAM_LENGTH) {
        throw ApiException.invalid("path", CommonMsg.PARAM_FORMAT);
      }
    }
  }

  @ServerRequestFilter
  public void body(ContainerRequestContext ctx, ResourceInfo resource) {
    Method method = resource == null ? null : resource.getResourceMethod();
    BodyRule rule = method == null ? null : rule(method);
    if (rule == null || !rule.takesBody()) {
      return;
    }
    MediaType given = ctx.getMediaType();
    if (given == null) {
      // No declared type: acceptable only for an empty body (an optional body left out).
      if (ctx.hasEntity() && ctx.getLength() != 0) {
        throw unsupported(null, rule.accepted());
      }
      String length = ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH);
      boolean empty =
          length == null ? ctx.getHeaderString("Transfer-Encoding") == null : length.equals("0");
      if (empty
          && rule.accepted().stream().anyMatch(MediaType.APPLICATION_JSON_TYPE::isCompatible)) {
        // read as the empty JSON body it is (the method gets null), not as an untyped one that
        // no reader takes (which answered 415 to a client that sent nothing wrong)
        ctx.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
      }
      return;
    }
    // JSON must be UTF-8 (RFC 8259); files (CSV) are decoded strictly as UTF-8 whatever they
    // declare, and bad bytes are reported with their line.
    String charset = given.getParameters().get("charset");
    boolean json =
        given.getSubtype().equalsIgnoreCase("json") || given.getSubtype().endsWith("+json");
    if (json && charset != null && !charset.equalsIgnoreCase("utf-8")) {
      throw unsupported(given, rule.accepted());
    }
    for (MediaType accepted : rule.accepted()) {
      if (accepted.isCompatible(given) && !(given.isWildcardType() || given.isWildcardSubtype())) {
        return;
      }
    }
    throw unsupported(given, rule.accepted());
  }

  private static ApiException unsupported(MediaType given, List<MediaType> accepted) {
    List<String> names = accepted.stream().map(m -> m.getType() + "/" + m.getSubtype()).toList();
    if (given == null || names.equals(List.of(MediaType.APPLICATION_JSON))) {
      return ApiException.of(
          415, CommonMsg.TITLE_UNSUPPORTED_MEDIA, CommonMsg.UNSUPPORTED_MEDIA, null);
    }
    return ApiException.of(
        415,
        CommonMsg.TITLE_UNSUPPORTED_MEDIA,
        CommonMsg.UNSUPPORTED_MEDIA_OF,
        ApiException.p(
            "given",
            (given.getType() + "/" + given.getSubtype()).toLowerCase(Locale.ROOT),
            "accepted",
            String.join(", ", names)));
  }

  private static List<MediaType> accepted(Method method) {
    Consumes c = method.getAnnotation(Consumes.class);
    if (c == null) {
      c = method.getDeclaringClass().getAnnotation(Consumes.class);
    }
    if (c == null) {
      return List.of(MediaType.APPLICATION_JSON_TYPE);
    }
    List<MediaType> types = new ArrayList<>();
    for (String v : c.value()) {
      for (String part : v.split(",")) {
        types.add(MediaType.valueOf(part.trim()));
      }
    }
    return List.copyOf(types);
  }

  /** An entity parameter is one without a JAX-RS or RESTEasy parameter annotation. */
  static boolean takesBody(Method method) {
    for (Parameter p : method.getParameters()) {
      boolean bound = false;
      for (Annotation a : p.getAnnotations()) {
        String pkg = a.annotationType().getPackageName();
        if (pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy")) {
          bound = true;
        }
      }
      if (!bound) {
        return true;
      }
    }
    return false;
  }
}
