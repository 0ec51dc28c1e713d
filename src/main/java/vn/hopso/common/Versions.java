package vn.hopso.common;

/**
 * Optimistic concurrency for every editable resource: answers carry the row's {@code version}, an
 * update sends back the version it was based on, and a save based on an older version is refused
 * (409, code {@code stale}) instead of silently overwriting someone else's change.
 */
public final class Versions {
  private Versions() {}

  public static void check(Long given, long current) {
    if (given == null) {
      throw ApiException.invalid("version", CommonMsg.VERSION_REQUIRED);
    }
    if (given != current) {
      throw ApiException.stale();
    }
  }
}
