package vn.hopso.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * The API's input policy for what does not arrive as a request body (a message on a live socket):
 * the same strict reader ({@link StrictJson}) and the same Bean Validation, refused with the same
 * {@link ApiException} naming the field that an HTTP body would get.
 */
@ApplicationScoped
public class StrictInput {
  @Inject ObjectMapper json;
  @Inject Validator validator;

  /** {@code node} read as {@code type} and validated, or the 400 that says which field is wrong. */
  public <T> T read(JsonNode node, Class<T> type) {
    T value;
    try {
      value = json.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw ProblemMappers.fromJson(e);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("body", CommonMsg.MALFORMED_JSON);
    }
    if (value == null) {
      throw ApiException.invalid("body", CommonMsg.BODY_REQUIRED);
    }
    Set<ConstraintViolation<T>> violations = validator.validate(value);
    if (!violations.isEmpty()) {
      throw Validation.invalid(violations);
    }
    return value;
  }
}
