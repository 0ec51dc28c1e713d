package vn.hopso.common;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one limit on request bodies read into memory (JSON, CSV): {@code hopso.limits.body}, 20 MB by
 * default. The HTTP server's own limit ({@code quarkus.http.limits.max-body-size}) is the largest
 * document upload, which streams to a file and never sits in memory; every body a resource reads
 * whole goes through {@link #readAll}, so no JSON or CSV body can be larger than this whatever the
 * server accepts for files.
 */
public final class BodyLimit {
  private BodyLimit() {}

  private static volatile long max = -1;

  public static long max() {
    long m = max;
    if (m < 0) {
      String raw =
          ConfigProvider.getConfig()
              .getOptionalValue("hopso.limits.body", String.class)
              .orElse("20M");
      m = new MemorySizeConverter().convert(raw).asLongValue();
      max = m;
    }
    return m;
  }

  /** The whole body, or 413 when it is larger than the limit (read no further than that). */
  public static byte[] readAll(InputStream in) throws IOException {
    long limit = max();
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > limit) {
        throw tooLarge(limit);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  public static ApiException tooLarge(long limit) {
    return ApiException.of(
        413,
        CommonMsg.TITLE_TOO_LARGE,
        CommonMsg.TOO_LARGE,
        ApiException.p("max", ProblemMappers.sizeText(limit)));
  }
}
