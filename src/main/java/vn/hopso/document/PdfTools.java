package vn.hopso.document;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationHighlight;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationInk;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationMarkup;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;

/**
 * The PDF work behind meeting documents, on files: what a PDF holds (pages, a fingerprint per page,
 * a thumbnail), scanned images made into a PDF, a copy stamped with the delegate it was handed to,
 * and a copy carrying a reader's highlights, drawings and notes as real PDF annotations.
 *
 * <p>Every PDF is opened from its file, never read whole into memory, and the objects PDFBox makes
 * while working go to temporary files, so a 500-page scan does not fill the heap. A file that
 * cannot be used is refused with a {@link PdfException} and its {@link PdfException.Reason}, never
 * another exception; failures to read or write the caller's own files and streams are {@link
 * UncheckedIOException}s. A PDF that opens without a password but carries an owner password (use
 * restrictions) is accepted, and the copies written from it drop that encryption.
 *
 * <p>Thread-safe: every method works on its own documents.
 */
public final class PdfTools {
  /** The bundled Liberation fonts (SIL Open Font License), with every Vietnamese letter. */
  static final String FONT_REGULAR = "/liberation/LiberationSans-Regular.ttf";

  static final String FONT_BOLD = "/liberation/LiberationSans-Bold.ttf";

  /** Width of the first page's thumbnail in pixels. */
  public static final int THUMBNAIL_WIDTH = 240;

  /** A very tall first page is cut to this height in the thumbnail's scale. */
  static final int THUMBNAIL_MAX_HEIGHT = 4 * THUMBNAIL_WIDTH;

  /** A PNG is decoded into memory to be embedded: larger ones (in pixels) are refused. */
  static final long MAX_PNG_PIXELS = 60_000_000L;

  /** The color of a mark without a valid one. */
  public static final String DEFAULT_COLOR = "#FFFF00";

  /** Width in points of the strokes of ink marks. */
  static final float INK_WIDTH = 2f;

  /** Size in points of a sticky note's icon. */
  static final float NOTE_SIZE = 20f;

  private static final int MAX_FIELD_LENGTH = 160;

  private PdfTools() {}

  /**
   * What a PDF holds.
   *
   * @param pages the number of pages (at least 1)
   * @param pageHashes for each page in order, the lowercase hex SHA-256 of what the page shows (see
   *     {@link #inspect})
   * @param thumbnailPng the first page as shown (rotation applied), a PNG {@value #THUMBNAIL_WIDTH}
   *     pixels wide (at most {@value #THUMBNAIL_MAX_HEIGHT} high); as in every record, the array is
   *     compared by identity in {@code equals}
   */
  public record Inspection(int pages, List<String> pageHashes, byte[] thumbnailPng) {
    public Inspection {
      pageHashes = List.copyOf(pageHashes);
    }
  }

  /**
   * The delegate a copy is handed to: their full name, their unit, the time of the copy (already
   * formatted, e.g. "22/11/2026 14:05") and the copy's code, which the audit log ties to the
   * delegate. Blank or null fields other than the name are left out.
   */
  public record Watermark(String fullName, String unit, String time, String code) {}

  /**
   * A reader's mark on one page. Coordinates are fractions of the page as shown (its crop box,
   * turned by the page's rotation), from its top-left corner: x and y in [0, 1], a rectangle is {x,
   * y, w, h}, a point {x, y}; values outside [0, 1] are clamped.
   *
   * @param kind what the mark is
   * @param page the page, from 1
   * @param color "#RRGGBB" (or "#RGB"); anything else gives {@link #DEFAULT_COLOR}
   * @param rects a highlight's rectangles (one per line of text); a note's first rectangle places
   *     its icon at its top-left corner
   * @param paths an ink mark's strokes, each a list of points
   * @param text a note's text, or a comment on a highlight or an ink mark
   * @param author who made the mark, shown by PDF readers as the note's title
   */
  public record Mark(
      Kind kind,
      int page,
      String color,
      List<double[]> rects,
      List<List<double[]>> paths,
      String text,
      String author) {
    /** Kinds of marks and the PDF annotations they become. */
    public enum Kind {
      /** A text highlight (Highlight annotation with one quadrilateral per rectangle). */
      HIGHLIGHT,
      /** Free-hand drawing (Ink annotation). */
      INK,
      /** A sticky note (Text annotation). */
      NOTE
    }

    public Mark {
      rects = rects == null ? List.of() : rects;
      paths = paths == null ? List.of() : paths;
    }
  }

