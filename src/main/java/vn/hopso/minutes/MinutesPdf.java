package vn.hopso.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.pdfbox.util.Matrix;
import vn.hopso.minutes.MinutesHtml.Block;
import vn.hopso.minutes.MinutesHtml.Run;

/**
 * The minutes of a meeting (biên bản) as a PDF in the administrative format of Decree 30/2020/NĐ-CP
 * (Appendix I): A4 portrait, margins 20 mm top and bottom, 30 mm left, 15 mm right, Liberation
 * Serif (metrics of Times New Roman, every Vietnamese letter) embedded as subsets; the two-column
 * heading (issuer and number on the left, the national title, motto and date on the right), the
 * title and subtitle, the body laid out from the editor's HTML (sanitized again by {@link
 * MinutesHtml}), page numbers at the top centre from page 2, the signature row (secretary left,
 * chair right) kept on one page, the recipients and small notes.
 *
 * <p>Thread-safe: each call works on its own document; only the font files' bytes are shared.
 */
public final class MinutesPdf {
  /** Points per millimetre. */
  static final float MM = 72f / 25.4f;

  static final PDRectangle PAGE = PDRectangle.A4;
  static final float MARGIN_TOP = 20 * MM;
  static final float MARGIN_BOTTOM = 20 * MM;
  static final float MARGIN_LEFT = 30 * MM;
  static final float MARGIN_RIGHT = 15 * MM;

  /** The text area: left and right edges, top and bottom. */
  static final float LEFT = MARGIN_LEFT;

  static final float RIGHT = PAGE.getWidth() - MARGIN_RIGHT;
  static final float WIDTH = RIGHT - LEFT;
  static final float TOP = PAGE.getHeight() - MARGIN_TOP;
  static final float BOTTOM = MARGIN_BOTTOM;

  /** Share of the text width taken by the heading's left column (issuer, number). */
  static final float HEADING_LEFT_SHARE = 0.4f;

  /** Space between the heading's columns. */
  static final float HEADING_COLUMN_GAP = 8f;

  static final float BODY_SIZE = 14f;

  /** Line height as a multiple of the font size. */
  static final float LINE_FACTOR = 1.2f;

  static final float PARAGRAPH_AFTER = 6f;

  /** First-line indent of paragraphs, indent of quotes and of top-level list markers. */
  static final float INDENT = 10 * MM;

  /** Extra indent of each nested list level. */
  static final float LEVEL_INDENT = 7.5f * MM;

  /** The least space between a list marker and its text. */
  static final float MARKER_HANG = 7.5f * MM;

  /** Height of the empty space left for a signature. */
  static final float SIGNATURE_SPACE = 25 * MM;

  static final float PAGE_NUMBER_SIZE = 13f;

  static final float RECIPIENTS_LABEL_SIZE = 12f;
  static final float RECIPIENT_SIZE = 11f;
  static final float NOTE_SIZE = 9.5f;

  /** Space above the signature row, the recipients and the notes. */
  static final float ENDING_GAP = 12f;

  /** Baseline of the page number, from the top of the page (inside the top margin). */
  static final float PAGE_NUMBER_FROM_TOP = 13 * MM;

  /** Distance of the heading's rules below the line box of the text they underline. */
  static final float RULE_BELOW = 2.5f;

  /** Liberation Serif's descent below the baseline, in ems. */
  static final float DESCENT = 0.216f;

  static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
  static final String RECIPIENTS_LABEL = "Nơi nhận:";
  static final String DEFAULT_TITLE = "BIÊN BẢN";

  /** Document-information keys the metadata may not replace. */
  static final Set<String> RESERVED_INFO_KEYS =
      Set.of("Title", "Author", "Creator", "Producer", "CreationDate", "ModDate", "Trapped");

  private MinutesPdf() {}

  /**
   * One signature in the row under the body.
   *
   * @param role what the signer signs as, e.g. "THƯ KÝ" or "CHỦ TỌA" (shown bold, upper case)
   * @param title an optional line under it (null for none): shown bold as given, or italic when it
   *     is a hint in parentheses such as "(Ký, ghi rõ họ tên)"
   * @param name the signer's full name, under the space for the signature (bold)
   */
  public record SignatureBlock(String role, String title, String name) {}

  /** A rectangle in PDF user space (points, origin bottom-left) on a page (from 0). */
  public record Place(int page, float x, float y, float width, float height) {}

