package vn.hopso.common;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Reads every JSON request body: the bytes must be strict UTF-8 (no overlong forms, no encoded
 * surrogates, no UTF-16 guessed from zero bytes), then the text is parsed by the application's
 * {@link ObjectMapper} with the {@link StrictJson} policy. Parsing from decoded text, not bytes,
 * keeps Jackson from auto-detecting other encodings.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class StrictBodyReader implements ServerMessageBodyReader<Object> {
  @Inject ObjectMapper mapper;

  /** A body whose bytes are not UTF-8. */
  public static class BadEncodingException extends IOException {
    BadEncodingException() {
      super("body is not valid UTF-8");
    }
  }

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, ResteasyReactiveResourceInfo info, MediaType mediaType) {
    return readable(type);
  }

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return readable(type);
  }

  private static boolean readable(Class<?> type) {
    return type != byte[].class && type != InputStream.class;
  }

  @Override
  public Object readFrom(
      Class<Object> type, Type genericType, MediaType mediaType, ServerRequestContext context)
      throws IOException {
    return read(genericType == null ? type : genericType, context.getInputStream());
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    return read(genericType == null ? type : genericType, entityStream);
  }

  private Object read(Type type, InputStream in) throws IOException {
    byte[] bytes = BodyLimit.readAll(in);
    if (bytes.length == 0) {
      return null;
    }
    String text = decode(bytes);
    if (text.isBlank()) {
      return null;
    }
    JavaType javaType = mapper.getTypeFactory().constructType(type);
    return mapper.readerFor(javaType).readValue(text);
  }

  static String decode(byte[] bytes) throws BadEncodingException {
    try {
      return Texts.strictUtf8(bytes);
    } catch (CharacterCodingException e) {
      throw new BadEncodingException();
    }
  }
}
