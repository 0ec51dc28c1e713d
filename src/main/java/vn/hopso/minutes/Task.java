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
import vn.hopso.org.Unit;

/** A follow-up task from a meeting's conclusions: who answers for it, by when, and how far. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_seq")
  @SequenceGenerator(name = "task_seq", sequenceName = "task_seq", allocationSize = 1)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "meeting_id")
  public Meeting meeting;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "conclusion_id")
  public Conclusion conclusion;

  @Column(nullable = false, length = 500)
  public String title;

  @Column(length = 4000)
  public String detail;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "unit_id")
  public Unit unit;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "person_id")
  public Person person;

  @Column(nullable = false)
  public LocalDate deadline;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TaskPriority priority;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TaskState state;

  public int progress;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "issued_by")
  public Person issuedBy;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "reported_at")
  public Instant reportedAt;

  @Column(name = "done_at")
  public Instant doneAt;

  @Column(name = "reminded_before")
  public Instant remindedBefore;

  @Column(name = "reminded_overdue")
  public Instant remindedOverdue;

  @Version public long version;

  /** Not finished (nor cancelled) and past its deadline on {@code today}. */
  public boolean overdue(LocalDate today) {
    return state.open() && deadline.isBefore(today);
  }
}
