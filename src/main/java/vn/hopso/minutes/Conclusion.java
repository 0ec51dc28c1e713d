package vn.hopso.minutes;

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
import java.time.Instant;
import vn.hopso.agenda.AgendaItem;
import vn.hopso.meeting.Meeting;
import vn.hopso.org.Person;

/** A conclusion of the meeting, on an agenda item or on the meeting as a whole. */
@Entity
@Table(name = "conclusion")
public class Conclusion extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conclusion_seq")
  @SequenceGenerator(name = "conclusion_seq", sequenceName = "conclusion_seq", allocationSize = 1)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "meeting_id")
  public Meeting meeting;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "agenda_item_id")
  public AgendaItem item;

  @Column(nullable = false)
  public int position;

  @Column(nullable = false, length = 4000)
  public String text;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "created_by")
  public Person createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Version public long version;
}