  /**
   * What the minutes show.
   *
   * @param issuerParent the issuing body's parent, e.g. "UBND TỈNH LÀO CAI" (null for none)
   * @param issuer the issuing body, e.g. "VĂN PHÒNG"
   * @param number the number line, e.g. "Số: 12/BB-VP"
   * @param place where the minutes are made, e.g. "Lào Cai"
   * @param date when (null: blanks to fill in by hand)
   * @param title the type of the document, "BIÊN BẢN" when blank
   * @param subtitle what the meeting was, e.g. "Cuộc họp giao ban tháng 11"
   * @param bodyHtml the editor's HTML, sanitized again before layout
   * @param left the secretary's signature (null for none)
   * @param right the chair's signature (null for none)
   * @param recipients the "Nơi nhận:" entries (null or empty for none)
   * @param notes small lines at the very end, e.g. check codes (null or empty for none)
   * @param metadata extra document-information entries (the standard keys Title, Author, Creator,
   *     Producer, CreationDate, ModDate and Trapped are not replaced)
   */
  public record Sheet(
      String issuerParent,
      String issuer,
      String number,
      String place,
      LocalDate date,
      String title,
      String subtitle,
      String bodyHtml,
      SignatureBlock left,
      SignatureBlock right,
      List<String> recipients,
      List<String> notes,
      Map<String, String> metadata) {}

  /**
   * The rendered minutes.
   *
   * @param pdf the PDF file (compared by identity in {@code equals})
   * @param pages its number of pages
   * @param signaturePlaces the empty space left for each signature, under "left" and "right" (a
   *     block the sheet does not have is absent)
   */
  public record Rendered(byte[] pdf, int pages, Map<String, Place> signaturePlaces) {
    public Rendered {
      signaturePlaces = Map.copyOf(signaturePlaces);
    }
  }

  /**
   * The date line of Decree 30: a day below 10 and the months 1 and 2 take a leading zero ("Lào
   * Cai, ngày 05 tháng 02 năm 2026", "ngày 01 tháng 3 năm 2026", "ngày 23 tháng 11 năm 2026").
   * Without a place the line starts with "Ngày"; without a date, dots are left to fill in.
   */
  public static String dateLine(String place, LocalDate date) {
    String when;
    if (date == null) {
      when = "ngày ... tháng ... năm ...";
    } else {
      int day = date.getDayOfMonth();
      int month = date.getMonthValue();
      when =
          "ngày "
              + (day < 10 ? "0" + day : String.valueOf(day))
              + " tháng "
              + (month <= 2 ? "0" + month : String.valueOf(month))
              + " năm "
              + date.getYear();
    }
    if (place == null || place.isBlank()) {
      return "N" + when.substring(1);
    }
    return place.strip() + ", " + when;
  }

  /**
   * Renders the minutes.
   *
   * @throws NullPointerException without a sheet (its fields may be null)
   * @throws UncheckedIOException if the PDF cannot be written (never expected: all in memory)
   */
  public static Rendered render(Sheet sheet) {
    Objects.requireNonNull(sheet, "sheet");
    try (PDDocument doc = new PDDocument();
        Faces faces = Faces.load(doc)) {
      Writer w = new Writer(doc, faces);
      w.newPage();
      w.heading(sheet);
      w.title(sheet.title(), sheet.subtitle());
      w.body(MinutesHtml.blocks(sheet.bodyHtml()));
      Map<String, Place> places = w.ending(sheet);
      w.close();
      describe(doc, sheet);
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      doc.save(out);
      return new Rendered(out.toByteArray(), doc.getNumberOfPages(), places);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Document information, language and viewer preferences. */
  private static void describe(PDDocument doc, Sheet sheet) {
    PDDocumentInformation info = doc.getDocumentInformation();
    String title = oneLine(sheet.title()).isEmpty() ? DEFAULT_TITLE : oneLine(sheet.title());
    String subtitle = oneLine(sheet.subtitle());
    title = upper(title);
    info.setTitle(subtitle.isEmpty() ? title : title + " - " + subtitle);
    String issuer = oneLine(sheet.issuer());
    if (!issuer.isEmpty()) {
      info.setAuthor(issuer);
    }
    info.setCreator("HopSo");
    info.setProducer("HopSo (Apache PDFBox)");
    info.setCreationDate(new GregorianCalendar(TimeZone.getTimeZone("Asia/Ho_Chi_Minh")));
    if (sheet.metadata() != null) {
      sheet.metadata().entrySet().stream()
          .filter(e -> e.getKey() != null && !e.getKey().isBlank() && e.getValue() != null)
          .filter(e -> !RESERVED_INFO_KEYS.contains(e.getKey()))
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> info.setCustomMetadataValue(e.getKey(), e.getValue()));
    }
    doc.getDocumentCatalog().setLanguage("vi-VN");
    PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
    prefs.setDisplayDocTitle(true);
    doc.getDocumentCatalog().setViewerPreferences(prefs);
  }

  /** NFC, white space as single spaces, stripped; null gives "". */
  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    return MinutesHtml.collapse(nfc(text).replace('\u00A0', ' ')).strip();
  }

