package vn.hopso.org;

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

/** History: unit {@code from} was merged into {@code into}. */
@Entity
@Table(name = "unit_merge")
public class UnitMerge extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "unit_merge_seq")
  @SequenceGenerator(name = "unit_merge_seq", sequenceName = "unit_merge_seq", allocationSize = 1)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "from_unit_id", nullable = false)
  public Unit from;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "into_unit_id", nullable = false)
  public Unit into;

  @Column(name = "merged_at", nullable = false)
  public Instant mergedAt;

  @Column(name = "merged_by", length = Limits.AUDIT_FIELD)
  public String mergedBy;

  @Column(name = "moved_endpoints", nullable = false)
  public int movedEndpoints;

  @Column(name = "moved_people", nullable = false)
  public int movedPeople;

  @Column(name = "moved_children", nullable = false)
  public int movedChildren;
}
