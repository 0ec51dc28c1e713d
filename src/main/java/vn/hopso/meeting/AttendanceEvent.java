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
import java.time.Instant;
import vn.hopso.common.Limits;
import vn.hopso.org.Endpoint;

/** One attendance change (check-in, marked present, excused …) with its time and author. */
@Entity
@Table(name = "attendance_event")
public class AttendanceEvent extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attendance_event_seq")
  @SequenceGenerator(
      name = "attendance_event_seq",
      sequenceName = "attendance_event_seq",
      allocationSize = 50)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "participant_id")
  public Participant participant;

  @Column(nullable = false)
  public Instant at;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Attendance attendance;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "endpoint_id")
  public Endpoint endpoint;

  @Column(length = Limits.SHORT_NOTE)
  public String reason;

  @Column(name = "by_name", length = Limits.AUDIT_FIELD)
  public String by;
}