  static String nfc(String text) {
    return Normalizer.isNormalized(text, Normalizer.Form.NFC)
        ? text
        : Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  static String upper(String text) {
    return text.toUpperCase(Locale.ROOT);
  }

  // --- fonts ------------------------------------------------------------------------------------

  /** The bytes of the four Liberation Serif files, read once from the class path. */
  private static final class FontFiles {
    static final byte[] REGULAR = read("Regular");
    static final byte[] BOLD = read("Bold");
    static final byte[] ITALIC = read("Italic");
    static final byte[] BOLD_ITALIC = read("BoldItalic");

    private static byte[] read(String style) {
      String resource = "/liberation/LiberationSerif-" + style + ".ttf";
      try (InputStream in = MinutesPdf.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(
              "font " + resource + " is not on the class path (openpdf-fonts-extra)");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One embedded font with its measured advances. */
  static final class Face {
    final PDType0Font font;
    final TrueTypeFont ttf;

    /** Advance (1/1000 em) of each BMP character measured so far; NaN unknown, -1 no glyph. */
    private final float[] advances = new float[0x10000];

    Face(PDType0Font font, TrueTypeFont ttf) {
      this.font = font;
      this.ttf = ttf;
      Arrays.fill(advances, Float.NaN);
    }

    /** The advance of a code point in 1/1000 em, or -1 when the font has no glyph for it. */
    float advance(int cp) {
      if (cp < advances.length) {
        float a = advances[cp];
        if (Float.isNaN(a)) {
          a = measure(cp);
          advances[cp] = a;
        }
        return a;
      }
      return measure(cp);
    }

    private float measure(int cp) {
      try {
        return font.getStringWidth(new String(Character.toChars(cp)));
      } catch (IllegalArgumentException | IOException e) {
        return -1f;
      }
    }

    /** The code point, or '?' when the font cannot show it. */
    int printable(int cp) {
      return advance(cp) < 0 ? '?' : cp;
    }

    float width(CharSequence text, float size) {
      float sum = 0;
      for (int k = 0; k < text.length(); ) {
        int cp = Character.codePointAt(text, k);
        k += Character.charCount(cp);
        sum += Math.max(0f, advance(printable(cp)));
      }
      return sum * size / 1000f;
    }
  }

  /** The four styles of Liberation Serif, embedded in one document. */
  record Faces(Face regular, Face bold, Face italic, Face boldItalic) implements AutoCloseable {
    /**
     * The fonts, to be embedded as subsets. Glyph substitution (GSUB) is off: the text is drawn
     * with the glyphs it was measured with, and PDFBox's Latin substitution, which compiles
     * patterns for every string shown, would take most of the time.
     */
    static Faces load(PDDocument doc) throws IOException {
      List<TrueTypeFont> opened = new ArrayList<>(4);
      try {
        return new Faces(
            face(doc, FontFiles.REGULAR, opened),
            face(doc, FontFiles.BOLD, opened),
            face(doc, FontFiles.ITALIC, opened),
            face(doc, FontFiles.BOLD_ITALIC, opened));
      } catch (IOException | RuntimeException e) {
        for (TrueTypeFont ttf : opened) {
          ttf.close();
        }
        throw e;
      }
    }

    private static Face face(PDDocument doc, byte[] file, List<TrueTypeFont> opened)
        throws IOException {
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(file));
      opened.add(ttf);
      ttf.setEnableGsub(false);
      return new Face(PDType0Font.load(doc, ttf, true), ttf);
    }

    /** Closes the font files; only after the document is saved (subsets are made then). */
    @Override
    public void close() throws IOException {
      for (Face f : List.of(regular, bold, italic, boldItalic)) {
        f.ttf.close();
      }
    }

    Face of(boolean isBold, boolean isItalic) {
      if (isBold) {
        return isItalic ? boldItalic : bold;
      }
      return isItalic ? italic : regular;
    }
  }

  // --- inline layout ----------------------------------------------------------------------------

  /** How the text of a segment looks. */
  record Style(Face face, float size, boolean underline) {}

  /** Text in one style, as given (may hold spaces and '\n' line breaks). */
  record Segment(String text, Style style) {}

  /** Part of a word in one style: text without spaces, its width in points. */
  record Piece(String text, Style style, float width) {}

  /** A word (no break inside) or a hard line break. */
  static final class Word {
    final List<Piece> pieces = new ArrayList<>();

    /** Width of the space before the word (0 for the first word after a break). */
    float space;

    /** Whether that space is underlined. */
    boolean spaceUnderlined;

    float width;

    final boolean lineBreak;

    Word(boolean lineBreak) {
      this.lineBreak = lineBreak;
    }

    void add(Piece p) {
      pieces.add(p);
      width += p.width();
    }

    boolean startsUnderlined() {
      return !pieces.isEmpty() && pieces.get(0).style().underline();
    }

    boolean endsUnderlined() {
      return !pieces.isEmpty() && pieces.get(pieces.size() - 1).style().underline();
    }
  }

  /** A laid-out line: its words and natural width (spaces at their natural width). */
  static final class Line {
    final List<Word> words = new ArrayList<>();
    float width;

    /** The last line of a paragraph or one ended by a hard break: never justified. */
    boolean last;

    void add(Word w) {
      if (!words.isEmpty()) {
        width += w.space;
      }
      words.add(w);
      width += w.width;
    }

    float widthWith(Word w) {
      return words.isEmpty() ? w.width : width + w.space + w.width;
    }
  }

  enum Align {
    LEFT,
    CENTER,
    JUSTIFY
  }

  /** Splits styled text into words and line breaks; characters a font lacks become '?'. */
  static List<Word> words(List<Segment> segments) {
    List<Word> out = new ArrayList<>();
    Word current = null;
    StringBuilder piece = new StringBuilder();
    Style pieceStyle = null;
    float pendingSpace = 0;
    boolean pendingUnderline = false;
    for (Segment s : segments) {
      String text = nfc(s.text());
      Style style = s.style();
      for (int k = 0; k < text.length(); ) {
        int cp = text.codePointAt(k);
        k += Character.charCount(cp);
        if (cp == '\n') {
          if (current != null) {
            current.add(piece(piece, pieceStyle));
            current = null;
          }
          out.add(new Word(true));
          pendingSpace = 0;
        } else if (isSpace(cp)) {
          if (current != null) {
            current.add(piece(piece, pieceStyle));
            current = null;
          }
          if (!out.isEmpty() && !out.get(out.size() - 1).lineBreak && pendingSpace == 0) {
            pendingSpace = style.face().advance(' ') * style.size() / 1000f;
            pendingUnderline = style.underline();
          }
        } else if (isInvisible(cp)) {
          continue;
        } else {
          if (current == null) {
            current = new Word(false);
            current.space = pendingSpace;
            current.spaceUnderlined = pendingUnderline;
            pendingSpace = 0;
            out.add(current);
          } else if (!style.equals(pieceStyle)) {
            current.add(piece(piece, pieceStyle));
          }
          pieceStyle = style;
          piece.appendCodePoint(style.face().printable(cp));
        }
      }
    }
    if (current != null) {
      current.add(piece(piece, pieceStyle));
    }
    return out;
  }

  private static Piece piece(StringBuilder text, Style style) {
    String t = text.toString();
    text.setLength(0);
    return new Piece(t, style, style.face().width(t, style.size()));
  }

  private static boolean isSpace(int cp) {
    return cp == ' '
        || cp == '\t'
        || cp == '\r'
        || cp == '\f'
        || cp == 0x0B
        || (cp != 0x00A0 && cp != 0x2007 && cp != 0x202F && Character.isSpaceChar(cp));
  }

  /** Control and format characters (soft hyphen, zero-width marks): not drawn. */
  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE;
  }

  /**
   * Greedy line breaking: the first line {@code first} wide, the others {@code rest}; a word wider
   * than its line is broken between characters.
   */
  static List<Line> wrap(List<Word> words, float first, float rest) {
    List<Line> lines = new ArrayList<>();
    Line line = new Line();
    for (Word w : words) {
      if (w.lineBreak) {
        line.last = true;
        lines.add(line);
        line = new Line();
        continue;
      }
      float avail = lines.isEmpty() ? first : rest;
      if (line.words.isEmpty() || line.widthWith(w) > avail + 0.01f) {
        if (!line.words.isEmpty()) {
          lines.add(line);
          line = new Line();
          avail = rest;
        }
        while (w.width > avail + 0.01f) {
          Word[] parts = split(w, avail);
          if (parts == null) {
            break;
          }
          line.add(parts[0]);
          lines.add(line);
          line = new Line();
          avail = rest;
          w = parts[1];
        }
      }
      line.add(w);
    }
    if (!line.words.isEmpty() || lines.isEmpty() || !lines.get(lines.size() - 1).last) {
      lines.add(line);
    }
    lines.get(lines.size() - 1).last = true;
    return lines;
  }

  /**
   * A word cut into a head that fits {@code avail} (at least one character) and the rest; null when
   * it has a single character.
   */
  private static Word[] split(Word w, float avail) {
    Word head = new Word(false);
    head.space = 0;
    Word tail = new Word(false);
    boolean cut = false;
    int taken = 0;
    for (Piece p : w.pieces) {
      if (cut) {
        tail.add(p);
        continue;
      }
      Face face = p.style().face();
      float size = p.style().size();
      String t = p.text();
      int k = 0;
      float used = head.width;
      while (k < t.length()) {
        int cp = t.codePointAt(k);
        float cw = Math.max(0f, face.advance(cp)) * size / 1000f;
        if (taken > 0 && used + cw > avail) {
          break;
        }
        used += cw;
        taken++;
        k += Character.charCount(cp);
      }
      if (k > 0) {
        head.add(new Piece(t.substring(0, k), p.style(), face.width(t.substring(0, k), size)));
      }
      if (k < t.length()) {
        tail.add(
            new Piece(t.substring(k), p.style(), face.width(t.substring(k), p.style().size())));
        cut = true;
      }
    }
    if (tail.pieces.isEmpty()) {
      return null;
    }
    tail.space = 0;
    return new Word[] {head, tail};
  }

  // --- pages ------------------------------------------------------------------------------------

  /** Draws the flow of the minutes page by page. */
  static final class Writer {
    final PDDocument doc;
    final Faces faces;
    PDPageContentStream cs;
    int page = -1;

    /** The top of the next line. */
    float y;

    private PDType0Font currentFont;
    private float currentSize;

    Writer(PDDocument doc, Faces faces) {
      this.doc = doc;
      this.faces = faces;
    }

    void newPage() throws IOException {
      close();
      PDPage p = new PDPage(PAGE);
      doc.addPage(p);
      cs = new PDPageContentStream(doc, p);
      currentFont = null;
      page++;
      y = TOP;
      if (page > 0) {
        String n = String.valueOf(page + 1);
        Style st = new Style(faces.regular(), PAGE_NUMBER_SIZE, false);
        float width = st.face().width(n, st.size());
        cs.beginText();
        show(n, st, LEFT + (WIDTH - width) / 2, PAGE.getHeight() - PAGE_NUMBER_FROM_TOP);
        cs.endText();
      }
    }

    void close() throws IOException {
      if (cs != null) {
        cs.close();
        cs = null;
      }
    }

    boolean atTop() {
      return y >= TOP;
    }

    /**
     * Starts a new page unless {@code height} fits above the bottom margin (or nothing is here).
     */
    void need(float height) throws IOException {
      if (y - height < BOTTOM - 0.01f && !atTop()) {
        newPage();
      }
    }

    /** Vertical space, none at the top of a page. */
    void gap(float height) {
      if (!atTop()) {
        y -= height;
      }
    }

    // --- drawing

    private void show(String text, Style st, float x, float baseline) throws IOException {
      if (currentFont != st.face().font || currentSize != st.size()) {
        cs.setFont(st.face().font, st.size());
        currentFont = st.face().font;
        currentSize = st.size();
      }
      cs.setTextMatrix(Matrix.getTranslateInstance(x, baseline));
      cs.showText(text);
    }

    /**
     * Draws a line with its top at {@code top}, {@code size} deciding its height, in the box from
     * x, {@code avail} wide; returns the line's height.
     */
    float draw(Line line, float x, float avail, float top, float size, Align align)
        throws IOException {
      float height = size * LINE_FACTOR;
      float baseline = top - height + DESCENT * size;
      int gaps = line.words.size() - 1;
      float extra = 0;
      float start = x;
      if (align == Align.JUSTIFY && !line.last && gaps > 0 && line.width < avail) {
        extra = (avail - line.width) / gaps;
      } else if (align == Align.CENTER) {
        start = x + Math.max(0f, (avail - line.width) / 2);
      }
      List<float[]> underlines = new ArrayList<>();
      float cx = start;
      cs.beginText();
      Word previous = null;
      for (Word w : line.words) {
        if (previous != null) {
          float gapStart = cx;
          cx += w.space + extra;
          if (w.spaceUnderlined && previous.endsUnderlined() && w.startsUnderlined()) {
            underlines.add(underline(gapStart, cx, baseline, w.pieces.get(0).style().size()));
          }
        }
        for (Piece p : w.pieces) {
          if (!p.text().isEmpty()) {
            show(p.text(), p.style(), cx, baseline);
          }
          if (p.style().underline()) {
            underlines.add(underline(cx, cx + p.width(), baseline, p.style().size()));
          }
          cx += p.width();
        }
        previous = w;
      }
      cs.endText();
      for (float[] u : underlines) {
        cs.addRect(u[0], u[1], u[2], u[3]);
      }
      if (!underlines.isEmpty()) {
        cs.fill();
      }
      return height;
    }

    private static float[] underline(float from, float to, float baseline, float size) {
      float thickness = Math.max(0.5f, 0.05f * size);
      return new float[] {from, baseline - 0.11f * size - thickness, to - from, thickness};
    }

    private void rule(float x, float yy, float width) throws IOException {
      cs.addRect(x, yy - 0.3f, width, 0.6f);
      cs.fill();
    }

    /**
     * Text placed at a fixed top (no page break), lines aligned in the box from x, {@code width}
     * wide. Returns the lines' total height.
     */
    float fixed(List<Line> lines, float x, float width, float top, float size, Align align)
        throws IOException {
      float t = top;
      for (Line l : lines) {
        t -= draw(l, x, width, t, size, align);
      }
      return top - t;
    }

    /**
     * Lines in the flow, page breaks between them: a paragraph of two or three lines is not broken,
     * a longer one leaves at least two lines on each page.
     */
    void flow(
        List<Line> lines, float firstX, float restX, float firstW, float restW, float size, Align a)
        throws IOException {
      flow(lines, firstX, restX, firstW, restW, size, a, null, 0);
    }

    /** The same, with a list marker drawn at {@code markerX} on the first line. */
    void flow(
        List<Line> lines,
        float firstX,
        float restX,
        float firstW,
        float restW,
        float size,
        Align a,
        Line marker,
        float markerX)
        throws IOException {
      float height = size * LINE_FACTOR;
      int n = lines.size();
      for (int i = 0; i < n; i++) {
        if (i == 0) {
          need((n <= 3 ? n : 2) * height);
          if (marker != null) {
            draw(marker, markerX, firstX - markerX, y, size, Align.LEFT);
          }
        } else if (i == n - 2 && i >= 2) {
          need(2 * height);
        } else {
          need(height);
        }
        y -= draw(lines.get(i), i == 0 ? firstX : restX, i == 0 ? firstW : restW, y, size, a);
      }
    }

    // --- parts of the minutes

    void heading(Sheet s) throws IOException {
      // A few points between the columns, so that wrapped lines do not meet.
      float leftW = WIDTH * HEADING_LEFT_SHARE - HEADING_COLUMN_GAP / 2;
      float rightW = WIDTH - leftW - HEADING_COLUMN_GAP;
      float leftX = LEFT;
      float rightX = RIGHT - rightW;
      float top = y;

      float ly = top;
      String parent = oneLine(s.issuerParent());
      if (!parent.isEmpty()) {
        ly -= centred(upper(parent), faces.regular(), 13f, leftX, leftW, ly);
      }
      String issuer = oneLine(s.issuer());
      if (!issuer.isEmpty()) {
        ly -= centred(upper(issuer), faces.bold(), 13f, leftX, leftW, ly);
        float ruleW = leftW / 3;
        rule(leftX + (leftW - ruleW) / 2, ly - RULE_BELOW, ruleW);
        ly -= RULE_BELOW + 1f;
      }

      float ry = top;
      ry -= centred(NATIONAL_TITLE, faces.bold(), 13f, rightX, rightW, ry);
      List<Line> motto = lines(MOTTO, faces.bold(), 14f, rightW);
      ry -= fixed(motto, rightX, rightW, ry, 14f, Align.CENTER);
      float mottoW = 0;
      for (Line l : motto) {
        mottoW = Math.max(mottoW, l.width);
      }
      rule(rightX + (rightW - mottoW) / 2, ry - RULE_BELOW, mottoW);
      ry -= RULE_BELOW + 1f;

      float row = Math.min(ly, ry) - 6f;
      float lrow = row;
      String number = oneLine(s.number());
      if (!number.isEmpty()) {
        lrow -= centred(number, faces.regular(), 13f, leftX, leftW, row);
      }
      float rrow =
          row
              - centred(
                  dateLine(oneLine(s.place()), s.date()), faces.italic(), 14f, rightX, rightW, row);
      y = Math.min(lrow, rrow);
    }

    private float centred(String text, Face face, float size, float x, float width, float top)
        throws IOException {
      return fixed(lines(text, face, size, width), x, width, top, size, Align.CENTER);
    }

    List<Line> lines(String text, Face face, float size, float width) {
      return wrap(words(List.of(new Segment(text, new Style(face, size, false)))), width, width);
    }

    void title(String title, String subtitle) throws IOException {
      String t = oneLine(title);
      y -= 24f;
      float narrow = WIDTH * 0.9f;
      float x = LEFT + (WIDTH - narrow) / 2;
      flow(
          lines(upper(t.isEmpty() ? DEFAULT_TITLE : t), faces.bold(), 14f, narrow),
          x,
          x,
          narrow,
          narrow,
          14f,
          Align.CENTER);
      String sub = oneLine(subtitle);
      if (!sub.isEmpty()) {
        flow(lines(sub, faces.bold(), 14f, narrow), x, x, narrow, narrow, 14f, Align.CENTER);
      }
      y -= 12f;
    }

    void body(List<Block> blocks) throws IOException {
      float lh = BODY_SIZE * LINE_FACTOR;
      for (Block b : blocks) {
        switch (b.kind()) {
          case PARAGRAPH -> {
            List<Line> ls = wrap(words(segments(b, false, false)), WIDTH - INDENT, WIDTH);
            flow(ls, LEFT + INDENT, LEFT, WIDTH - INDENT, WIDTH, BODY_SIZE, Align.JUSTIFY);
          }
          case HEADING2, HEADING3 -> {
            boolean h3 = b.kind() == MinutesHtml.Kind.HEADING3;
            List<Line> ls = wrap(words(segments(b, true, h3)), WIDTH, WIDTH);
            gap(PARAGRAPH_AFTER);
            // Kept with the first two lines of what follows.
            need(ls.size() * lh + PARAGRAPH_AFTER + 2 * lh);
            flow(ls, LEFT, LEFT, WIDTH, WIDTH, BODY_SIZE, Align.JUSTIFY);
          }
          case QUOTE -> {
            float w = WIDTH - INDENT;
            List<Line> ls = wrap(words(segments(b, false, true)), w, w);
            flow(ls, LEFT + INDENT, LEFT + INDENT, w, w, BODY_SIZE, Align.JUSTIFY);
          }
          case BULLET, NUMBERED -> item(b);
        }
        gap(PARAGRAPH_AFTER);
      }
    }

    private void item(Block b) throws IOException {
      float markerX = LEFT + INDENT + Math.min(b.level(), 4) * LEVEL_INDENT;
      Style st = new Style(faces.regular(), BODY_SIZE, false);
      String marker = b.marker();
      float markerW = st.face().width(marker, BODY_SIZE);
      float hang = Math.max(MARKER_HANG, markerW + st.face().width(" ", BODY_SIZE));
      float textX = markerX + hang;
      float w = RIGHT - textX;
      List<Line> ls = wrap(words(segments(b, false, false)), w, w);
      Line m = lines(marker, st.face(), BODY_SIZE, hang).get(0);
      flow(ls, textX, textX, w, w, BODY_SIZE, Align.JUSTIFY, m, markerX);
    }

    /** The runs of a block as segments: bold and italic added to the block's own. */
    private List<Segment> segments(Block b, boolean bold, boolean italic) {
      List<Segment> out = new ArrayList<>(b.runs().size());
      for (Run r : b.runs()) {
        Face f = faces.of(bold || r.bold(), italic || r.italic());
        out.add(new Segment(r.text(), new Style(f, BODY_SIZE, r.underline())));
      }
      return out;
    }

    /**
     * The signature row, then the recipients under it on the left, then the notes. The row is never
     * split; the three are kept on one page when they fit on one. Returns the signatures' places.
     */
    Map<String, Place> ending(Sheet s) throws IOException {
      float colW = WIDTH / 2;
      Column l = s.left() == null ? null : column(s.left(), colW);
      Column r = s.right() == null ? null : column(s.right(), colW);
      // Both spaces start under the longer of the two heads, so the names share a line.
      int above = Math.max(l == null ? 0 : l.above().size(), r == null ? 0 : r.above().size());
      int names = Math.max(l == null ? 0 : l.name().size(), r == null ? 0 : r.name().size());
      float lh = BODY_SIZE * LINE_FACTOR;
      float row = l == null && r == null ? 0 : (above + names) * lh + SIGNATURE_SPACE;
      List<Line> label = List.of();
      List<List<Line>> recipients = recipientLines(s.recipients());
      if (!recipients.isEmpty()) {
        label = lines(RECIPIENTS_LABEL, faces.boldItalic(), RECIPIENTS_LABEL_SIZE, colW);
      }
      List<List<Line>> notes = new ArrayList<>();
      if (s.notes() != null) {
        for (String n : s.notes()) {
          String t = oneLine(n);
          if (!t.isEmpty()) {
            notes.add(lines(t, faces.regular(), NOTE_SIZE, WIDTH));
          }
        }
      }
      float total = row;
      if (!recipients.isEmpty()) {
        total += ENDING_GAP + label.size() * RECIPIENTS_LABEL_SIZE * LINE_FACTOR;
        total += count(recipients) * RECIPIENT_SIZE * LINE_FACTOR;
      }
      if (!notes.isEmpty()) {
        total += ENDING_GAP + count(notes) * NOTE_SIZE * LINE_FACTOR;
      }
      if (row == 0) {
        total -= ENDING_GAP;
      }
      gap(ENDING_GAP);
      need(total <= TOP - BOTTOM ? total : row);

      Map<String, Place> places = new LinkedHashMap<>();
      if (row > 0) {
        float top = y;
        if (l != null) {
          places.put("left", drawColumn(l, LEFT, colW, top, top - above * lh));
        }
        if (r != null) {
          places.put("right", drawColumn(r, LEFT + colW, colW, top, top - above * lh));
        }
        y = top - row;
      }
      if (!recipients.isEmpty()) {
        if (row > 0) {
          gap(ENDING_GAP);
        }
        need((label.size() * RECIPIENTS_LABEL_SIZE + RECIPIENT_SIZE) * LINE_FACTOR);
        flow(label, LEFT, LEFT, colW, colW, RECIPIENTS_LABEL_SIZE, Align.LEFT);
        float dash = faces.regular().width("- ", RECIPIENT_SIZE);
        for (List<Line> ls : recipients) {
          flow(ls, LEFT, LEFT + dash, colW, colW - dash, RECIPIENT_SIZE, Align.LEFT);
        }
      }
      if (!notes.isEmpty()) {
        if (row > 0 || !recipients.isEmpty()) {
          gap(ENDING_GAP);
        }
        for (List<Line> ls : notes) {
          flow(ls, LEFT, LEFT, WIDTH, WIDTH, NOTE_SIZE, Align.LEFT);
        }
      }
      return places;
    }

    private static int count(List<List<Line>> paragraphs) {
      int n = 0;
      for (List<Line> p : paragraphs) {
        n += p.size();
      }
      return n;
    }

    /** Each recipient as "- entry;", the last one ending with "."; lines under its text. */
    private List<List<Line>> recipientLines(List<String> entries) {
      List<String> items = new ArrayList<>();
      if (entries != null) {
        for (String e : entries) {
          String t = oneLine(e);
          while (!t.isEmpty() && ";.,".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
          }
          if (!t.isEmpty()) {
            items.add(t);
          }
        }
      }
      float width = WIDTH / 2;
      Face f = faces.regular();
      float dash = f.width("- ", RECIPIENT_SIZE);
      List<List<Line>> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        String text = "- " + items.get(i) + (i == items.size() - 1 ? "." : ";");
        Segment seg = new Segment(text, new Style(f, RECIPIENT_SIZE, false));
        out.add(wrap(words(List.of(seg)), width, width - dash));
      }
      return out;
    }

    /** A signature block's lines above and below the space. */
    record Column(List<Line> above, List<Line> name) {}

    private Column column(SignatureBlock b, float width) {
      List<Line> above = new ArrayList<>();
      String role = oneLine(b.role());
      if (!role.isEmpty()) {
        above.addAll(lines(upper(role), faces.bold(), BODY_SIZE, width));
      }
      String title = oneLine(b.title());
      if (!title.isEmpty()) {
        boolean hint = title.startsWith("(");
        above.addAll(lines(title, hint ? faces.italic() : faces.bold(), BODY_SIZE, width));
      }
      String name = oneLine(b.name());
      List<Line> nameLines =
          name.isEmpty() ? List.of() : lines(name, faces.bold(), BODY_SIZE, width);
      return new Column(above, nameLines);
    }

    /** Draws a signature block; the space for the signature starts at {@code t}. */
    private Place drawColumn(Column c, float x, float width, float top, float t)
        throws IOException {
      fixed(c.above(), x, width, top, BODY_SIZE, Align.CENTER);
      float inset = 6f;
      Place place =
          new Place(page, x + inset, t - SIGNATURE_SPACE, width - 2 * inset, SIGNATURE_SPACE);
      fixed(c.name(), x, width, t - SIGNATURE_SPACE, BODY_SIZE, Align.CENTER);
      return place;
    }
  }
}
