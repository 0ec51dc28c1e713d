package vn.hopso.speaker;

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
import vn.hopso.agenda.AgendaItem;
import vn.hopso.common.Limits;
import vn.hopso.meeting.Meeting;
import vn.hopso.org.Endpoint;
import vn.hopso.org.Person;

/**
 * One request for the floor and, once given, the speech: who (a person, or a room on behalf of the
 * room), on which agenda item, when it started and ended, how long it was paused. The minutes are
 * drafted from these.
 */
@Entity
@Table(name = "speaker_request")
public class SpeakerRequest extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "speaker_request_seq")
  @SequenceGenerator(
      name = "speaker_request_seq",
      sequenceName = "speaker_request_seq",
      allocationSize = 50)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "meeting_id")
  public Meeting meeting;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "item_id")
  public AgendaItem item;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "person_id")
  public Person person;

  /** The room, when its operator asks on behalf of the room. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "endpoint_id")
  public Endpoint endpoint;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  public SpeakerKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public SpeakerState state;

  /** Order in the queue among waiting requests (smaller first). */
  @Column(nullable = false)
  public int position;

  @Column(length = Limits.SHORT_NOTE)
  public String note;

  @Column(name = "requested_at", nullable = false)
  public Instant requestedAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  /** Set while the speech is paused. */
  @Column(name = "paused_at")
  public Instant pausedAt;

  /** The pause came from the session's (it ends with the session's); else the chair's own. */
  @Column(name = "paused_with_session", nullable = false)
  public boolean pausedWithSession;

  @Column(name = "paused_seconds", nullable = false)
  public long pausedSeconds;

  @Column(name = "limit_seconds", nullable = false)
  public int limitSeconds;

  @Column(name = "requested_by", length = Limits.AUDIT_FIELD)
  public String requestedBy;

  @Version public long version;

  /** Whether it is this person's request: their own, or their room's when they are its device. */
  public boolean isOf(Long personId) {
    if (personId == null) {
      return false;
    }
    if (person != null) {
      return personId.equals(person.id);
    }
    return endpoint != null && endpoint.account != null && personId.equals(endpoint.account.id);
  }
}
