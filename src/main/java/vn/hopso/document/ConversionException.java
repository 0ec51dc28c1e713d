package vn.hopso.document;

/**
 * An office document could not be converted to PDF. The message is for logs (it carries the end of
 * LibreOffice's output when there is one); callers decide by {@link #reason()}.
 */
public class ConversionException extends RuntimeException {
  /** Why the conversion did not happen. */
  public enum Reason {
    /** No LibreOffice on this machine (or the configured command does not exist). */
    UNAVAILABLE,
    /** The conversion, or the wait for the converter, took longer than the configured timeout. */
    TIMEOUT,
    /** The file is not a document LibreOffice can read, or LibreOffice failed. */
    FAILED
  }

  private final Reason reason;

  public ConversionException(Reason reason, String message) {
    this(reason, message, null);
  }

  public ConversionException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
