package vn.hopso.minutes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

/**
 * The one allow-list for the rich text of the minutes, as the web editor stores it, and the blocks
 * the PDF is laid out from.
 *
 * <p>Only these tags are kept, without any attribute: {@code p, h2, h3, strong, b, em, i, u, ul,
 * ol, li, br, blockquote}. Other tags are unwrapped (their text stays), the content of {@code
 * script}, {@code style} and {@code template} is dropped, and the text is NFC-normalised.
 *
 * <p>Thread-safe: no state but the immutable allow-list.
 */
public final class MinutesHtml {
  /** The tags the editor may store. Never changed after construction. */
  private static final Safelist ALLOWED =
      new Safelist()
          .addTags(
              "p", "h2", "h3", "strong", "b", "em", "i", "u", "ul", "ol", "li", "br", "blockquote");

  /** Elements whose content is not text for a reader. */
  private static final String DROPPED_WITH_CONTENT = "script, style, template";

  private MinutesHtml() {}

  /** What a block is, which decides how it is laid out. */
  public enum Kind {
    PARAGRAPH,
    HEADING2,
    HEADING3,
    BULLET,
    NUMBERED,
    QUOTE
  }

  /** Text in one style; a hard line break ({@code <br>}) is a {@code '\n'} in it. */
  public record Run(String text, boolean bold, boolean italic, boolean underline) {
    boolean sameStyle(Run other) {
      return bold == other.bold && italic == other.italic && underline == other.underline;
    }
  }

  /**
   * One block of the text in reading order.
   *
   * @param kind what it is
   * @param number a numbered item's number (from 1 in its list); 0 for other kinds
   * @param level a list item's nesting level (0 for a top-level list); 0 for other kinds
   * @param runs its text: whitespace collapsed as a browser shows it, never empty, never starting
   *     or ending with a space or a line break
   */
  public record Block(Kind kind, int number, int level, List<Run> runs) {
    public Block {
      runs = List.copyOf(runs);
    }

    /** The text of the runs, line breaks included. */
    public String text() {
      StringBuilder b = new StringBuilder();
      for (Run r : runs) {
        b.append(r.text());
      }
      return b.toString();
    }

    /** A list item's marker ("-" or "3."), "" for other kinds. */
    public String marker() {
      return switch (kind) {
        case BULLET -> "-";
        case NUMBERED -> number + ".";
        default -> "";
      };
    }
  }

  /**
   * The HTML with only the allowed tags and no attributes, normalised (not pretty-printed), its
   * text NFC. Null gives "".
   */
  public static String sanitize(String html) {
    return clean(html).html();
  }

  /**
   * The text, one line per block: paragraphs, headings and quotes as they are, list items with
   * their marker ("- " or "1. ", after two spaces per nesting level); a {@code <br>} also starts a
   * line. Empty blocks are left out. Null gives "".
   */
  public static String plainText(String html) {
    StringBuilder b = new StringBuilder();
    for (Block block : blocks(html)) {
      if (b.length() > 0) {
        b.append('\n');
      }
      if (!block.marker().isEmpty()) {
        b.append("  ".repeat(block.level())).append(block.marker()).append(' ');
      }
      b.append(block.text());
    }
    return b.toString();
  }

  /** The blocks of the HTML (sanitized first), in reading order, empty ones left out. */
  public static List<Block> blocks(String html) {
    Collector c = new Collector();
    c.flow(clean(html), Kind.PARAGRAPH);
    return List.copyOf(c.out);
  }

