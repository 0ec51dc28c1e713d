package vn.hopso.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Office documents to PDF with the machine's LibreOffice, on DOCX files made here by hand (the
 * three parts a WordprocessingML package needs). The conversions are skipped where LibreOffice is
 * not installed; the refusals are checked everywhere.
 */
public class OfficeConverterTest {
  static final String TEXT = "Báo cáo kinh tế – xã hội quý IV: Đồng bằng sông Cửu Long";
  static final String SECOND = "Ủy ban nhân dân tỉnh Đồng Tháp – kỳ họp thứ 7";

  static OfficeConverter converter;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    converter = new OfficeConverter(Optional.empty(), Duration.ofSeconds(120));
  }

  @AfterAll
  static void stop() {
    converter.close();
  }

  static void assumeLibreOffice() {
    Assumptions.assumeTrue(
        converter.available(),
        "LibreOffice (soffice) is not installed: ./hopso test installs libreoffice-writer-nogui");
  }

  @Test
  void convertsADocxAndKeepsItsVietnameseText() throws Exception {
    assumeLibreOffice();
    Path docx = docx(dir.resolve("bao-cao.docx"), TEXT, SECOND);
    Set<Path> tempBefore = workFolders();

    long started = System.nanoTime();
    Path pdf = converter.convert(docx, dir.resolve("out"));
    long ms = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("OfficeConverterTest: %s converted in %d ms%n", converter.describe(), ms);

    assertEquals(dir.resolve("out").resolve("bao-cao.pdf"), pdf);
    String text = textOf(pdf);
    assertTrue(text.contains(TEXT), "the Vietnamese text: " + text);
    assertTrue(text.contains(SECOND), text);
    assertEquals(1, PdfTools.inspect(pdf).pages());
    assertEquals(tempBefore, workFolders(), "the temporary folders are gone");
  }

  @Test
  void aVietnameseFileNameIsNoProblem() throws Exception {
    assumeLibreOffice();
    Path docx;
    try {
      docx = dir.resolve("Báo cáo quý IV – Đồng Tháp.docx");
    } catch (InvalidPathException e) {
      Assumptions.abort("this JVM's file names are not UTF-8 (sun.jnu.encoding)");
      return;
    }
    docx(docx, TEXT);
    byte[] original = Files.readAllBytes(docx);
    Path pdf = converter.convert(docx, dir);
    assertEquals("Báo cáo quý IV – Đồng Tháp.pdf", pdf.getFileName().toString());
    assertTrue(Files.isRegularFile(pdf));
    assertTrue(textOf(pdf).contains(TEXT));
    assertArrayEquals(original, Files.readAllBytes(docx), "the input is not changed");
  }

  @Test
  void whatIsNotAnOfficeDocumentFailsQuickly() throws Exception {
    Path random = dir.resolve("random.docx");
    byte[] noise = new byte[4000];
    new Random(7).nextBytes(noise);
    noise[0] = 'x';
    Files.write(random, noise);
    Path text = Files.writeString(dir.resolve("notes.txt"), "Ghi chú");
    Path renamedText = Files.writeString(dir.resolve("notes.doc"), "Ghi chú, không phải DOC");

    long started = System.nanoTime();
    for (Path bad : List.of(random, text, renamedText)) {
      ConversionException e =
          assertThrows(ConversionException.class, () -> converter.convert(bad, dir.resolve("o")));
      assertEquals(ConversionException.Reason.FAILED, e.reason(), bad.toString());
    }
    assertTrue(System.nanoTime() - started < 2_000_000_000L, "refused before LibreOffice runs");

    assumeLibreOffice();
    Path brokenZip = dir.resolve("broken.docx");
    Files.write(brokenZip, "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1));
    started = System.nanoTime();
    ConversionException e =
        assertThrows(
            ConversionException.class, () -> converter.convert(brokenZip, dir.resolve("o")));
    assertEquals(ConversionException.Reason.FAILED, e.reason());
    assertTrue(e.getMessage().contains("LibreOffice"), e.getMessage());
    assertTrue(System.nanoTime() - started < 60_000_000_000L, "LibreOffice gives up on it quickly");
    assertFalse(Files.exists(dir.resolve("o").resolve("broken.pdf")));
  }

  @Test
  void withoutLibreOfficeItSaysSo() throws Exception {
    OfficeConverter missing =
        new OfficeConverter(Optional.of("/nonexistent/libreoffice/soffice"), Duration.ofSeconds(5));
    assertFalse(missing.available());
    assertTrue(missing.describe().contains("not found"), missing.describe());
    Path docx = docx(dir.resolve("a.docx"), TEXT);
    ConversionException e =
        assertThrows(ConversionException.class, () -> missing.convert(docx, dir));
    assertEquals(ConversionException.Reason.UNAVAILABLE, e.reason());

    OfficeConverter notOnPath =
        new OfficeConverter(Optional.of("hopso-no-such-office"), Duration.ofSeconds(5));
    assertFalse(notOnPath.available());
  }

  @Test
  void aConversionOverTheTimeoutIsKilledWithItsChildren() throws Exception {
    assumeLibreOffice();
    OfficeConverter hasty = new OfficeConverter(Optional.empty(), Duration.ofMillis(300));
    try {
      Path docx = docx(dir.resolve("slow.docx"), TEXT);
      ConversionException e =
          assertThrows(ConversionException.class, () -> hasty.convert(docx, dir.resolve("o")));
      assertEquals(ConversionException.Reason.TIMEOUT, e.reason());
      assertEquals(List.of(), officeProcesses(), "no LibreOffice process left behind");
      assertFalse(Files.exists(dir.resolve("o").resolve("slow.pdf")));
    } finally {
      hasty.close();
    }
  }

  @Test
  void conversionsTakeTurns() throws Exception {
    assumeLibreOffice();
    Path first = docx(dir.resolve("one.docx"), "Một: " + TEXT);
    Path second = docx(dir.resolve("two.docx"), "Hai: " + TEXT);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Path> a = pool.submit(() -> converter.convert(first, dir.resolve("out")));
      Future<Path> b = pool.submit(() -> converter.convert(second, dir.resolve("out")));
      assertTrue(textOf(a.get()).contains("Một: " + TEXT));
      assertTrue(textOf(b.get()).contains("Hai: " + TEXT));
    } finally {
      pool.shutdownNow();
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  /**
   * A minimal DOCX: content types, the package relationship and the document, one paragraph each.
   */
  public static Path docx(Path file, String... paragraphs) throws IOException {
    StringBuilder body = new StringBuilder();
    for (String p : paragraphs) {
      body.append("<w:p><w:r><w:t xml:space=\"preserve\">")
          .append(p.replace("&", "&amp;").replace("<", "&lt;"))
          .append("</w:t></w:r></w:p>");
    }
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      entry(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
              + "<Default Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
              + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
              + "</Types>");
      entry(
          zip,
          "_rels/.rels",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<Relationships"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
              + "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
              + "</Relationships>");
      entry(
          zip,
          "word/document.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
              + "<w:document"
              + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
              + "<w:body>"
              + body
              + "</w:body></w:document>");
    }
    return file;
  }

  static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(xml.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** The PDF's text, NFC, with runs of white space as one space. */
  static String textOf(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(doc);
      return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ");
    }
  }

  /** The converter's work folders in the temporary folder (its kept profile aside). */
  static Set<Path> workFolders() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("hopso-office-"))
          .filter(p -> !p.getFileName().toString().startsWith("hopso-office-profile-"))
          .collect(Collectors.toSet());
    }
  }

  /** LibreOffice processes started by a converter (their profile is in a hopso-office folder). */
  static List<String> officeProcesses() throws InterruptedException {
    List<String> left = List.of();
    for (int i = 0; i < 50; i++) {
      left =
          ProcessHandle.allProcesses()
              .filter(ProcessHandle::isAlive)
              .map(h -> h.info().commandLine().orElse(""))
              .filter(c -> c.contains("hopso-office-profile-"))
              .collect(Collectors.toList());
      if (left.isEmpty()) {
        break;
      }
      Thread.sleep(100);
    }
    return left;
  }
}
