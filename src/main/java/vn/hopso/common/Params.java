package vn.hopso.common;

import java.util.Arrays;
import java.util.Locale;

/**
 * Query parameters with a fixed set of values. Parsed here, not by JAX-RS, so that a wrong value is
 * a 400 naming the parameter (JAX-RS would answer 404).
 */
public final class Params {
  private Params() {}

  public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          name,
          "unknown value '"
              + value
              + "' (one of "
              + Arrays.toString(type.getEnumConstants())
              + ")");
    }
  }
}
