package vn.hopso.vote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One ballot: its receipt and its choice. A secret poll's ballot has no voter, no time and a random
 * id (see {@link PollService#closeLocked} for how the rows lose their order at close); a named
 * poll's names its participant.
 */
@Entity
@Table(name = "ballot")
public class Ballot extends PanacheEntityBase {
  @Id
  @Column(length = 36)
  public String id;

  @Column(name = "poll_id", nullable = false)
  public long pollId;

  @Column(nullable = false, length = 16)
  public String receipt;

  @Column(nullable = false, columnDefinition = "text")
  public String choice;

  @Column(name = "participant_id")
  public Long participantId;
}
