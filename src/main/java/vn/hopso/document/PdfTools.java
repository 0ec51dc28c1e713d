package vn.hopso.document;

// TEMPORARY STUB (replaced by the pdf-tools branch)
public final class PdfTools {
  public record Inspection(int pages, java.util.List<String> pageHashes, byte[] thumbnailPng) {}

  public record Watermark(String fullName, String unit, String time, String code) {}

  public record Mark(
      Kind kind,
      int page,
      String color,
      java.util.List<double[]> rects,
      java.util.List<java.util.List<double[]>> paths,
      String text,
      String author) {
    public enum Kind {
      HIGHLIGHT,
      INK,
      NOTE
    }
  }

  public static Inspection inspect(java.nio.file.Path p) {
    throw new UnsupportedOperationException();
  }

  public static void imagesToPdf(
      java.util.List<java.nio.file.Path> images, java.nio.file.Path out) {
    throw new UnsupportedOperationException();
  }

  public static void watermark(java.nio.file.Path in, java.nio.file.Path out, Watermark w) {
    throw new UnsupportedOperationException();
  }

  public static void annotate(
      java.nio.file.Path in, java.io.OutputStream out, java.util.List<Mark> marks) {
    throw new UnsupportedOperationException();
  }
}
