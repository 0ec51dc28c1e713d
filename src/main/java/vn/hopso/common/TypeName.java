package vn.hopso.common;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

/** How a field's expected JSON type is named to people. */
public enum TypeName implements Localized {
  TEXT("văn bản", "text"),
  INTEGER("số nguyên", "an integer"),
  NUMBER("số", "a number"),
  BOOLEAN("true hoặc false", "true or false"),
  INSTANT("thời điểm ISO-8601", "an ISO-8601 instant"),
  DATE("ngày ISO-8601", "an ISO-8601 date"),
  LIST("danh sách", "a list"),
  OBJECT("đối tượng", "an object"),
  VALUE("giá trị", "a value");

  private final String vi;
  private final String en;

  TypeName(String vi, String en) {
    this.vi = vi;
    this.en = en;
  }

  @Override
  public String vi() {
    return vi;
  }

  @Override
  public String en() {
    return en;
  }

  public static TypeName of(Class<?> type) {
    if (type == null) {
      return VALUE;
    }
    if (type == String.class || type == Character.class || type == char.class) {
      return TEXT;
    }
    if (type == Long.class
        || type == long.class
        || type == Integer.class
        || type == int.class
        || type == Short.class
        || type == short.class) {
      return INTEGER;
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return NUMBER;
    }
    if (type == Boolean.class || type == boolean.class) {
      return BOOLEAN;
    }
    if (type == Instant.class) {
      return INSTANT;
    }
    if (type == LocalDate.class) {
      return DATE;
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return LIST;
    }
    if (type.isEnum()) {
      return TEXT;
    }
    return OBJECT;
  }
}
