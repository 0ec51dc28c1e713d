package vn.hopso.vote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** The figures one source (the hall, or a room) entered for an analog poll. */
@Entity
@Table(name = "poll_count")
public class PollCount extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "poll_count_seq")
  @SequenceGenerator(name = "poll_count_seq", sequenceName = "poll_count_seq", allocationSize = 1)
  public Long id;

  @Column(name = "poll_id", nullable = false)
  public long pollId;

  /** "hall", or "endpoint:{id}". */
  @Column(nullable = false, length = 32)
  public String source;

  @Column(name = "endpoint_id")
  public Long endpointId;

  public int yes;
  public int no;
  public int abstain;
  public int invalid;
  public int ballots;

  /** Per option id: votes, high, medium, low (JSON). */
  @Column(columnDefinition = "text")
  public String options;

  @Column(name = "entered_by", nullable = false)
  public String enteredBy;

  @Column(name = "entered_at", nullable = false)
  public Instant enteredAt;
}