  // --- inspect -------------------------------------------------------------------------------

  /**
   * Opens a PDF and tells its page count, a fingerprint of each page and a thumbnail of its first
   * page.
   *
   * <p>A page's fingerprint is the SHA-256 of its visible frame (size and rotation), its extracted
   * text, its decoded content streams and the stored bytes of every image and form it draws. The
   * same page in two files, or in two versions of one document, gets the same fingerprint; a page
   * whose text, drawing or pictures changed gets another one, so a reader's marks can be carried
   * over to a new version where the page did not change. Marks are not part of it.
   *
   * @throws PdfException NOT_PDF, ENCRYPTED or DAMAGED when the file cannot be used (also when it
   *     has no page); never another exception for any content of the file
   * @throws UncheckedIOException when the file cannot be read at all (missing, no permission)
   */
  public static Inspection inspect(Path pdf) {
    return withPdf(
        pdf,
        null,
        doc -> {
          List<PDPage> pages = pagesOf(doc);
          List<String> hashes = new PageHasher(pages.size()).hashes(doc, pages);
          return new Inspection(pages.size(), hashes, thumbnail(doc, pages.get(0)));
        });
  }

  private static byte[] thumbnail(PDDocument doc, PDPage first) throws IOException {
    PageFrame frame = PageFrame.of(first);
    float scale = Math.min(THUMBNAIL_WIDTH / frame.width, THUMBNAIL_MAX_HEIGHT / frame.height);
    PDFRenderer renderer = new PDFRenderer(doc);
    renderer.setSubsamplingAllowed(true);
    BufferedImage image = renderer.renderImage(0, scale, ImageType.RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", png)) {
      throw new IOException("no PNG writer");
    }
    return png.toByteArray();
  }

  /**
   * One pass of text extraction over the document that also hashes, per page, the content streams
   * and the XObjects the page draws (found as the content is interpreted, so resources a page
   * carries but does not use do not count).
   */
  private static final class PageHasher extends PDFTextStripper {
    private final StringWriter text = new StringWriter();
    private final String[] hashes;
    private MessageDigest drawn;
    private Set<COSStream> seen;

    PageHasher(int pages) {
      this.hashes = new String[pages];
      setLineSeparator("\n");
      setWordSeparator(" ");
      setSortByPosition(false);
    }

    List<String> hashes(PDDocument doc, List<PDPage> pages) throws IOException {
      writeText(doc, text);
      for (int i = 0; i < hashes.length; i++) {
        if (hashes[i] == null) { // a page without content streams
          hashes[i] = pageHash(pages.get(i), "", sha256().digest());
        }
      }
      return List.of(hashes);
    }

    @Override
    public void processPage(PDPage page) throws IOException {
      text.getBuffer().setLength(0);
      drawn = sha256();
      seen = Collections.newSetFromMap(new IdentityHashMap<>());
      super.processPage(page);
      int index = getCurrentPageNo() - 1;
      if (index >= 0 && index < hashes.length) {
        hashes[index] = pageHash(page, text.toString(), drawn.digest());
      }
      drawn = null;
      seen = null;
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
      if (drawn != null
          && "Do".equals(operator.getName())
          && !operands.isEmpty()
          && operands.get(0) instanceof COSName name) {
        PDResources resources = getResources();
        COSDictionary xobjects =
            resources == null ? null : resources.getCOSObject().getCOSDictionary(COSName.XOBJECT);
        COSStream stream = xobjects == null ? null : xobjects.getCOSStream(name);
        if (stream != null && seen.add(stream)) {
          update(drawn, "xobject");
          try (InputStream raw = stream.createRawInputStream()) {
            digest(drawn, raw);
          }
        }
      }
      super.processOperator(operator, operands);
    }
  }

