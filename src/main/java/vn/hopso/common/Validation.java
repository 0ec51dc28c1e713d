package vn.hopso.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bean Validation violations as field problems with codes (for answers and import rows). */
public final class Validation {
  private Validation() {}

  /** Violations as the 400 answer that names each field (sorted by field). */
  public static ApiException invalid(java.util.Collection<? extends ConstraintViolation<?>> vs) {
    List<ApiException.FieldProblem> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : vs) {
      errors.add(fieldProblem(v));
    }
    errors.sort(java.util.Comparator.comparing(ApiException.FieldProblem::field));
    return ApiException.invalid(errors);
  }

  /** A Bean Validation violation as a code: the constraint's kind and its attributes. */
  public static ApiException.FieldProblem fieldProblem(ConstraintViolation<?> v) {
    String field = fieldName(v.getPropertyPath());
    ConstraintDescriptor<?> d = v.getConstraintDescriptor();
    String kind = d.getAnnotation().annotationType().getSimpleName();
    Map<String, Object> attrs = d.getAttributes();
    String template = v.getMessageTemplate();
    if (template != null && template.startsWith("{hopso.") && template.endsWith("}")) {
      Msg custom = CustomMessages.byCode(template.substring(7, template.length() - 1));
      if (custom != null) {
        return new ApiException.FieldProblem(field, custom, Map.of());
      }
    }
    return switch (kind) {
      case "NotNull", "NotBlank", "NotEmpty" ->
          new ApiException.FieldProblem(field, CommonMsg.REQUIRED, Map.of());
      case "Size" -> {
        int min = (Integer) attrs.get("min");
        int max = (Integer) attrs.get("max");
        if (v.getInvalidValue() instanceof CharSequence cs && cs.length() > max) {
          yield new ApiException.FieldProblem(
              field, CommonMsg.SIZE_MAX, ApiException.p("max", max));
        }
        if (max == Integer.MAX_VALUE) {
          yield new ApiException.FieldProblem(
              field, CommonMsg.SIZE_MIN, ApiException.p("min", min));
        }
        yield new ApiException.FieldProblem(
            field, CommonMsg.SIZE_RANGE, ApiException.p("min", min, "max", max));
      }
      case "Min", "DecimalMin", "Positive", "PositiveOrZero" ->
          new ApiException.FieldProblem(
              field, CommonMsg.MIN, ApiException.p("value", attrs.getOrDefault("value", 0)));
      case "Max", "DecimalMax" ->
          new ApiException.FieldProblem(
              field, CommonMsg.MAX, ApiException.p("value", attrs.get("value")));
      case "Email" -> new ApiException.FieldProblem(field, CommonMsg.EMAIL, Map.of());
      case "Pattern" -> new ApiException.FieldProblem(field, CommonMsg.PATTERN, Map.of());
      default -> new ApiException.FieldProblem(field, CommonMsg.INVALID_VALUE, Map.of());
    };
  }

  /**
   * "create.body.code" → "code": drops the method and the request-body parameter; a constraint on a
   * query parameter keeps that parameter's name.
   */
  public static String fieldName(Path path) {
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
