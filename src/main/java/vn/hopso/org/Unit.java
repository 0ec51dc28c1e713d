package vn.hopso.org;

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
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import vn.hopso.common.Limits;
import vn.hopso.common.VietnameseText;

/** An administrative unit: the province, a district, a commune, an agency or a party body. */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "unit_seq")
  @SequenceGenerator(name = "unit_seq", sequenceName = "unit_seq", allocationSize = 50)
  public Long id;

  @Column(nullable = false, unique = true, length = Limits.CODE)
  public String code;

  @Column(nullable = false, length = Limits.NAME)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public UnitLevel level;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  public Unit parent;

  @Column(nullable = false)
  public boolean active = true;

  /** Set when this unit was merged into another; the unit then stays, inactive, for history. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "merged_into_id")
  public Unit mergedInto;

  @Column(name = "merged_at")
  public Instant mergedAt;

  @Column(name = "search_key", nullable = false, length = Limits.SEARCH_KEY)
  public String searchKey;

  @Column(name = "sort_key", nullable = false, length = Limits.SORT_KEY)
  public String sortKey;

  @Version public long version;

  @PrePersist
  @PreUpdate
  void keys() {
    searchKey = VietnameseText.searchKey(code, name);
    sortKey = VietnameseText.sortKey(name);
  }

  public static Unit findByCode(String code) {
    return find("code", code).firstResult();
  }
}
