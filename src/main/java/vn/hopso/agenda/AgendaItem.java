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
}
