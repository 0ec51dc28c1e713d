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
import java.time.Instant;
import vn.hopso.common.Limits;
import vn.hopso.meeting.Meeting;

/** A published agenda: the JSON snapshot participants see, and what changed since before. */
@Entity
@Table(name = "agenda_version")
public class AgendaVersion extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agenda_version_seq")
  @SequenceGenerator(
      name = "agenda_version_seq",
      sequenceName = "agenda_version_seq",
      allocationSize = 1)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "meeting_id")
  public Meeting meeting;

  @Column(nullable = false)
  public int number;

  @Column(name = "published_at", nullable = false)
  public Instant publishedAt;

  @Column(name = "published_by", length = Limits.AUDIT_FIELD)
  public String publishedBy;

  @Column(length = Limits.DESCRIPTION)
  public String changes;

  @Column(nullable = false, columnDefinition = "text")
  public String snapshot;
}
