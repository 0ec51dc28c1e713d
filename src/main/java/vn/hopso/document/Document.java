package vn.hopso.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import java.util.HashSet;
import java.util.Set;
import vn.hopso.agenda.AgendaItem;
import vn.hopso.common.Limits;
import vn.hopso.meeting.Meeting;
import vn.hopso.org.Person;

/**
 * A document of a meeting, or of one of its agenda items: its title, who may read it, and the
 * number of its current version. The bytes are in {@link DocumentVersion}s.
 */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_seq")
  @SequenceGenerator(name = "document_seq", sequenceName = "document_seq", allocationSize = 1)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "meeting_id")
  public Meeting meeting;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "agenda_item_id")
  public AgendaItem item;

  @Column(nullable = false, length = Limits.TITLE)
  public String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public DocumentAudience audience = DocumentAudience.PARTICIPANTS;

  /** Mật: readers get a copy watermarked with their name; the original stays with managers. */
  @Column(nullable = false)
  public boolean confidential;

  @Column(nullable = false)
  public int position;

  @Column(name = "current_version", nullable = false)
  public int currentVersion;

  /** Withdrawn by the secretary: no longer listed or served, kept for the record. */
  @Column(name = "withdrawn_at")
  public Instant withdrawnAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "created_by")
  public Person createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** The people who may read it when {@link #audience} is NAMED. */
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "document_reader", joinColumns = @JoinColumn(name = "document_id"))
  @Column(name = "person_id")
  public Set<Long> readers = new HashSet<>();

  @Version public long version;
}
