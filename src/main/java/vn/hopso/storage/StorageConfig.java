package vn.hopso.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "hopso.storage")
public interface StorageConfig {
  /** "local" (a folder, the default) or "s3" (MinIO or any S3-compatible server). */
  @WithDefault("local")
  String kind();

  Local local();

  S3 s3();

  interface Local {
    @WithDefault("./data/documents")
    String root();
  }

  interface S3 {
    /** e.g. http://minio.internal:9000 */
    Optional<String> endpoint();

    @WithDefault("us-east-1")
    String region();

    @WithDefault("hopso")
    String bucket();

    Optional<String> accessKey();

    Optional<String> secretKey();
  }
}
