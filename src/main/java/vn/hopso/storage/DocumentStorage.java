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

  /**
   * {@code length} bytes from {@code offset} (fewer at the end of the object); the caller closes
   * the stream. Empty when there is no such object.
   */
  Optional<InputStream> get(String key, long offset, long length);

  /** Stores a file's bytes under {@code key}, streaming them. */
  default void put(String key, java.nio.file.Path file, String contentType) {
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      put(key, in, java.nio.file.Files.size(file), contentType);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Size in bytes, or empty when the object does not exist. */
  Optional<Long> size(String key);

  void delete(String key);

  /**
   * A URL that lets a client download the object directly for {@code ttl}, or empty when the
   * adapter cannot hand out direct links (the server then streams the bytes itself).
   */
  Optional<String> presignedGet(String key, Duration ttl);

  /**
   * As {@link #presignedGet(String, Duration)}, answered with this content type and as a file of
   * this name (inline for reading, or as an attachment for a download).
   */
  default Optional<String> presignedGet(
      String key, Duration ttl, String fileName, String contentType, boolean attachment) {
    return presignedGet(key, ttl);
  }

  /** Throws when the storage cannot be reached or written (used by the readiness check). */
  void check() throws Exception;

  String describe();
}
