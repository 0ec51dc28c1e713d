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
import vn.hopso.common.Limits;
import vn.hopso.org.Endpoint;
import vn.hopso.org.Person;

/** A person invited to a meeting, with their role, seat, vote and attendance. */
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

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Attendance attendance = Attendance.UNKNOWN;

  @Column(name = "attendance_reason", length = Limits.SHORT_NOTE)
  public String attendanceReason;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "attendance_endpoint_id")
  public Endpoint attendanceEndpoint;

  @Column(name = "attendance_at")
  public Instant attendanceAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InvitationResponse response = InvitationResponse.PENDING;

  @Column(name = "response_note", length = Limits.SHORT_NOTE)
  public String responseNote;

  @Column(name = "responded_at")
  public Instant respondedAt;

  @Column(name = "invited_at")
  public Instant invitedAt;

  @Version public long version;
}