  private static String pageHash(PDPage page, String text, byte[] drawn) throws IOException {
    MessageDigest md = sha256();
    PageFrame frame = PageFrame.of(page);
    update(md, "hopso-page-1");
    update(md, frame.rotation + ":" + frame.width + "x" + frame.height);
    update(md, text);
    Iterator<PDStream> streams = page.getContentStreams();
    while (streams.hasNext()) {
      update(md, "content");
      try (InputStream in = streams.next().createInputStream()) {
        digest(md, in);
      }
    }
    md.update(drawn);
    return HexFormat.of().formatHex(md.digest());
  }

  private static void update(MessageDigest md, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    md.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    md.update(bytes);
  }

  private static void digest(MessageDigest md, InputStream in) throws IOException {
    byte[] buf = new byte[16384];
    long total = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      md.update(buf, 0, n);
      total += n;
    }
    md.update(Long.toString(total).getBytes(StandardCharsets.US_ASCII));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- images to PDF -------------------------------------------------------------------------

  /**
   * Makes one PDF of scanned pages: one page per image, in order, each page the image's shape
   * scaled to fit A4 (portrait for a tall image, landscape for a wide one) and filled by the image.
   * JPEGs are embedded as they are (no recompression), turned upright by their EXIF orientation (as
   * the page's rotation); PNGs are embedded losslessly. The output is written whole or not at all.
   *
   * @throws PdfException NOT_IMAGE when an image is not a readable JPEG or PNG (or a PNG over
   *     {@value #MAX_PNG_PIXELS} pixels)
   * @throws IllegalArgumentException when no image is given
   * @throws UncheckedIOException when a file cannot be read or the output written
   */
  public static void imagesToPdf(List<Path> images, Path out) {
    if (images == null || images.isEmpty()) {
      throw new IllegalArgumentException("no image");
    }
    writeAtomically(
        out,
        stream -> {
          try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            for (Path image : images) {
              addImagePage(doc, image);
            }
            doc.save(stream);
          }
        });
  }

  private static void addImagePage(PDDocument doc, Path file) throws IOException {
    byte[] head = readHead(file, 8);
    PDImageXObject image;
    int rotation = 0;
    try {
      if (isJpeg(head)) {
        try (InputStream in = Files.newInputStream(file)) {
          image = JPEGFactory.createFromStream(doc, in);
        }
        rotation = exifRotation(file);
      } else if (isPng(head)) {
        checkPngSize(file);
        image = PDImageXObject.createFromByteArray(doc, Files.readAllBytes(file), "image.png");
      } else {
        throw new PdfException(
            PdfException.Reason.NOT_IMAGE, "not a JPEG or PNG image: " + file.getFileName());
      }
    } catch (PdfException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new PdfException(
          PdfException.Reason.NOT_IMAGE, "unreadable image " + file.getFileName() + ": " + e, e);
    }
    float w = image.getWidth();
    float h = image.getHeight();
    if (w < 1 || h < 1) {
      throw new PdfException(PdfException.Reason.NOT_IMAGE, "empty image " + file.getFileName());
    }
    boolean quarter = rotation == 90 || rotation == 270;
    float shownW = quarter ? h : w;
    float shownH = quarter ? w : h;
    boolean landscape = shownW > shownH;
    float boxW = landscape ? PDRectangle.A4.getHeight() : PDRectangle.A4.getWidth();
    float boxH = landscape ? PDRectangle.A4.getWidth() : PDRectangle.A4.getHeight();
    float scale = Math.min(boxW / shownW, boxH / shownH);
    PDPage page = new PDPage(new PDRectangle(w * scale, h * scale));
    page.setRotation(rotation);
    doc.addPage(page);
    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
      cs.drawImage(image, 0, 0, w * scale, h * scale);
    }
  }

  private static boolean isJpeg(byte[] head) {
    return head.length >= 3
        && (head[0] & 0xFF) == 0xFF
        && (head[1] & 0xFF) == 0xD8
        && (head[2] & 0xFF) == 0xFF;
  }

  private static boolean isPng(byte[] head) {
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static void checkPngSize(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("no PNG reader");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PNG_PIXELS) {
          throw new PdfException(
              PdfException.Reason.NOT_IMAGE,
              "image too large (" + pixels + " pixels): " + file.getFileName());
        }
      } finally {
        reader.dispose();
      }
    }
  }

  /**
   * The clockwise rotation that shows a JPEG upright, from its EXIF orientation (1, 3, 6 or 8; the
   * mirrored orientations, which cameras do not write, count as upright). 0 when there is none.
   */
  static int exifRotation(Path jpeg) {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(jpeg)))) {
      if (in.readUnsignedShort() != 0xFFD8) {
        return 0;
      }
      while (true) {
        int marker = in.readUnsignedShort();
        if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) {
          return 0; // image data starts: no EXIF before it
        }
        int length = in.readUnsignedShort() - 2;
        if (length < 0) {
          return 0;
        }
        if (marker == 0xFFE1 && length >= 14) {
          byte[] segment = new byte[length];
          in.readFully(segment);
          return rotationOf(exifOrientation(segment));
        }
        in.skipNBytes(length);
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static int rotationOf(int orientation) {
    switch (orientation) {
      case 3:
        return 180;
      case 6:
        return 90;
      case 8:
        return 270;
      default:
        return 0;
    }
  }

  /** The orientation tag (0x0112) of IFD0 in an APP1 segment, or 0. */
  private static int exifOrientation(byte[] s) {
    if (!(s[0] == 'E' && s[1] == 'x' && s[2] == 'i' && s[3] == 'f' && s[4] == 0 && s[5] == 0)) {
      return 0;
    }
    int tiff = 6;
    boolean little = s[tiff] == 'I' && s[tiff + 1] == 'I';
    if (!little && !(s[tiff] == 'M' && s[tiff + 1] == 'M')) {
      return 0;
    }
    long ifd = readInt(s, tiff + 4, little);
    if (ifd < 8 || tiff + ifd + 2 > s.length) {
      return 0;
    }
    int at = (int) (tiff + ifd);
    int entries = readShort(s, at, little);
    for (int i = 0; i < entries; i++) {
      int entry = at + 2 + i * 12;
      if (entry + 12 > s.length) {
        return 0;
      }
      if (readShort(s, entry, little) == 0x0112) {
        return readShort(s, entry + 8, little);
      }
    }
    return 0;
  }

  private static int readShort(byte[] s, int at, boolean little) {
    int a = s[at] & 0xFF;
    int b = s[at + 1] & 0xFF;
    return little ? (b << 8) | a : (a << 8) | b;
  }

  private static long readInt(byte[] s, int at, boolean little) {
    long hi = readShort(s, at + (little ? 2 : 0), little);
    long lo = readShort(s, at + (little ? 0 : 2), little);
    return (hi << 16) | lo;
  }

  // --- watermark ------------------------------------------------------------------------------

  /**
   * Writes a copy of a PDF in which every page carries who it was handed to: the full name large
   * and faint across the middle of the page (with the unit and code under it), and a small footer
   * line "name · unit · time · Mã code" at the bottom. Both follow each page's size and rotation,
   * so they read upright as the page is shown. The text is set in the bundled Liberation Sans
   * (embedded as a subset) after Unicode NFC normalization, so text extraction and search return
   * the name with its Vietnamese diacritics exactly as given (in NFC); characters the font lacks
   * become "?". The output is written whole or not at all; it may be the input file itself.
   *
   * @throws PdfException NOT_PDF, ENCRYPTED or DAMAGED when the input cannot be used
   * @throws IllegalArgumentException when the full name is blank
   * @throws UncheckedIOException when a file cannot be read or the output written
   */
  public static void watermark(Path in, Path out, Watermark w) {
    Objects.requireNonNull(w, "watermark");
    if (w.fullName() == null || w.fullName().isBlank()) {
      throw new IllegalArgumentException("the watermark needs the delegate's full name");
    }
    writeAtomically(
        out,
        stream ->
            withPdf(
                in,
                stream,
                doc -> {
                  List<PDPage> pages = pagesOf(doc);
                  Stamp stamp = new Stamp(doc, w);
                  for (PDPage page : pages) {
                    stamp.apply(doc, page);
                  }
                  doc.setAllSecurityToBeRemoved(true);
                  doc.save(stream);
                  return null;
                }));
  }

  /** The watermark's fonts, states and texts for one document. */
  private static final class Stamp {
    private final PDFont bold;
    private final PDFont regular;
    private final PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
    private final PDExtendedGraphicsState footerBack = new PDExtendedGraphicsState();
    private final String name;
    private final String second;
    private final String footer;

    Stamp(PDDocument doc, Watermark w) throws IOException {
      try (InputStream b = Fonts.open(FONT_BOLD);
          InputStream r = Fonts.open(FONT_REGULAR)) {
        bold = PDType0Font.load(doc, b, true);
        regular = PDType0Font.load(doc, r, true);
      }
      faint.setNonStrokingAlphaConstant(0.2f);
      footerBack.setNonStrokingAlphaConstant(0.75f);
      name = printable(w.fullName());
      String unit = printable(w.unit());
      String time = printable(w.time());
      String code = printable(w.code());
      String codeText = code.isEmpty() ? "" : "Mã " + code;
      second = join(unit, codeText);
      footer = join(name, unit, time, codeText);
    }

    void apply(PDDocument doc, PDPage page) throws IOException {
      PageFrame frame = PageFrame.of(page);
      try (PDPageContentStream cs =
          new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
        cs.beginMarkedContent(COSName.ARTIFACT);
        cs.saveGraphicsState();
        cs.transform(frame.visualToUser());
        diagonal(cs, frame.width, frame.height);
        footer(cs, frame.width);
        cs.restoreGraphicsState();
        cs.endMarkedContent();
      }
    }

    private void diagonal(PDPageContentStream cs, float w, float h) throws IOException {
      float diagonal = (float) Math.hypot(w, h);
      float nameEm = bold.getStringWidth(name) / 1000f;
      float size = Math.max(6f, Math.min(0.6f * diagonal / nameEm, Math.min(w, h) / 8f));
      float secondSize = size * 0.4f;
      if (!second.isEmpty()) {
        float secondEm = regular.getStringWidth(second) / 1000f;
        secondSize = Math.max(4f, Math.min(secondSize, 0.6f * diagonal / secondEm));
      }
      cs.saveGraphicsState();
      cs.setGraphicsStateParameters(faint);
      cs.setNonStrokingColor(0.45f, 0.45f, 0.45f);
      cs.transform(Matrix.getRotateInstance(Math.atan2(h, w), w / 2, h / 2));
      cs.beginText();
      cs.setFont(bold, size);
      cs.newLineAtOffset(-nameEm * size / 2, secondSize * 0.6f);
      cs.showText(name);
      cs.endText();
      if (!second.isEmpty()) {
        float secondWidth = regular.getStringWidth(second) / 1000f * secondSize;
        cs.beginText();
        cs.setFont(regular, secondSize);
        cs.newLineAtOffset(-secondWidth / 2, -secondSize * 1.2f);
        cs.showText(second);
        cs.endText();
      }
      cs.restoreGraphicsState();
    }

    private void footer(PDPageContentStream cs, float w) throws IOException {
      float margin = Math.min(18f, w / 20f);
      float em = regular.getStringWidth(footer) / 1000f;
      float size = Math.min(Math.max(w / 80f, 6f), 9f);
      size = Math.max(3f, Math.min(size, (w - 2 * margin) / em));
      float textWidth = em * size;
      float x = (w - textWidth) / 2;
      float y = Math.max(4f, margin / 2);
      cs.saveGraphicsState();
      cs.setGraphicsStateParameters(footerBack);
      cs.setNonStrokingColor(1f, 1f, 1f);
      cs.addRect(x - 3, y - size * 0.35f, textWidth + 6, size * 1.4f);
      cs.fill();
      cs.restoreGraphicsState();
      cs.beginText();
      cs.setNonStrokingColor(0.2f, 0.2f, 0.2f);
      cs.setFont(regular, size);
      cs.newLineAtOffset(x, y);
      cs.showText(footer);
      cs.endText();
    }

    /** NFC, one line, what both fonts can show (others become "?"), at most a set length. */
    private String printable(String value) {
      if (value == null) {
        return "";
      }
      String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
      StringBuilder b = new StringBuilder();
      int count = 0;
      for (int i = 0; i < nfc.length() && count < MAX_FIELD_LENGTH; ) {
        int cp = nfc.codePointAt(i);
        i += Character.charCount(cp);
        if (Character.isWhitespace(cp)
            || Character.isSpaceChar(cp)
            || Character.isISOControl(cp)
            || Character.getType(cp) == Character.FORMAT) {
          if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
            b.append(' ');
            count++;
          }
        } else {
          String ch = new String(Character.toChars(cp));
          b.append(canShow(bold, ch) && canShow(regular, ch) ? ch : "?");
          count++;
        }
      }
      return b.toString().strip();
    }

    private static boolean canShow(PDFont font, String ch) {
      try {
        font.encode(ch);
        return true;
      } catch (IllegalArgumentException | IOException e) {
        return false;
      }
    }

    private static String join(String... parts) {
      StringBuilder b = new StringBuilder();
      for (String p : parts) {
        if (!p.isEmpty()) {
          if (b.length() > 0) {
            b.append(" · ");
          }
          b.append(p);
        }
      }
      return b.toString();
    }
  }

  /** The bundled fonts, read from the class path (never from the machine's fonts). */
  static final class Fonts {
    private Fonts() {}

    static InputStream open(String resource) {
      InputStream in = PdfTools.class.getResourceAsStream(resource);
      if (in == null) {
        throw new IllegalStateException(
            "font " + resource + " is not on the class path (openpdf-fonts-extra)");
      }
      return in;
    }
  }

  // --- annotate -------------------------------------------------------------------------------

  /**
   * Writes a copy of a PDF carrying the given marks as real PDF annotations that any PDF reader
   * shows, prints and lists: a highlight becomes a Highlight annotation with one quadrilateral per
   * rectangle, ink an Ink annotation with one path per stroke, a note a Text annotation (sticky
   * note, "Comment" icon) with its text and author. Each has an appearance stream, its color, its
   * author as title, the time it was written, and is marked for printing. The page's rotation (0,
   * 90, 180, 270) is applied, so a mark sits where the reader saw it on the shown page. Marks on
   * pages the PDF does not have, of no kind, or without a usable rectangle or stroke are skipped.
   *
   * <p>The copy is written to {@code out}, which is flushed and not closed; after an exception what
   * was written is incomplete and must be thrown away.
   *
   * @throws PdfException NOT_PDF, ENCRYPTED or DAMAGED when the input cannot be used
   * @throws UncheckedIOException when the input cannot be read or {@code out} fails
   */
  public static void annotate(Path in, OutputStream out, List<Mark> marks) {
    Objects.requireNonNull(out, "out");
    List<Mark> all = marks == null ? List.of() : marks;
    SafeOutput safe = new SafeOutput(out);
    withPdf(
        in,
        safe,
        doc -> {
          List<PDPage> pages = pagesOf(doc);
          Calendar now = Calendar.getInstance();
          for (Mark mark : all) {
            if (mark == null || mark.kind() == null || mark.page() < 1) {
              continue;
            }
            if (mark.page() > pages.size()) {
              continue;
            }
            PDPage page = pages.get(mark.page() - 1);
            PDAnnotationMarkup annotation = annotation(mark, PageFrame.unrotated(page));
            if (annotation == null) {
              continue;
            }
            annotation.setColor(color(mark.color()));
            if (mark.author() != null && !mark.author().isBlank()) {
              annotation.setTitlePopup(mark.author().strip());
            }
            if (mark.text() != null && !mark.text().isBlank()) {
              annotation.setContents(mark.text());
            }
            annotation.setAnnotationName(UUID.randomUUID().toString());
            annotation.setCreationDate(now);
            annotation.setModifiedDate(now);
            annotation.setPrinted(true);
            annotation.setPage(page);
            annotation.constructAppearances(doc);
            List<PDAnnotation> annotations = page.getAnnotations();
            annotations.add(annotation);
            page.setAnnotations(annotations);
          }
          doc.setAllSecurityToBeRemoved(true);
          doc.save(safe);
          safe.flush();
          return null;
        });
  }

  private static PDAnnotationMarkup annotation(Mark mark, PageFrame frame) {
    switch (mark.kind()) {
      case HIGHLIGHT:
        return highlight(mark, frame);
      case INK:
        return ink(mark, frame);
      case NOTE:
        return note(mark, frame);
      default:
        return null;
    }
  }

  private static PDAnnotationHighlight highlight(Mark mark, PageFrame frame) {
    List<float[]> quads = new ArrayList<>();
    Bounds bounds = new Bounds();
    for (double[] r : mark.rects()) {
      if (!usableRect(r) || r[2] <= 0 || r[3] <= 0) {
        continue;
      }
      double x2 = r[0] + r[2];
      double y2 = r[1] + r[3];
      // top-left, top-right, bottom-left, bottom-right of the shown rectangle: the order PDF
      // readers expect (a "Z"), whatever the page's rotation
      float[] quad = new float[8];
      put(quad, 0, frame.toUser(r[0], r[1]), bounds);
      put(quad, 2, frame.toUser(x2, r[1]), bounds);
      put(quad, 4, frame.toUser(r[0], y2), bounds);
      put(quad, 6, frame.toUser(x2, y2), bounds);
      quads.add(quad);
    }
    if (quads.isEmpty() || bounds.isEmpty()) {
      return null;
    }
    float[] all = new float[quads.size() * 8];
    for (int i = 0; i < quads.size(); i++) {
      System.arraycopy(quads.get(i), 0, all, i * 8, 8);
    }
    PDAnnotationHighlight h = new PDAnnotationHighlight();
    h.setQuadPoints(all);
    h.setRectangle(bounds.rectangle(0));
    return h;
  }

  private static PDAnnotationInk ink(Mark mark, PageFrame frame) {
    List<float[]> strokes = new ArrayList<>();
    Bounds bounds = new Bounds();
    for (List<double[]> path : mark.paths()) {
      if (path == null) {
        continue;
      }
      List<float[]> points = new ArrayList<>();
      for (double[] p : path) {
        if (p != null && p.length >= 2 && Double.isFinite(p[0]) && Double.isFinite(p[1])) {
          points.add(frame.toUser(p[0], p[1]));
        }
      }
      if (points.isEmpty()) {
        continue;
      }
      if (points.size() == 1) { // a tap: a dot
        float[] p = points.get(0);
        points.add(new float[] {p[0] + 0.5f, p[1]});
      }
      float[] stroke = new float[points.size() * 2];
      for (int i = 0; i < points.size(); i++) {
        put(stroke, i * 2, points.get(i), bounds);
      }
      strokes.add(stroke);
    }
    if (strokes.isEmpty()) {
      return null;
    }
    PDAnnotationInk ink = new PDAnnotationInk();
    ink.setInkList(strokes.toArray(new float[0][]));
    PDBorderStyleDictionary border = new PDBorderStyleDictionary();
    border.setWidth(INK_WIDTH);
    ink.setBorderStyle(border);
    ink.setRectangle(bounds.rectangle(INK_WIDTH));
    return ink;
  }

  private static PDAnnotationText note(Mark mark, PageFrame frame) {
    double x = 0.02;
    double y = 0.02;
    if (!mark.rects().isEmpty() && usableRect(mark.rects().get(0))) {
      x = mark.rects().get(0)[0];
      y = mark.rects().get(0)[1];
    }
    x = PageFrame.clamp(x);
    y = PageFrame.clamp(y);
    // the icon's square on the shown page, kept inside it
    double w = Math.min(1, NOTE_SIZE / frame.width);
    double h = Math.min(1, NOTE_SIZE / frame.height);
    x = Math.min(x, 1 - w);
    y = Math.min(y, 1 - h);
    Bounds bounds = new Bounds();
    float[] tmp = new float[2];
    put(tmp, 0, frame.toUser(x, y), bounds);
    put(tmp, 0, frame.toUser(x + w, y + h), bounds);
    PDAnnotationText note = new PDAnnotationText();
    note.setName(PDAnnotationText.NAME_COMMENT);
    note.setRectangle(bounds.rectangle(0));
    return note;
  }

  private static boolean usableRect(double[] r) {
    if (r == null || r.length < 4) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (!Double.isFinite(r[i])) {
        return false;
      }
    }
    return true;
  }

  private static void put(float[] target, int at, float[] point, Bounds bounds) {
    target[at] = point[0];
    target[at + 1] = point[1];
    bounds.add(point[0], point[1]);
  }

  /** A bounding box in user space. */
  private static final class Bounds {
    private float minX = Float.POSITIVE_INFINITY;
    private float minY = Float.POSITIVE_INFINITY;
    private float maxX = Float.NEGATIVE_INFINITY;
    private float maxY = Float.NEGATIVE_INFINITY;

    void add(float x, float y) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }

    boolean isEmpty() {
      return !(maxX > minX || maxY > minY);
    }

    PDRectangle rectangle(float pad) {
      return new PDRectangle(minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad);
    }
  }

  /** "#RRGGBB" or "#RGB" as an RGB color; anything else is {@link #DEFAULT_COLOR}. */
  static PDColor color(String value) {
    int rgb = parseColor(value);
    if (rgb < 0) {
      rgb = parseColor(DEFAULT_COLOR);
    }
    return new PDColor(
        new float[] {((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f},
        PDDeviceRGB.INSTANCE);
  }

  private static int parseColor(String value) {
    if (value == null) {
      return -1;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (!v.matches("#([0-9a-f]{3}|[0-9a-f]{6})")) {
      return -1;
    }
    if (v.length() == 4) {
      v = "#" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3);
    }
    return Integer.parseInt(v.substring(1), 16);
  }

  // --- opening and writing ------------------------------------------------------------------

  @FunctionalInterface
  private interface PdfWork<T> {
    T run(PDDocument doc) throws IOException;
  }

  @FunctionalInterface
  private interface Writing {
    void write(SafeOutput out) throws IOException;
  }

  /**
   * Opens a PDF, runs the work on it and closes it. Anything the content of the file makes PDFBox
   * throw becomes a {@link PdfException}; a failure of {@code out} stays an I/O failure.
   */
  private static <T> T withPdf(Path pdf, SafeOutput out, PdfWork<T> work) {
    PDDocument doc = open(pdf);
    try {
      return work.run(doc);
    } catch (PdfException e) {
      throw e;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      if (out != null && out.failure != null) {
        throw new UncheckedIOException("cannot write the PDF", out.failure);
      }
      throw damaged(pdf, e);
    } finally {
      try {
        doc.close();
      } catch (IOException | RuntimeException e) {
        // the work is done; nothing to keep of a failed close
      }
    }
  }

  private static PDDocument open(Path pdf) {
    Objects.requireNonNull(pdf, "pdf");
    byte[] head = readHead(pdf, 1024);
    if (indexOf(head, "%PDF-".getBytes(StandardCharsets.US_ASCII)) < 0) {
      throw new PdfException(PdfException.Reason.NOT_PDF, "not a PDF: " + pdf.getFileName());
    }
    try {
      return Loader.loadPDF(pdf.toFile(), "", IOUtils.createTempFileOnlyStreamCache());
    } catch (InvalidPasswordException e) {
      throw new PdfException(
          PdfException.Reason.ENCRYPTED, "the PDF needs a password: " + pdf.getFileName(), e);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw damaged(pdf, e);
    }
  }

  private static PdfException damaged(Path pdf, Throwable e) {
    return new PdfException(
        PdfException.Reason.DAMAGED, "damaged PDF " + pdf.getFileName() + ": " + e, e);
  }

  /** The pages in order, as the page tree really holds them (its /Count may lie). */
  private static List<PDPage> pagesOf(PDDocument doc) {
    List<PDPage> pages = new ArrayList<>();
    for (PDPage page : doc.getPages()) {
      pages.add(page);
    }
    if (pages.isEmpty()) {
      throw new PdfException(PdfException.Reason.DAMAGED, "the PDF has no pages");
    }
    return pages;
  }

  private static byte[] readHead(Path file, int max) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(max);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.getFileName(), e);
    }
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * Writes a file through a temporary file beside it that replaces it at the end, so the target is
   * either the complete new file or untouched.
   */
  private static void writeAtomically(Path target, Writing writing) {
    Path absolute = target.toAbsolutePath();
    Path tmp = null;
    try {
      Files.createDirectories(absolute.getParent());
      tmp = Files.createTempFile(absolute.getParent(), ".pdf-", ".tmp");
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 65536)) {
        writing.write(new SafeOutput(file));
      }
      try {
        Files.move(
            tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + absolute.getFileName(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // left in the output folder as a hidden .tmp file
        }
      }
    }
  }

  /**
   * The caller's stream as PDFBox sees it: records a failure of the stream itself (to tell it from
   * a damaged input) and never closes it.
   */
  private static final class SafeOutput extends OutputStream {
    private final OutputStream target;
    IOException failure;

    SafeOutput(OutputStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        target.write(b);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        target.write(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        target.flush();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
