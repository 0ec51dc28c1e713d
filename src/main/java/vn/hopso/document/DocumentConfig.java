package vn.hopso.document;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "hopso.documents")
public interface DocumentConfig {
  /** The largest file one upload may carry (also the HTTP server's body limit). */
  @WithDefault("512M")
  MemorySize maxUploadSize();

  /** How long a download link works (at most 5 minutes: longer values are cut to 5). */
  @WithDefault("5M")
  Duration linkTtl();

  /** Where uploads are spooled while they are hashed, checked and converted. */
  Optional<String> workDir();

  /** LibreOffice for Word, Excel, PowerPoint and OpenDocument files (read by OfficeConverter). */
  Office office();

  interface Office {
    /** The soffice command; found on the PATH when not set. */
    Optional<String> command();

    @WithDefault("120S")
    Duration timeout();
  }
}
