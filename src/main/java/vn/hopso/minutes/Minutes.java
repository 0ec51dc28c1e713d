package vn.hopso.minutes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
import java.time.LocalDate;
import vn.hopso.meeting.Meeting;
import vn.hopso.org.Person;

/**
 * A meeting's minutes (biên bản), or a later correction of them: the editable text, its state, and
 * once approved the PDF as it stands after each signature.
 */
@Entity
@Table(name = "minutes")
public class Minutes extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "minutes_seq")
  @SequenceGenerator(name = "minutes_seq", sequenceName = "minutes_seq", allocationSize = 1)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "meeting_id")
  public Meeting meeting;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MinutesKind kind;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "corrects_id")
  public Minutes corrects;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MinutesState state;

  @Column(nullable = false, length = 64)
  public String number;

  @Column(nullable = false, length = 500)
  public String place;

  @Column(name = "minutes_date", nullable = false)
  public LocalDate date;

  @Column(nullable = false, length = 500)
  public String title;

  @Column(nullable = false, length = 500)
  public String subtitle;

  @Column(nullable = false, columnDefinition = "text")
  public String body;

  /** One recipient per line ("Nơi nhận"). */
  @Column(nullable = false, length = 4000)
  public String recipients;

  /** The number of the last saved version. */
  @Column(nullable = false)
  public int revision;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "approved_by")
  public Person approvedBy;

  @Column(name = "approved_at")
  public Instant approvedAt;

  @Column(name = "pdf_key")
  public String pdfKey;

  @Column(name = "pdf_sha256", length = 64)
  public String pdfSha256;

  @Column(name = "pdf_size")
  public Long pdfSize;

  @Column(name = "signature_places", length = 2000)
  public String signaturePlaces;

  @Column(name = "event_head", length = 64)
  public String eventHead;

  @Column(name = "event_count")
  public Long eventCount;

  @Column(name = "poll_head", length = 64)
  public String pollHead;

  @Column(name = "audit_head", length = 64)
  public String auditHead;

  @Column(name = "audit_seq")
  public Long auditSeq;

  @Enumerated(EnumType.STRING)
  @Column(name = "pending_role")
  public SignerRole pendingRole;

  @Column(name = "pending_key")
  public String pendingKey;

  @Column(name = "pending_digest", length = 64)
  public String pendingDigest;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "pending_person")
  public Person pendingPerson;

  @Column(name = "pending_until")
  public Instant pendingUntil;

  @Column(name = "published_at")
  public Instant publishedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "published_by")
  public Person publishedBy;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "created_by")
  public Person createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;

  public void clearPending() {
    pendingRole = null;
    pendingKey = null;
    pendingDigest = null;
    pendingPerson = null;
    pendingUntil = null;
  }
}
