package vn.hopso.meeting;

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
import java.time.Instant;
import vn.hopso.common.Limits;

/** A postponement or cancellation of a meeting, kept for the record. */
@Entity
@Table(name = "meeting_change")
public class MeetingChange extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meeting_change_seq")
  @SequenceGenerator(
      name = "meeting_change_seq",
      sequenceName = "meeting_change_seq",
      allocationSize = 50)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "meeting_id")
  public Meeting meeting;

  @Column(nullable = false)
  public Instant at;

  @Column(name = "by_name", length = Limits.AUDIT_FIELD)
  public String by;

  @Column(nullable = false, length = 24)
  public String kind;

  @Column(name = "old_starts_at")
  public Instant oldStartsAt;

  @Column(name = "old_ends_at")
  public Instant oldEndsAt;

  @Column(name = "new_starts_at")
  public Instant newStartsAt;

  @Column(name = "new_ends_at")
  public Instant newEndsAt;

  @Column(length = Limits.REASON)
  public String reason;
}
