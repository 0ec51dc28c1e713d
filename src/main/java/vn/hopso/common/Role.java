package vn.hopso.common;

/** What a person may do in HopSo. A person can hold several roles. */
public enum Role {
  ADMIN,
  SECRETARY,
  CHAIR,
  DELEGATE,
  /** A meeting room's device (the PC of a điểm cầu); signs in with its own account. */
  ENDPOINT,
  OBSERVER;

  /** Role names as constants for {@code @RolesAllowed}. */
  public static final class Names {
    public static final String ADMIN = "ADMIN";
    public static final String SECRETARY = "SECRETARY";
    public static final String CHAIR = "CHAIR";
    public static final String DELEGATE = "DELEGATE";
    public static final String ENDPOINT = "ENDPOINT";
    public static final String OBSERVER = "OBSERVER";

    private Names() {}
  }
}
