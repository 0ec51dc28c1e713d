package vn.hopso.meeting;

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
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import vn.hopso.common.Limits;
import vn.hopso.common.VietnameseText;
import vn.hopso.org.Endpoint;
import vn.hopso.org.Person;
import vn.hopso.org.Unit;

@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meeting_seq")
  @SequenceGenerator(name = "meeting_seq", sequenceName = "meeting_seq", allocationSize = 50)
  public Long id;

  @Column(nullable = false, length = Limits.TITLE)
  public String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MeetingKind kind;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "host_unit_id", nullable = false)
  public Unit hostUnit;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "chair_id", nullable = false)
  public Person chair;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "secretary_id")
  public Person secretary;

  @Column(name = "starts_at", nullable = false)
  public Instant startsAt;

  @Column(name = "ends_at", nullable = false)
  public Instant endsAt;

  /** The room the meeting is hosted from, or null with a free-text {@link #place}. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "host_endpoint_id")
  public Endpoint hostEndpoint;

  @Column(length = Limits.PLACE)
  public String place;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Confidentiality confidentiality = Confidentiality.NORMAL;

  @Column(length = Limits.NOTES)
  public String notes;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MeetingStatus status = MeetingStatus.DRAFT;

  @Column(name = "cancel_reason", length = Limits.REASON)
  public String cancelReason;

  public int postponements;

  /** Quorum: present voting members must be more than (strict) or at least num/den of all. */
  @Column(name = "quorum_numerator")
  public int quorumNumerator = 1;

  @Column(name = "quorum_denominator")
  public int quorumDenominator = 2;

  @Column(name = "quorum_strict")
  public boolean quorumStrict = true;

  /** Stable iCalendar UID; SEQUENCE rises with each change participants are told about. */
  @Column(name = "ical_uid", nullable = false, unique = true, length = 128)
  public String icalUid;

  @Column(name = "ical_sequence")
  public int icalSequence;

  @Column(name = "agenda_version")
  public int agendaVersion;

  @Column(name = "agenda_published_at")
  public Instant agendaPublishedAt;

  /** The working agenda differs from the published one. */
  @Column(name = "agenda_dirty")
  public boolean agendaDirty;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "created_by_id")
  public Person createdBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "search_key", nullable = false, length = Limits.SEARCH_KEY)
  public String searchKey;

  /** The session is paused (only while IN_PROGRESS). */
  @Column(nullable = false)
  public boolean paused;

  @Column(name = "paused_at")
  public Instant pausedAt;

  @Column(name = "session_started_at")
  public Instant sessionStartedAt;

  /** The agenda item being discussed, if any (an agenda item's id; no foreign key). */
  @Column(name = "current_item_id")
  public Long currentItemId;

  /** Default time limit of one speech. */
  @Column(name = "speech_limit_seconds", nullable = false)
  public int speechLimitSeconds = 300;

  /** Whether participants may ask to speak (the chair closes and reopens the queue). */
  @Column(name = "queue_open", nullable = false)
  public boolean queueOpen = true;

  @Version public long version;

  @PrePersist
  @PreUpdate
  void keys() {
    searchKey = VietnameseText.searchKey(title, place, notes);
  }

  public long slotMinutes() {
    return Duration.between(startsAt, endsAt).toMinutes();
  }

  /**
   * Takes the meeting's row lock until the transaction ends (before reading what a change depends
   * on): changes that decide from the meeting's state (the speaking queue, the running agenda) or
   * report whole-meeting figures (the queue, the quorum) then happen one after another, and the
   * events they record are numbered in that order. Other readers never wait.
   */
  public static void lockRow(long meetingId) {
    getEntityManager()
        .createNativeQuery("select id from meeting where id = ?1 for update")
        .setParameter(1, meetingId)
        .getResultList();
  }

  /** Participants are told about changes from the moment the meeting is scheduled. */
  public boolean participantsInformed() {
    return status != MeetingStatus.DRAFT;
  }
}
