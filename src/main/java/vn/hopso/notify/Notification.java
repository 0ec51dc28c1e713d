package vn.hopso.notify;

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
import vn.hopso.org.Person;

/** An in-app notification (the bell). */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
  @SequenceGenerator(
      name = "notification_seq",
      sequenceName = "notification_seq",
      allocationSize = 50)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "person_id")
  public Person person;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "meeting_id")
  public Meeting meeting;

  @Column(nullable = false, length = 32)
  public String kind;

  @Column(nullable = false, length = Limits.NOTIFICATION_TITLE)
  public String title;

  @Column(length = Limits.NOTIFICATION_BODY)
  public String body;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "read_at")
  public Instant readAt;
}
