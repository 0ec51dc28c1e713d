package vn.hopso.live;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of a meeting's event log: written with the change it reports, given its place in the
 * meeting's gapless sequence ({@code seq}) by the {@link Sequencer} right after commit.
 */
@Entity
@Table(name = "meeting_event")
public class MeetingEventRow extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meeting_event_seq")
  @SequenceGenerator(
      name = "meeting_event_seq",
      sequenceName = "meeting_event_seq",
      // one at a time: ids follow the order events are recorded in, across instances too (the
      // Sequencer numbers a meeting's pending events in id order; see EventRecorder#serialize)
      allocationSize = 1)
  public Long id;

  @Column(name = "meeting_id", nullable = false)
  public long meetingId;

  /** Place in the meeting's event order (1, 2, 3 …); null until sequenced. */
  public Long seq;

  @Column(nullable = false, length = 64)
  public String type;

  /** Who receives it: ALL, RUNNERS, MANAGERS or PERSON:&lt;id&gt; (see {@link Audience}). */
  @Column(nullable = false, length = 32)
  public String audience;

  /** The event's JSON data. */
  @Column(nullable = false, columnDefinition = "text")
  public String data;

  @Column(nullable = false)
  public Instant at;
}
