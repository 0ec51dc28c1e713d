package vn.hopso.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.ConstructorDetector;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * One input policy for every JSON body: the reader refuses what a lenient parser would guess at.
 * Duplicate keys, data after the value, numbers for text, text for numbers, {@code 1.5} for an id,
 * {@code null} for a number, control characters and lone surrogates in text, and dates outside
 * {@link Bounds} are all answered with 400 naming the field (see {@link ProblemMappers}). Unknown
 * fields are refused by {@code quarkus.jackson.fail-on-unknown-properties}
 * (application.properties). JSON the application stored itself is read with the tolerant {@link
 * StoredJson} mapper instead.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  /** Applied after Quarkus's own customizers, so these deserializers win (Instant above all). */
  @Override
  public int priority() {
    return MINIMUM_PRIORITY;
  }

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    // A record with one String component must never be built from a bare JSON string.
    mapper.setConstructorDetector(ConstructorDetector.USE_PROPERTIES_BASED);
    for (LogicalType type : LogicalType.values()) {
      if (type == LogicalType.Untyped) {
        continue;
      }
      var cfg = mapper.coercionConfigFor(type);
      for (CoercionInputShape shape :
          new CoercionInputShape[] {
            CoercionInputShape.Integer,
            CoercionInputShape.Float,
            CoercionInputShape.Boolean,
            CoercionInputShape.EmptyString,
            CoercionInputShape.String
          }) {
        if (!natural(type, shape)) {
          cfg.setCoercion(shape, CoercionAction.Fail);
        }
      }
    }
    SimpleModule module = new SimpleModule("hopso-strict");
    module.addDeserializer(String.class, new StrictStringDeserializer());
    module.addDeserializer(Instant.class, new BoundedInstantDeserializer());
    mapper.registerModule(module);
  }

  /**
   * The mapper for stored JSON ({@link StoredJson}): a copy of the application's, minus the two
   * refusals that would make yesterday's data unreadable after a change of its shape (unknown
   * fields, absent or null numbers).
   */
  @Produces
  @Singleton
  @StoredJson
  ObjectMapper stored(ObjectMapper mapper) {
    return mapper
        .copy()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  /** The shapes that are a type's own JSON form (text for text and enums, numbers for numbers). */
  private static boolean natural(LogicalType type, CoercionInputShape shape) {
    return switch (type) {
      case Textual, Enum, DateTime, OtherScalar -> shape == CoercionInputShape.String;
      case Integer -> shape == CoercionInputShape.Integer;
      case Float -> shape == CoercionInputShape.Integer || shape == CoercionInputShape.Float;
      case Boolean -> shape == CoercionInputShape.Boolean;
      default -> false;
    };
  }

  /** A JSON value that parsed but breaks the input policy; carries the message to answer. */
  public static class PolicyException extends JsonMappingException {
    private final transient Msg msg;
    private final transient Object[] params;

    PolicyException(JsonParser p, Msg msg, Object... params) {
      super(p, msg.code());
      this.msg = msg;
      this.params = params;
    }

    public Msg msg() {
      return msg;
    }

    public Object[] params() {
      return params;
    }
  }

  /** Text only from JSON strings, and only text that the {@link TextPolicy} accepts. */
  static final class StrictStringDeserializer extends StdScalarDeserializer<String> {
    StrictStringDeserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (String) ctxt.handleUnexpectedToken(String.class, p);
      }
      String text = p.getText();
      if (!TextPolicy.acceptable(text)) {
        throw new PolicyException(p, CommonMsg.BAD_TEXT);
      }
      return text;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }
  }

  /** ISO-8601 instants ("2026-11-23T01:00:00Z", offsets allowed) within {@link Bounds}. */
  static final class BoundedInstantDeserializer extends StdScalarDeserializer<Instant> {
    BoundedInstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getText().trim();
      Instant value;
      try {
        // Two parsers, on purpose: on Java 17 Instant.parse refuses offsets, and OffsetDateTime
        // refuses the leap second (23:59:60Z) that Instant.parse accepts.
        value = text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        throw new PolicyException(p, CommonMsg.INSTANT_FORMAT);
      }
      if (!Bounds.saneInstant(value)) {
        throw new PolicyException(
            p, CommonMsg.DATE_RANGE, "min", Bounds.MIN_DATE, "max", Bounds.MAX_DATE);
      }
      return value;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.DateTime;
    }
  }
}
