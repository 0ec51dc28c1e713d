package vn.hopso.vote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;

/** A candidate of an election, or a person rated in a confidence vote. */
@Entity
@Table(name = "poll_option")
public class PollOption extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "poll_option_seq")
  @SequenceGenerator(
      name = "poll_option_seq",
      sequenceName = "poll_option_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "poll_id", nullable = false)
  public long pollId;

  public int position;

  @Column(nullable = false, length = vn.hopso.common.Limits.TITLE)
  public String label;

  public static List<PollOption> of(long pollId) {
    return list("pollId = ?1 order by position", pollId);
  }
}
