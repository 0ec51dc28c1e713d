package vn.hopso.document;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;

/**
 * A page as a viewer shows it: its crop box turned by the page's /Rotate (0, 90, 180 or 270 degrees
 * clockwise). "Visual" coordinates are in points from the bottom-left corner of the page as shown;
 * normalized ones are fractions of the shown width and height from its top-left corner, as a
 * browser-side viewer (pdf.js) reports them. Both map to the page's user space, where content and
 * annotations live.
 */
final class PageFrame {
  private final float llx;
  private final float lly;
  private final float urx;
  private final float ury;

  /** Clockwise rotation of the page when shown: 0, 90, 180 or 270. */
  final int rotation;

  /** Width of the page as shown, in points. */
  final float width;

  /** Height of the page as shown, in points. */
  final float height;

  private PageFrame(PDRectangle box, int rotation) {
    this.llx = box.getLowerLeftX();
    this.lly = box.getLowerLeftY();
    this.urx = box.getUpperRightX();
    this.ury = box.getUpperRightY();
    this.rotation = rotation;
    boolean quarter = rotation == 90 || rotation == 270;
    this.width = quarter ? box.getHeight() : box.getWidth();
    this.height = quarter ? box.getWidth() : box.getHeight();
  }

  /**
   * The frame of a page: its crop box (which PDFBox clips to the media box), else its media box,
   * else US Letter when both are degenerate; a rotation that is not a multiple of 90 is rounded to
   * the nearest one.
   */
  static PageFrame of(PDPage page) {
    PDRectangle box = page.getCropBox();
    if (!usable(box)) {
      box = page.getMediaBox();
    }
    if (!usable(box)) {
      box = PDRectangle.LETTER;
    }
    return new PageFrame(box, normalizeRotation(page.getRotation()));
  }

  /**
   * The page's frame without its /Rotate: how the web app's reader records marks (fractions of the
   * unrotated page from its top-left corner, see docs/API.md "Annotations").
   */
  static PageFrame unrotated(PDPage page) {
    PageFrame shown = of(page);
    return new PageFrame(
        new PDRectangle(shown.llx, shown.lly, shown.urx - shown.llx, shown.ury - shown.lly), 0);
  }

  static int normalizeRotation(int degrees) {
    int r = ((degrees % 360) + 360) % 360;
    return (Math.round(r / 90f) * 90) % 360;
  }

  private static boolean usable(PDRectangle box) {
    return box != null
        && Float.isFinite(box.getWidth())
        && Float.isFinite(box.getHeight())
        && box.getWidth() >= 1
        && box.getHeight() >= 1;
  }

  /** The transformation from visual coordinates (points) to user space, for content streams. */
  Matrix visualToUser() {
    switch (rotation) {
      case 90:
        return new Matrix(0, 1, -1, 0, urx, lly);
      case 180:
        return new Matrix(-1, 0, 0, -1, urx, ury);
      case 270:
        return new Matrix(0, -1, 1, 0, llx, ury);
      default:
        return new Matrix(1, 0, 0, 1, llx, lly);
    }
  }

  /**
   * A normalized point (fractions of the shown page from its top-left corner, clamped to [0, 1]) in
   * user space, as {x, y}.
   */
  float[] toUser(double nx, double ny) {
    float vx = (float) (clamp(nx) * width);
    float vy = (float) ((1 - clamp(ny)) * height);
    switch (rotation) {
      case 90:
        return new float[] {urx - vy, lly + vx};
      case 180:
        return new float[] {urx - vx, ury - vy};
      case 270:
        return new float[] {llx + vy, ury - vx};
      default:
        return new float[] {llx + vx, lly + vy};
    }
  }

  static double clamp(double v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }
}
