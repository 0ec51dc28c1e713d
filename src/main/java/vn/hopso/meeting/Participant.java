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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.OptimisticLock;
import vn.hopso.common.Limits;
import vn.hopso.org.Endpoint;
import vn.hopso.org.Person;

/**
 * A person invited to a meeting, with their role, seat, vote and attendance. The version guards
 * what the secretary edits (role, seat, vote, proxy); the person's own answer and attendance do not
 * make a secretary's edit stale.
 */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "participant_seq")
  @SequenceGenerator(
      name = "participant_seq",
      sequenceName = "participant_seq",
      allocationSize = 50)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "meeting_id")
  public Meeting meeting;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "person_id")
  public Person person;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ParticipantRole role;

  /** The room they attend from; null: online from anywhere. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "endpoint_id")
  public Endpoint endpoint;

  public boolean voting;

  /** The participant this one gave their vote to (ủy quyền), if any. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "proxy_id")
  public Participant proxy;

  @OptimisticLock(excluded = true)
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Attendance attendance = Attendance.UNKNOWN;

  @OptimisticLock(excluded = true)
  @Column(name = "attendance_reason", length = Limits.SHORT_NOTE)
  public String attendanceReason;

  @OptimisticLock(excluded = true)
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "attendance_endpoint_id")
  public Endpoint attendanceEndpoint;

  @OptimisticLock(excluded = true)
  @Column(name = "attendance_at")
  public Instant attendanceAt;

  @OptimisticLock(excluded = true)
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InvitationResponse response = InvitationResponse.PENDING;

  @OptimisticLock(excluded = true)
  @Column(name = "response_note", length = Limits.SHORT_NOTE)
  public String responseNote;

  @OptimisticLock(excluded = true)
  @Column(name = "responded_at")
  public Instant respondedAt;

  @OptimisticLock(excluded = true)
  @Column(name = "invited_at")
  public Instant invitedAt;

  @Version public long version;
}
