package vn.hopso.notify;

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
import vn.hopso.meeting.Meeting;
import vn.hopso.org.Person;

/**
 * An email or SMS waiting to be sent, sent, or failed. Written in the same transaction as the
 * change it announces, so a message is never lost and never sent for a rolled-back change.
 */
@Entity
@Table(name = "outbound_message")
public class OutboundMessage extends PanacheEntityBase {
  public enum Channel {
    EMAIL,
    SMS
  }

  public enum Status {
    PENDING,
    SENT,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbound_message_seq")
  @SequenceGenerator(
      name = "outbound_message_seq",
      sequenceName = "outbound_message_seq",
      allocationSize = 50)
  public Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Channel channel;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "meeting_id")
  public Meeting meeting;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "person_id")
  public Person person;

  /** INVITATION, UPDATE, CANCELLATION, REMINDER, AGENDA. */
  @Column(nullable = false, length = 24)
  public String kind;

  @Column(nullable = false, length = 255)
  public String recipient;

  @Column(length = Limits.MAIL_SUBJECT)
  public String subject;

  @Column(nullable = false, columnDefinition = "text")
  public String body;

  /** The iCalendar attachment (emails about a meeting). */
  @Column(columnDefinition = "text")
  public String calendar;

  @Column(name = "calendar_method", length = 16)
  public String calendarMethod;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status = Status.PENDING;

  public int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  public Instant nextAttemptAt;

  /** While set in the future, one worker (of one instance) is sending this message. */
  @Column(name = "claimed_until")
  public Instant claimedUntil;

  @Column(name = "last_error", length = 1000)
  public String lastError;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "sent_at")
  public Instant sentAt;
}
