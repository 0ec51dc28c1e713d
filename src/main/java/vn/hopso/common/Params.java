package vn.hopso.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Query parameters parsed here, not by JAX-RS, so that a wrong value is a 400 naming the parameter
 * (JAX-RS would answer 404), and bounded like JSON input.
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
      throw ApiException.invalid(name, CommonMsg.ENUM_VALUE, unknownEnum(type, value));
    }
  }

  /**
   * The parameters of a refused enum value, for {@link CommonMsg#ENUM_VALUE} and its kin: the value
   * given and the values allowed. Query parameters, JSON bodies and imports all use it.
   */
  public static Object[] unknownEnum(Class<?> type, Object value) {
    return new Object[] {
      "value", String.valueOf(value), "allowed", Arrays.toString(type.getEnumConstants())
    };
  }

  /** A date like 2026-11-23 within {@link Bounds}, or null when absent. */
  public static LocalDate date(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDate d;
    try {
      d = LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(name, CommonMsg.DATE_FORMAT);
    }
    if (!Bounds.saneDate(d)) {
      throw ApiException.invalid(
          name, CommonMsg.DATE_RANGE, "min", Bounds.MIN_DATE, "max", Bounds.MAX_DATE);
    }
    return d;
  }

  /** true or false (nothing else), or null when absent. */
  public static Boolean bool(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw ApiException.invalid(name, CommonMsg.WRONG_TYPE, "expected", TypeName.BOOLEAN);
    };
  }
}
