package vn.hopso.live;

/**
 * Who receives a live event: everyone who may follow the meeting, only those who run it (its
 * managers and chair), only its managers, or one person.
 */
public final class Audience {
  public static final String ALL = "ALL";
  public static final String RUNNERS = "RUNNERS";
  public static final String MANAGERS = "MANAGERS";

  private Audience() {}

  public static String person(long personId) {
    return "PERSON:" + personId;
  }

  /** True when a connection with these rights and this person receives {@code audience}. */
  public static boolean reaches(String audience, boolean runner, boolean manager, long personId) {
    return switch (audience) {
      case ALL -> true;
      case RUNNERS -> runner;
      case MANAGERS -> manager;
      default -> audience.equals(person(personId));
    };
  }
}
