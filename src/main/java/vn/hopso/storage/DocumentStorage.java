package vn.hopso.storage;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * Where document bytes live. The database keeps only metadata and the object key. Two adapters: a
 * local folder (zero set-up) and S3/MinIO through the MinIO client.
 */
public interface DocumentStorage {
  /** Stores the bytes under {@code key}; the stream is read to its end. */
  void put(String key, InputStream content, long size, String contentType);

  /** The stored bytes; the caller closes the stream. Empty when there is no such object. */
  Optional<InputStream> get(String key);

  /** Size in bytes, or empty when the object does not exist. */
  Optional<Long> size(String key);

  void delete(String key);

  /**
   * A URL that lets a client download the object directly for {@code ttl}, or empty when the
   * adapter cannot hand out direct links (the server then streams the bytes itself).
   */
  Optional<String> presignedGet(String key, Duration ttl);

  /** Throws when the storage cannot be reached or written (used by the readiness check). */
  void check() throws Exception;

  String describe();
}
