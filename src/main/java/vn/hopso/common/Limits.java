package vn.hopso.common;

/**
 * Every text limit, declared once. Input records validate with these ({@code @Size(max =
 * Limits.NAME)}), entities size their columns with them ({@code @Column(length = Limits.NAME)}),
 * and the migrations create the columns at these sizes ({@code SchemaLimitsTest} checks all three
 * agree). Columns derived from others (search keys, notification titles) are sized from their
 * sources here, and the code that fills them cuts at the same constant.
 */
public final class Limits {
  private Limits() {}

  public static final int CODE = 64;
  public static final int USERNAME = 64;
  public static final int NAME = 255;
  public static final int POSITION = 255;
  public static final int EMAIL = 255;
  public static final int PHONE = 32;
  public static final int ROOM = 255;
  public static final int PASSWORD = 200;

  public static final int TITLE = 500;
  public static final int PLACE = 500;
  public static final int NOTES = 4000;
  public static final int REASON = 1000;
  public static final int SHORT_NOTE = 500;
  public static final int DESCRIPTION = 4000;

  /** A folded search key: every source field, folded (which may lengthen some scripts), cut. */
  public static final int SEARCH_KEY = 8000;

  /** A hex collation key, cut: the first 1024 bytes of a key order any real name. */
  public static final int SORT_KEY = 2048;

  /** "Giấy mời họp: " and the like, followed by a meeting title. */
  public static final int NOTIFICATION_TITLE = TITLE + 100;

  public static final int NOTIFICATION_BODY = 8000;
  public static final int MAIL_SUBJECT = TITLE + 100;
  public static final int AUDIT_DETAIL = 2000;
  public static final int AUDIT_FIELD = 255;
}
