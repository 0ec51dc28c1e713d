package vn.hopso.meeting;

import java.util.Map;
import vn.hopso.common.Role;
import vn.hopso.common.Viewer;

/**
 * Who may see a meeting: the one rule, written as a query predicate ({@link #of}) for every list,
 * search, clash warning and calendar feed, and evaluated in memory ({@link #allows}) for a single
 * meeting whose relation to the caller is loaded anyway. VisibilityTest holds the two in agreement.
 *
 * <ul>
 *   <li>administrators see every meeting;
 *   <li>its chair, its secretary and the secretary who created it see it in every state;
 *   <li>once it is no longer a draft: its participants, the device accounts of its rooms, and any
 *       secretary when it is not restricted (confidentiality NORMAL).
 * </ul>
 */
public final class MeetingVisibility {
  private MeetingVisibility() {}

  /** A predicate over {@code alias} (a Meeting) and the parameters it uses. */
  public record Predicate(String where, Map<String, Object> params) {}

  public static Predicate of(Viewer v, String alias) {
    if (v.has(Role.ADMIN)) {
      return new Predicate("1 = 1", Map.of());
    }
    if (!v.signedIn()) {
      return new Predicate("1 = 0", Map.of());
    }
    String e = alias;
    StringBuilder w = new StringBuilder("(");
    w.append(e).append(".chair.id = :vMe or ").append(e).append(".secretary.id = :vMe");
    if (v.has(Role.SECRETARY)) {
      w.append(" or ").append(e).append(".createdBy.id = :vMe");
    }
    w.append(" or (")
        .append(e)
        .append(".status <> :vDraft and (exists (select 1 from Participant vp where vp.meeting = ")
        .append(e)
        .append(" and vp.person.id = :vMe)");
    if (v.has(Role.ENDPOINT)) {
      w.append(" or exists (select 1 from MeetingEndpoint vx where vx.meeting = ")
          .append(e)
          .append(" and vx.endpoint.account.id = :vMe)");
    }
    if (v.has(Role.SECRETARY)) {
      w.append(" or ").append(e).append(".confidentiality = :vOpen");
    }
    w.append(")))");
    return new Predicate(
        w.toString(),
        v.has(Role.SECRETARY)
            ? Map.of(
                "vMe", v.personId(), "vDraft", MeetingStatus.DRAFT, "vOpen", Confidentiality.NORMAL)
            : Map.of("vMe", v.personId(), "vDraft", MeetingStatus.DRAFT));
  }

  /**
   * The same rule as {@link #of} for one loaded meeting: {@code participant}, the viewer takes part
   * in it; {@code room}, the viewer is the device account of one of its rooms.
   */
  public static boolean allows(Viewer v, Meeting m, boolean participant, boolean room) {
    if (v.has(Role.ADMIN)) {
      return true;
    }
    Long me = v.personId();
    if (me == null) {
      return false;
    }
    boolean secretary = v.has(Role.SECRETARY);
    if (me.equals(m.chair.id)
        || (m.secretary != null && me.equals(m.secretary.id))
        || (secretary && m.createdBy != null && me.equals(m.createdBy.id))) {
      return true;
    }
    return m.status != MeetingStatus.DRAFT
        && (participant
            || (v.has(Role.ENDPOINT) && room)
            || (secretary && m.confidentiality == Confidentiality.NORMAL));
  }

  /**
   * "My meetings": those I take part in, prepare, chair, or whose room I am the device of (to be
   * combined with {@link #of}).
   */
  public static String mine(String e) {
    return "(exists (select 1 from Participant mp where mp.meeting = "
        + e
        + " and mp.person.id = :vMe) or "
        + e
        + ".createdBy.id = :vMe or "
        + e
        + ".secretary.id = :vMe or "
        + e
        + ".chair.id = :vMe or exists (select 1 from MeetingEndpoint mx where mx.meeting = "
        + e
        + " and mx.endpoint.account.id = :vMe))";
  }
}
