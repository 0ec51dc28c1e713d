package vn.hopso.agenda;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hopso.common.Limits;
import vn.hopso.meeting.Meeting;
import vn.hopso.org.Person;

/**
 * One item of a meeting's working agenda; items nest (sub-items) and are ordered by position among
 * their siblings. Documents and votes attach to items in later features.
 */
@Entity
@Table(name = "agenda_item")
public class AgendaItem extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agenda_item_seq")
  @SequenceGenerator(
      name = "agenda_item_seq",
      sequenceName = "agenda_item_seq",
      allocationSize = 50)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "meeting_id")
  public Meeting meeting;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  public AgendaItem parent;

  @Column(nullable = false)
  public int position;

  @Column(nullable = false, length = Limits.TITLE)
  public String title;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "presenter_id")
  public Person presenter;

  /** A presenter who has no account (a guest), by name. */
  @Column(name = "presenter_name", length = Limits.NAME)
  public String presenterName;

  @Column(name = "planned_minutes")
  public Integer plannedMinutes;

  @Column(length = Limits.DESCRIPTION)
  public String description;

  /** Where the item stands in the running session. */
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(name = "run_state", nullable = false, length = 16)
  public ItemState runState = ItemState.PENDING;

  /** When it last became current (its clock runs from here unless the session is paused). */
  @Column(name = "run_started_at")
  public java.time.Instant runStartedAt;

  /** Time spent on it before {@link #runStartedAt}. */
  @Column(name = "spent_seconds", nullable = false)
  public long spentSeconds;

  /** Time limit of one speech on this item, overriding the meeting's; null: the meeting's. */
  @Column(name = "speech_limit_seconds")
  public Integer speechLimitSeconds;

  @Version public long version;

  /** An item with its number ("2.1") and depth (0: top level), as the agenda shows it. */
  record Placed(AgendaItem item, String number, int depth) {}

  /**
   * The meeting's items (presenters loaded) by parent id (null: the top level), each group in
   * agenda order: by position, then by id.
   */
  static Map<Long, List<AgendaItem>> byParent(Meeting m) {
    Map<Long, List<AgendaItem>> byParent = new HashMap<>();
    for (AgendaItem i :
        AgendaItem.<AgendaItem>list(
            "from AgendaItem i left join fetch i.presenter where i.meeting = ?1"
                + " order by i.position, i.id",
            m)) {
      byParent
          .computeIfAbsent(i.parent == null ? null : i.parent.id, k -> new ArrayList<>())
          .add(i);
    }
    return byParent;
  }

  /** The number of the {@code n}th (0-based) child under a parent numbered {@code prefix}. */
  static String number(String prefix, int n) {
    return prefix.isEmpty() ? Integer.toString(n + 1) : prefix + "." + (n + 1);
  }

  /** The meeting's items depth first (an item, then its sub-items), numbered. */
  static List<Placed> inAgendaOrder(Meeting m) {
    List<Placed> out = new ArrayList<>();
    walk(byParent(m), null, "", 0, out);
    return out;
  }

  private static void walk(
      Map<Long, List<AgendaItem>> byParent,
      Long parent,
      String prefix,
      int depth,
      List<Placed> out) {
    List<AgendaItem> children = byParent.getOrDefault(parent, List.of());
    for (int n = 0; n < children.size(); n++) {
      AgendaItem i = children.get(n);
      String number = number(prefix, n);
      out.add(new Placed(i, number, depth));
      walk(byParent, i.id, number, depth + 1, out);
    }
  }
}
