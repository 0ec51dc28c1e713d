package vn.hopso.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationInk;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hopso.document.PdfTools.Mark;
import vn.hopso.document.PdfTools.Mark.Kind;

/**
 * PDF work on real PDFs made here with PDFBox (Vietnamese text in the bundled font, rotated pages,
 * pages of several sizes, a 200-page file, scans) and on broken files: what the tools guarantee,
 * read back with PDFBox.
 */
class PdfToolsTest {
  static final String NAME = "Nguyễn Thị Hằng";
  static final String UNIT = "UBND xã Tân Phú";
  static final String CODE = "K7Q2-9XFA";
  static final PdfTools.Watermark DELEGATE =
      new PdfTools.Watermark(NAME, UNIT, "22/11/2026 14:05", CODE);

  @TempDir Path dir;

  // --- inspect -------------------------------------------------------------------------------

  @Test
  void inspectCountsPagesFingerprintsThemAndDrawsAThumbnail() throws Exception {
    Path first = dir.resolve("v1.pdf");
    Path second = dir.resolve("v2.pdf");
    pdf(first, this::threePages);
    pdf(
        second,
        doc -> {
          page(doc, PDRectangle.A4, 0, "Trang 1: Báo cáo kinh tế – xã hội quý IV");
          page(doc, PDRectangle.A4, 90, "Trang 2: Đồng bằng sông Cửu Long (đã sửa)");
          page(doc, PDRectangle.LETTER, 0, "Trang 3: Kết luận của Chủ tọa");
        });

    PdfTools.Inspection a = PdfTools.inspect(first);
    PdfTools.Inspection b = PdfTools.inspect(second);

    assertEquals(3, a.pages());
    assertEquals(3, a.pageHashes().size());
    for (String hash : a.pageHashes()) {
      assertTrue(hash.matches("[0-9a-f]{64}"), hash);
    }
    assertEquals(3, new HashSet<>(a.pageHashes()).size(), "different pages, different hashes");
    assertEquals(a.pageHashes().get(0), b.pageHashes().get(0), "unchanged page 1");
    assertNotEquals(a.pageHashes().get(1), b.pageHashes().get(1), "changed page 2");
    assertEquals(a.pageHashes().get(2), b.pageHashes().get(2), "unchanged page 3");
    PdfTools.Inspection again = PdfTools.inspect(first);
    assertEquals(a.pageHashes(), again.pageHashes(), "stable on a second look");
    assertArrayEquals(a.thumbnailPng(), again.thumbnailPng());

    BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(a.thumbnailPng()));
    assertNotNull(thumb, "a PNG ImageIO reads");
    assertEquals(PdfTools.THUMBNAIL_WIDTH, thumb.getWidth(), 1);
    assertEquals(240 * 842 / 595, thumb.getHeight(), 2, "A4 proportions");
    assertTrue(a.thumbnailPng().length < 60_000, "small: " + a.thumbnailPng().length);
  }

  @Test
  void aRotatedFirstPageGivesALandscapeThumbnail() throws Exception {
    Path file = dir.resolve("rotated.pdf");
    pdf(file, doc -> page(doc, PDRectangle.A4, 90, "Trang xoay"));
    BufferedImage thumb =
        ImageIO.read(new ByteArrayInputStream(PdfTools.inspect(file).thumbnailPng()));
    assertEquals(240, thumb.getWidth(), 1);
    assertEquals(240 * 595 / 842, thumb.getHeight(), 2);
  }

  @Test
  void aScannedPageWhosePictureChangedGetsAnotherHash() throws Exception {
    Path first = dir.resolve("scan1.pdf");
    Path second = dir.resolve("scan2.pdf");
    pdf(first, doc -> scanPage(doc, Color.WHITE));
    pdf(second, doc -> scanPage(doc, Color.LIGHT_GRAY));
    Path same = dir.resolve("scan3.pdf");
    pdf(same, doc -> scanPage(doc, Color.WHITE));
    String h1 = PdfTools.inspect(first).pageHashes().get(0);
    assertNotEquals(h1, PdfTools.inspect(second).pageHashes().get(0), "no text, other picture");
    assertEquals(h1, PdfTools.inspect(same).pageHashes().get(0), "same picture");
  }

  @Test
  void twoHundredPages() throws Exception {
    Path file = dir.resolve("200.pdf");
    pdf(
        file,
        doc -> {
          for (int i = 1; i <= 200; i++) {
            page(doc, i % 2 == 0 ? PDRectangle.A4 : PDRectangle.LETTER, 0, "Trang số " + i);
          }
        });
    long started = System.nanoTime();
    PdfTools.Inspection inspection = PdfTools.inspect(file);
    long ms = (System.nanoTime() - started) / 1_000_000;
    assertEquals(200, inspection.pages());
    assertEquals(200, new HashSet<>(inspection.pageHashes()).size());
    assertTrue(ms < 30_000, "inspected 200 pages in " + ms + " ms");

    Path stamped = dir.resolve("200-stamped.pdf");
    PdfTools.watermark(file, stamped, DELEGATE);
    try (PDDocument doc = Loader.loadPDF(stamped.toFile())) {
      assertEquals(200, doc.getNumberOfPages());
      assertTrue(textOf(doc, 200).contains(NAME));
    }
  }

  // --- watermark -----------------------------------------------------------------------------

  @Test
  void everyPageCarriesTheDelegateWhateverItsSizeAndRotation() throws Exception {
    Path in = dir.resolve("in.pdf");
    pdf(
        in,
        doc -> {
          threePages(doc);
          page(doc, new PDRectangle(420, 595), 180, "Trang A5 lộn ngược");
          page(doc, PDRectangle.A3, 270, "Trang A3 xoay 270");
          PDPage cropped = page(doc, PDRectangle.A4, 0, "Trang có vùng cắt");
          cropped.setCropBox(new PDRectangle(50, 100, 400, 500));
        });
    Path out = dir.resolve("out.pdf");
    PdfTools.watermark(in, out, DELEGATE);

    try (PDDocument doc = Loader.loadPDF(out.toFile())) {
      assertEquals(6, doc.getNumberOfPages());
      for (int p = 1; p <= 6; p++) {
        String text = textOf(doc, p);
        assertTrue(Normalizer.isNormalized(text, Normalizer.Form.NFC), "NFC on page " + p);
        assertTrue(text.contains(NAME), "name on page " + p + ": " + text);
        assertTrue(text.contains(UNIT), "unit on page " + p);
        assertTrue(text.contains("Mã " + CODE), "code on page " + p);
        assertTrue(text.contains("22/11/2026 14:05"), "time on page " + p);
        assertTrue(
            text.contains(NAME + " · " + UNIT + " · 22/11/2026 14:05 · Mã " + CODE),
            "footer line on page " + p + ": " + text);
      }
      // (PDFBox breaks the lines of horizontal text on a turned page at tall letters: joined)
      assertTrue(
          textOf(doc, 2).replace("\n", "").contains("Trang 2: Đồng bằng sông Cửu Long"),
          "the page's own text stays");
      for (PDPage page : doc.getPages()) {
        for (COSName font : page.getResources().getFontNames()) {
          PDFont f = page.getResources().getFont(font);
          assertTrue(f.isEmbedded(), f.getName() + " embedded");
        }
      }
    }
  }

  @Test
  void decomposedAndUnusualInputStillReadsBackAsNfc() throws Exception {
    Path in = dir.resolve("in.pdf");
    pdf(in, doc -> page(doc, PDRectangle.A4, 0, "Nội dung"));
    String nfd = Normalizer.normalize("Đỗ Thị Ngọc Trâm", Normalizer.Form.NFD);
    assertNotEquals("Đỗ Thị Ngọc Trâm", nfd);
    Path out = dir.resolve("out.pdf");
    PdfTools.watermark(
        in, out, new PdfTools.Watermark(nfd, "Sở Kế hoạch và Đầu tư\n(tỉnh)", null, "Ư8Ơ-ỆỮỖ 😀"));
    try (PDDocument doc = Loader.loadPDF(out.toFile())) {
      String text = textOf(doc, 1);
      assertTrue(text.contains("Đỗ Thị Ngọc Trâm"), text);
      assertTrue(text.contains("Sở Kế hoạch và Đầu tư (tỉnh)"), text);
      assertTrue(text.contains("Mã Ư8Ơ-ỆỮỖ ?"), "a glyph the font lacks becomes ?: " + text);
    }
  }

  @Test
  void theOutputMayReplaceTheInput() throws Exception {
    Path file = dir.resolve("same.pdf");
    pdf(file, this::threePages);
    PdfTools.watermark(file, file, DELEGATE);
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      assertTrue(textOf(doc, 3).contains(NAME));
    }
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }

  // --- annotate ------------------------------------------------------------------------------

  @Test
  void marksBecomeRealAnnotationsOnTheRightPages() throws Exception {
    Path in = dir.resolve("in.pdf");
    pdf(in, this::threePages);
    List<Mark> marks =
        List.of(
            new Mark(
                Kind.HIGHLIGHT,
                1,
                "#FFEB3B",
                List.of(new double[] {0.1, 0.1, 0.5, 0.03}, new double[] {0.1, 0.14, 0.3, 0.03}),
                null,
                "Cần làm rõ số liệu",
                "Nguyễn Thị Hằng"),
            new Mark(
                Kind.INK,
                2,
                "#1565C0",
                null,
                List.of(
                    List.of(
                        new double[] {0.2, 0.2}, new double[] {0.4, 0.3}, new double[] {0.6, 0.2}),
                    List.of(new double[] {0.5, 0.5})),
                null,
                "Trần Văn Bình"),
            new Mark(
                Kind.NOTE,
                3,
                "not a color",
                List.of(new double[] {0.8, 0.05, 0, 0}),
                null,
                "Đề nghị bổ sung ý kiến của xã",
                "Lê Thị Thu"),
            new Mark(Kind.NOTE, 9, null, null, null, "page 9 does not exist", "x"),
            new Mark(
                Kind.HIGHLIGHT, 1, null, List.of(new double[] {0.1, 0.1, 0, 0}), null, "", ""));
    TrackingOutput out = new TrackingOutput();
    PdfTools.annotate(in, out, marks);
    assertFalse(out.closed, "the caller's stream stays open");

    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      List<PDAnnotation> p1 = doc.getPage(0).getAnnotations();
      List<PDAnnotation> p2 = doc.getPage(1).getAnnotations();
      List<PDAnnotation> p3 = doc.getPage(2).getAnnotations();
      assertEquals(1, p1.size(), "the empty highlight is skipped");
      assertEquals(1, p2.size());
      assertEquals(1, p3.size());

      PDAnnotationHighlight highlight = assertInstanceOf(PDAnnotationHighlight.class, p1.get(0));
      float[] quads = highlight.getQuadPoints();
      assertEquals(16, quads.length, "one quadrilateral per rectangle");
      PDRectangle box = doc.getPage(0).getCropBox();
      for (int i = 0; i < quads.length; i += 2) {
        assertTrue(box.contains(quads[i], quads[i + 1]), "quad point inside the page");
      }
      // first rectangle, top-left corner: 10% from the left, 10% from the top
      assertEquals(0.1f * box.getWidth(), quads[0], 0.01);
      assertEquals(0.9f * box.getHeight(), quads[1], 0.01);
      assertArrayEquals(
          new float[] {1f, 235 / 255f, 59 / 255f}, highlight.getColor().getComponents(), 0.001f);
      assertEquals("Nguyễn Thị Hằng", highlight.getTitlePopup());
      assertEquals("Cần làm rõ số liệu", highlight.getContents());
      assertNotNull(highlight.getNormalAppearanceStream(), "has an appearance");
      assertTrue(highlight.isPrinted());

      PDAnnotationInk ink = assertInstanceOf(PDAnnotationInk.class, p2.get(0));
      assertEquals(2, ink.getInkList().length, "two strokes (one a dot)");
      assertEquals(6, ink.getInkList()[0].length);
      assertNotNull(ink.getNormalAppearanceStream());
      assertEquals("Trần Văn Bình", ink.getTitlePopup());

      PDAnnotationText note = assertInstanceOf(PDAnnotationText.class, p3.get(0));
      assertEquals("Đề nghị bổ sung ý kiến của xã", note.getContents());
      assertEquals("Lê Thị Thu", note.getTitlePopup());
      assertArrayEquals(new float[] {1f, 1f, 0f}, note.getColor().getComponents(), 0.001f);
      PDRectangle letter = doc.getPage(2).getCropBox();
      assertTrue(note.getRectangle().getUpperRightX() <= letter.getUpperRightX() + 0.01);
      assertNotNull(note.getNormalAppearanceStream());
    }
  }

  @Test
  void marksOnRotatedPagesAreInTheUnrotatedPagesFractions() throws Exception {
    // the web app records marks in fractions of the page without its /Rotate, from the top left
    Path in = dir.resolve("rotated.pdf");
    pdf(
        in,
        doc -> {
          for (int rotation : new int[] {0, 90, 180, 270}) {
            page(doc, PDRectangle.A4, rotation, "Trang xoay " + rotation);
          }
        });
    List<Mark> marks = new ArrayList<>();
    for (int p = 1; p <= 4; p++) {
      marks.add(
          new Mark(
              Kind.HIGHLIGHT,
              p,
              "#FF0000",
              List.of(new double[] {0.1, 0.1, 0.2, 0.1}),
              null,
              "",
              ""));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfTools.annotate(in, out, marks);
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      for (int p = 0; p < 4; p++) {
        PDRectangle box = doc.getPage(p).getCropBox();
        float[] q =
            ((org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationTextMarkup)
                    doc.getPage(p).getAnnotations().get(0))
                .getQuadPoints();
        float minX = Math.min(Math.min(q[0], q[2]), Math.min(q[4], q[6]));
        float maxX = Math.max(Math.max(q[0], q[2]), Math.max(q[4], q[6]));
        float minY = Math.min(Math.min(q[1], q[3]), Math.min(q[5], q[7]));
        float maxY = Math.max(Math.max(q[1], q[3]), Math.max(q[5], q[7]));
        float w = box.getWidth();
        float h = box.getHeight();
        assertEquals(box.getLowerLeftX() + 0.1 * w, minX, 1, "left, page " + (p + 1));
        assertEquals(box.getLowerLeftX() + 0.3 * w, maxX, 1, "right");
        assertEquals(box.getUpperRightY() - 0.1 * h, maxY, 1, "top");
        assertEquals(box.getUpperRightY() - 0.2 * h, minY, 1, "bottom");
      }
    }
  }

  // --- images to PDF -------------------------------------------------------------------------

  @Test
  void scansBecomeOnePagePerImageFittedToA4() throws Exception {
    Path jpeg = dir.resolve("scan-1.jpg");
    Path png = dir.resolve("scan-2.png");
    ImageIO.write(picture(1200, 800, Color.ORANGE), "jpg", jpeg.toFile());
    ImageIO.write(picture(600, 900, Color.CYAN), "png", png.toFile());
    Path out = dir.resolve("scans.pdf");

    PdfTools.imagesToPdf(List.of(jpeg, png), out);

    try (PDDocument doc = Loader.loadPDF(out.toFile())) {
      assertEquals(2, doc.getNumberOfPages());
      PDRectangle landscape = doc.getPage(0).getMediaBox();
      assertEquals(PDRectangle.A4.getHeight(), landscape.getWidth(), 0.5, "wide image, A4 across");
      assertEquals(PDRectangle.A4.getHeight() * 800 / 1200, landscape.getHeight(), 0.5);
      PDRectangle portrait = doc.getPage(1).getMediaBox();
      assertEquals(PDRectangle.A4.getHeight(), portrait.getHeight(), 0.5, "tall image, A4 high");
      assertEquals(PDRectangle.A4.getHeight() * 600 / 900, portrait.getWidth(), 0.5);

      COSName imageName = doc.getPage(0).getResources().getXObjectNames().iterator().next();
      PDImageXObject image = (PDImageXObject) doc.getPage(0).getResources().getXObject(imageName);
      COSStream stream = image.getCOSObject();
      assertEquals(COSName.DCT_DECODE, stream.getFilters(), "the JPEG as it was");
      try (InputStream raw = stream.createRawInputStream()) {
        assertArrayEquals(Files.readAllBytes(jpeg), raw.readAllBytes(), "not recompressed");
      }
    }
    assertEquals(2, PdfTools.inspect(out).pages());
  }

  @Test
  void aPhoneScanIsTurnedUprightByItsExifOrientation() throws Exception {
    Path plain = dir.resolve("plain.jpg");
    ImageIO.write(picture(800, 600, Color.GREEN), "jpg", plain.toFile());
    Path turned = dir.resolve("turned.jpg");
    Files.write(turned, withExifOrientation(Files.readAllBytes(plain), 6));
    assertEquals(90, PdfTools.exifRotation(turned));
    assertEquals(0, PdfTools.exifRotation(plain));
    Path out = dir.resolve("turned.pdf");
    PdfTools.imagesToPdf(List.of(turned), out);
    try (PDDocument doc = Loader.loadPDF(out.toFile())) {
      PDPage page = doc.getPage(0);
      assertEquals(90, page.getRotation());
      // stored 800x600, shown 600x800: portrait, as wide as A4
      assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getHeight(), 0.5);
      assertEquals(PDRectangle.A4.getWidth() * 800 / 600, page.getMediaBox().getWidth(), 0.5);
    }
  }

  @Test
  void badImagesAreRefused() throws Exception {
    Path text = dir.resolve("note.jpg");
    Files.writeString(text, "không phải ảnh");
    Path broken = dir.resolve("broken.jpg");
    Files.write(broken, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
    Path brokenPng = dir.resolve("broken.png");
    Files.write(brokenPng, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
    Path good = dir.resolve("good.png");
    ImageIO.write(picture(100, 100, Color.RED), "png", good.toFile());
    Path out = dir.resolve("out.pdf");
    for (Path bad : List.of(text, broken, brokenPng)) {
      PdfException e =
          assertThrows(PdfException.class, () -> PdfTools.imagesToPdf(List.of(good, bad), out));
      assertEquals(PdfException.Reason.NOT_IMAGE, e.reason(), bad.toString());
      assertFalse(Files.exists(out), "nothing written");
    }
    assertThrows(IllegalArgumentException.class, () -> PdfTools.imagesToPdf(List.of(), out));
  }

  // --- bad PDFs ------------------------------------------------------------------------------

  @Test
  void badFilesAreRefusedWithTheirReason() throws Exception {
    Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
    Path random = Files.write(dir.resolve("random.pdf"), randomBytes(new Random(1), 5000));
    Path html = Files.writeString(dir.resolve("page.pdf"), "<html><body>%PDF</body></html>");
    Path headerOnly =
        Files.write(dir.resolve("header.pdf"), "%PDF-1.7\n%âãÏÓ\n".getBytes("ISO-8859-1"));
    Path locked = dir.resolve("locked.pdf");
    pdf(
        locked,
        doc -> {
          page(doc, PDRectangle.A4, 0, "Mật");
          protect(doc, "secret");
        });
    Path ownerOnly = dir.resolve("owner-only.pdf");
    pdf(
        ownerOnly,
        doc -> {
          page(doc, PDRectangle.A4, 0, "Chỉ hạn chế in");
          protect(doc, "");
        });
    Path noPages = dir.resolve("no-pages.pdf");
    pdf(noPages, doc -> {});

    assertReason(PdfException.Reason.NOT_PDF, empty);
    assertReason(PdfException.Reason.NOT_PDF, random);
    assertReason(PdfException.Reason.NOT_PDF, html);
    assertReason(PdfException.Reason.DAMAGED, headerOnly);
    assertReason(PdfException.Reason.ENCRYPTED, locked);
    assertReason(PdfException.Reason.DAMAGED, noPages);

    assertEquals(1, PdfTools.inspect(ownerOnly).pages(), "an owner password alone is no lock");
    Path stamped = dir.resolve("owner-only-stamped.pdf");
    PdfTools.watermark(ownerOnly, stamped, DELEGATE);
    try (PDDocument doc = Loader.loadPDF(stamped.toFile())) {
      assertFalse(doc.isEncrypted());
      assertTrue(textOf(doc, 1).contains(NAME));
    }
  }

  @Test
  void fuzzedPdfsGiveAResultOrAPdfExceptionNeverAnythingElse() throws Exception {
    Path good = dir.resolve("good.pdf");
    pdf(good, this::threePages);
    byte[] bytes = Files.readAllBytes(good);
    Random random = new Random(20261122);
    Path file = dir.resolve("fuzz.pdf");
    Path out = dir.resolve("fuzz-out.pdf");
    int refused = 0;
    for (int round = 0; round < 60; round++) {
      byte[] bad;
      if (round % 3 == 0) { // truncated
        bad = Arrays.copyOf(bytes, 8 + random.nextInt(bytes.length - 8));
      } else { // bytes changed here and there
        bad = bytes.clone();
        int changes = 1 + random.nextInt(round % 3 == 1 ? 5 : 200);
        for (int i = 0; i < changes; i++) {
          bad[8 + random.nextInt(bad.length - 8)] = (byte) random.nextInt(256);
        }
      }
      Files.write(file, bad);
      try {
        PdfTools.Inspection inspection = PdfTools.inspect(file);
        assertTrue(inspection.pages() >= 1);
        PdfTools.watermark(file, out, DELEGATE);
        PdfTools.annotate(
            file,
            OutputStream.nullOutputStream(),
            List.of(new Mark(Kind.NOTE, 1, null, null, null, "x", "y")));
      } catch (PdfException e) {
        refused++;
        assertNotNull(e.reason());
      } catch (Throwable e) {
        fail("round " + round + ": " + e, e);
      }
    }
    assertTrue(refused > 0, "some of the broken files are refused");
  }

  @Test
  void annotateAndWatermarkRefuseBadFilesToo() throws Exception {
    Path random = Files.write(dir.resolve("random.pdf"), randomBytes(new Random(2), 100));
    PdfException a =
        assertThrows(
            PdfException.class,
            () -> PdfTools.annotate(random, new ByteArrayOutputStream(), List.of()));
    assertEquals(PdfException.Reason.NOT_PDF, a.reason());
    Path out = dir.resolve("out.pdf");
    PdfException w =
        assertThrows(PdfException.class, () -> PdfTools.watermark(random, out, DELEGATE));
    assertEquals(PdfException.Reason.NOT_PDF, w.reason());
    assertFalse(Files.exists(out));
  }

  // --- helpers -------------------------------------------------------------------------------

  interface DocWork {
    void build(PDDocument doc) throws IOException;
  }

  static void pdf(Path file, DocWork work) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      work.build(doc);
      doc.save(file.toFile());
    }
  }

  void threePages(PDDocument doc) throws IOException {
    page(doc, PDRectangle.A4, 0, "Trang 1: Báo cáo kinh tế – xã hội quý IV");
    page(doc, PDRectangle.A4, 90, "Trang 2: Đồng bằng sông Cửu Long");
    page(doc, PDRectangle.LETTER, 0, "Trang 3: Kết luận của Chủ tọa");
  }

  /** A page with a line of text in the bundled font, as real documents embed it. */
  static PDPage page(PDDocument doc, PDRectangle size, int rotation, String text)
      throws IOException {
    PDPage page = new PDPage(size);
    page.setRotation(rotation);
    doc.addPage(page);
    PDFont font;
    try (InputStream in = PdfTools.Fonts.open(PdfTools.FONT_REGULAR)) {
      font = PDType0Font.load(doc, in, true);
    }
    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
      cs.beginText();
      cs.setFont(font, 14);
      cs.newLineAtOffset(72, size.getHeight() - 100);
      cs.showText(text);
      cs.endText();
    }
    return page;
  }

  static void scanPage(PDDocument doc, Color paper) throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    PDImageXObject image = LosslessFactory.createFromImage(doc, picture(200, 280, paper));
    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
      cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
    }
  }

  static void protect(PDDocument doc, String userPassword) throws IOException {
    AccessPermission permission = new AccessPermission();
    permission.setCanPrint(false);
    StandardProtectionPolicy policy =
        new StandardProtectionPolicy("owner-secret", userPassword, permission);
    policy.setEncryptionKeyLength(128);
    doc.protect(policy);
  }

  static BufferedImage picture(int w, int h, Color paper) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(paper);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    g.drawString("Biên bản", 10, 30);
    g.fillRect(w / 4, h / 2, w / 2, 8);
    g.dispose();
    return image;
  }

  /** A JPEG with an EXIF APP1 segment (big-endian TIFF, IFD0 with the orientation only). */
  static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    byte[] tiff = {
      'M',
      'M',
      0,
      42,
      0,
      0,
      0,
      8, // header, IFD0 at 8
      0,
      1, // one entry
      0x01,
      0x12,
      0,
      3,
      0,
      0,
      0,
      1,
      0,
      (byte) orientation,
      0,
      0, // orientation, SHORT, 1
      0,
      0,
      0,
      0 // no next IFD
    };
    byte[] exif = new byte[6 + tiff.length];
    System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
    System.arraycopy(tiff, 0, exif, 6, tiff.length);
    int length = exif.length + 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.write(exif, 0, exif.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  static String textOf(PDDocument doc, int page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(doc);
  }

  static boolean isRed(int rgb) {
    int r = (rgb >> 16) & 0xFF;
    int g = (rgb >> 8) & 0xFF;
    int b = rgb & 0xFF;
    return r > 200 && g < 80 && b < 80;
  }

  static byte[] randomBytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  static void assertReason(PdfException.Reason reason, Path file) {
    PdfException e = assertThrows(PdfException.class, () -> PdfTools.inspect(file));
    assertEquals(reason, e.reason(), file.getFileName() + ": " + e.getMessage());
  }

  /** Records whether the stream was closed. */
  static final class TrackingOutput extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }
}
