package vn.hopso.document;

// TEMPORARY STUB (replaced by the pdf-tools branch)
@jakarta.enterprise.context.ApplicationScoped
public class OfficeConverter {
  public static class ConversionException extends RuntimeException {}

  public boolean available() {
    return false;
  }

  public java.nio.file.Path convert(java.nio.file.Path in, java.nio.file.Path dir) {
    throw new ConversionException();
  }
}