  /** The sanitized body element. */
  private static Element clean(String html) {
    Document dirty = Jsoup.parseBodyFragment(html == null ? "" : html);
    dirty.select(DROPPED_WITH_CONTENT).remove();
    Document clean = new Cleaner(ALLOWED).clean(dirty);
    clean.outputSettings().prettyPrint(false);
    NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof TextNode t) {
            String text = t.getWholeText();
            if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
              t.text(Normalizer.normalize(text, Normalizer.Form.NFC));
            }
          }
        },
        clean.body());
    return clean.body();
  }

  /** Walks the sanitized tree into blocks. */
  private static final class Collector {
    final List<Block> out = new ArrayList<>();

    /**
     * The children of the body or of a quote: inline content between blocks makes a block of {@code
     * kind} (PARAGRAPH or QUOTE).
     */
    void flow(Element container, Kind kind) {
      List<Run> pending = new ArrayList<>();
      for (Node n : container.childNodes()) {
        String name = n instanceof Element e ? e.normalName() : "";
        switch (name) {
          case "p", "h2", "h3", "blockquote", "ul", "ol", "li" -> {
            emit(kind, 0, 0, pending);
            pending = new ArrayList<>();
            Element e = (Element) n;
            switch (name) {
              case "p" -> block(e, kind);
              case "h2" -> block(e, Kind.HEADING2);
              case "h3" -> block(e, Kind.HEADING3);
              case "blockquote" -> flow(e, Kind.QUOTE);
              case "li" -> item(e, Kind.BULLET, 0, 0);
              default -> list(e, 0);
            }
          }
          default -> inline(n, pending, false, false, false, null);
        }
      }
      emit(kind, 0, 0, pending);
    }

    void list(Element list, int level) {
      boolean numbered = list.normalName().equals("ol");
      int number = 0;
      List<Run> pending = new ArrayList<>();
      for (Node n : list.childNodes()) {
        if (n instanceof Element e && e.normalName().equals("li")) {
          emitItem(numbered, number, level, pending);
          pending = new ArrayList<>();
          number++;
          item(e, numbered ? Kind.NUMBERED : Kind.BULLET, numbered ? number : 0, level);
        } else if (n instanceof Element e
            && (e.normalName().equals("ul") || e.normalName().equals("ol"))) {
          emitItem(numbered, number, level, pending);
          pending = new ArrayList<>();
          list(e, level + 1);
        } else {
          // Content directly in a list (not valid HTML, but an editor may leave it): an item.
          inline(n, pending, false, false, false, null);
        }
      }
      emitItem(numbered, number, level, pending);
    }

    private void emitItem(boolean numbered, int number, int level, List<Run> runs) {
      emit(numbered ? Kind.NUMBERED : Kind.BULLET, numbered ? Math.max(1, number) : 0, level, runs);
    }

    /** A list item: its text (nested blocks joined by line breaks), then its nested lists. */
    void item(Element li, Kind kind, int number, int level) {
      List<Run> runs = new ArrayList<>();
      List<Element> nested = new ArrayList<>();
      for (Node n : li.childNodes()) {
        inline(n, runs, false, false, false, nested);
      }
      emit(kind, number, level, runs);
      for (Element list : nested) {
        list(list, level + 1);
      }
    }

    /**
     * A paragraph, heading or quote's paragraph; a list inside it (not valid HTML, but it parses)
     * follows it.
     */
    void block(Element e, Kind kind) {
      List<Run> runs = new ArrayList<>();
      List<Element> nested = new ArrayList<>();
      for (Node n : e.childNodes()) {
        inline(n, runs, false, false, false, nested);
      }
      emit(kind, 0, 0, runs);
      for (Element list : nested) {
        list(list, 0);
      }
    }

    /**
     * Adds the runs of a node in inline context. Blocks met there (a paragraph in a list item) are
     * separated by line breaks; lists are collected in {@code nested} (or, without it, kept as
     * lines).
     */
    void inline(Node node, List<Run> runs, boolean b, boolean i, boolean u, List<Element> nested) {
      if (node instanceof TextNode t) {
        String text = collapse(t.getWholeText());
        if (!text.isEmpty()) {
          runs.add(new Run(text, b, i, u));
        }
        return;
      }
      if (!(node instanceof Element e)) {
        return;
      }
      switch (e.normalName()) {
        case "br" -> runs.add(new Run("\n", b, i, u));
        case "strong", "b" -> children(e, runs, true, i, u, nested);
        case "em", "i" -> children(e, runs, b, true, u, nested);
        case "u" -> children(e, runs, b, i, true, nested);
        case "ul", "ol" -> {
          if (nested != null) {
            nested.add(e);
          } else {
            lineBreak(runs, b, i, u);
            children(e, runs, b, i, u, null);
            lineBreak(runs, b, i, u);
          }
        }
        case "p", "h2", "h3", "blockquote", "li" -> {
          lineBreak(runs, b, i, u);
          children(e, runs, b, i, u, nested);
          lineBreak(runs, b, i, u);
        }
        default -> children(e, runs, b, i, u, nested);
      }
    }

    private void children(
        Element e, List<Run> runs, boolean b, boolean i, boolean u, List<Element> nested) {
      for (Node n : e.childNodes()) {
        inline(n, runs, b, i, u, nested);
      }
    }

    private static void lineBreak(List<Run> runs, boolean b, boolean i, boolean u) {
      if (!runs.isEmpty() && !runs.get(runs.size() - 1).text().equals("\n")) {
        runs.add(new Run("\n", b, i, u));
      }
    }

    void emit(Kind kind, int number, int level, List<Run> runs) {
      List<Run> tidy = tidy(runs);
      if (!tidy.isEmpty()) {
        out.add(new Block(kind, number, level, tidy));
      }
    }
  }

  /** HTML white space (not the no-break space) as one space. */
  static String collapse(String text) {
    StringBuilder b = new StringBuilder(text.length());
    boolean space = false;
    for (int k = 0; k < text.length(); k++) {
      char ch = text.charAt(k);
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') {
        if (!space) {
          b.append(' ');
        }
        space = true;
      } else {
        b.append(ch);
        space = false;
      }
    }
    return b.toString();
  }

  /**
   * Runs as shown: one space between words across runs, none at the start, the end or around a line
   * break, no leading or trailing line breaks, adjacent runs of one style merged.
   */
  static List<Run> tidy(List<Run> runs) {
    RunBuilder out = new RunBuilder();
    boolean lineStart = true;
    boolean pendingSpace = false;
    Run spaceStyle = null;
    boolean pendingBreak = false;
    Run breakStyle = null;
    for (Run r : runs) {
      if (r.text().equals("\n")) {
        pendingSpace = false;
        if (!out.isEmpty()) {
          if (pendingBreak) {
            out.append(breakStyle, "\n");
          }
          pendingBreak = true;
          breakStyle = r;
        }
        lineStart = true;
        continue;
      }
      String text = r.text();
      int k = 0;
      while (k < text.length()) {
        if (text.charAt(k) == ' ') {
          if (!lineStart && !pendingSpace) {
            pendingSpace = true;
            spaceStyle = r;
          }
          k++;
          continue;
        }
        int end = text.indexOf(' ', k);
        end = end < 0 ? text.length() : end;
        if (pendingBreak) {
          out.append(breakStyle, "\n");
          pendingBreak = false;
        }
        if (pendingSpace) {
          out.append(spaceStyle, " ");
          pendingSpace = false;
        }
        out.append(r, text.substring(k, end));
        lineStart = false;
        k = end;
      }
    }
    return out.runs();
  }

  /** Runs built by appending text, adjacent text of one style joined. */
  private static final class RunBuilder {
    private final List<Run> done = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private Run style;

    boolean isEmpty() {
      return style == null && done.isEmpty();
    }

    void append(Run in, String t) {
      if (style != null && !style.sameStyle(in)) {
        flush();
      }
      if (style == null) {
        style = in;
      }
      text.append(t);
    }

    private void flush() {
      done.add(new Run(text.toString(), style.bold(), style.italic(), style.underline()));
      text.setLength(0);
      style = null;
    }

    List<Run> runs() {
      if (style != null) {
        flush();
      }
      return done;
    }
  }
}
