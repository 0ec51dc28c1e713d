package vn.hopso.storage;

/** The document storage failed (unreachable, full, refused). */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
