package vn.hopso.storage;

import io.minio.MinioClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/** Chooses the storage adapter from configuration. */
@ApplicationScoped
public class StorageProducer {
  @Produces
  @ApplicationScoped
  DocumentStorage storage(StorageConfig config) {
    return switch (config.kind()) {
      case "local" -> new LocalFolderStorage(Path.of(config.local().root()));
      case "s3" -> {
        StorageConfig.S3 s3 = config.s3();
        MinioClient client =
            MinioClient.builder()
                .endpoint(s3.endpoint().orElseThrow(() -> missing("endpoint")))
                .region(s3.region())
                .credentials(
                    s3.accessKey().orElseThrow(() -> missing("access-key")),
                    s3.secretKey().orElseThrow(() -> missing("secret-key")))
                .build();
        yield new MinioStorage(client, s3.bucket());
      }
      default ->
          throw new IllegalStateException(
              "hopso.storage.kind must be 'local' or 's3', not '" + config.kind() + "'");
    };
  }

  private static IllegalStateException missing(String what) {
    return new IllegalStateException("hopso.storage.s3." + what + " is required for kind s3");
  }
}
