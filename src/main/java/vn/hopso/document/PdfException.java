package vn.hopso.document;

/**
 * A file given to {@link PdfTools} cannot be used: it is not a PDF (or not an image), it is locked
 * with a password, or it is broken. The message is for logs; callers decide by {@link #reason()}.
 */
public class PdfException extends RuntimeException {
  /** Why the file was refused. */
  public enum Reason {
    /** Not a PDF at all (no PDF header, empty file, another format). */
    NOT_PDF,
    /** A PDF that needs a password to open. */
    ENCRYPTED,
    /** A PDF whose structure or content cannot be read. */
    DAMAGED,
    /** An image given to {@link PdfTools#imagesToPdf} is not a readable JPEG or PNG. */
    NOT_IMAGE
  }

  private final Reason reason;

  public PdfException(Reason reason, String message) {
    this(reason, message, null);
  }

  public PdfException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
