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

/**
 * That a principal has voted in a poll (who, by whom, when), never what. {@code ballotHash}: the
 * SHA-256 of the ballot id the client made, which recognises a retry and a change without the
 * receipt or any other link to the ballot being kept here.
 */
@Entity
@Table(name = "poll_voter")
public class PollVoter extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "poll_voter_seq")
  @SequenceGenerator(name = "poll_voter_seq", sequenceName = "poll_voter_seq", allocationSize = 50)
  public Long id;

  @Column(name = "poll_id", nullable = false)
  public long pollId;

  @Column(name = "participant_id", nullable = false)
  public long participantId;

  @Column(name = "person_id", nullable = false)
  public long personId;

  /** The person who cast it: the principal, or the holder of their proxy. */
  @Column(name = "cast_by", nullable = false)
  public long castBy;

  @Column(name = "ballot_hash", nullable = false, length = 64)
  public String ballotHash;

  @Column(name = "voted_at", nullable = false)
  public Instant votedAt;
}
