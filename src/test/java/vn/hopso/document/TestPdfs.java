package vn.hopso.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs made in tests with PDFBox: one line of text per page. */
public final class TestPdfs {
  private TestPdfs() {}

  /** {@code pages} A4 pages; page i reads "{@code prefix} i". */
  public static byte[] pages(int pages, String prefix) {
    String[] lines = new String[pages];
    for (int i = 0; i < pages; i++) {
      lines[i] = prefix + " " + (i + 1);
    }
    return of(lines);
  }

  /** One page per line of text (ASCII: a standard font). */
  public static byte[] of(String... pageTexts) {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (String text : pageTexts) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 14);
          cs.newLineAtOffset(72, 760);
          cs.showText(text);
          cs.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
