package vn.hopso.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the sealed audit chain. Only the sealer locks it (one sealer at a time across all
 * instances); audited writes never touch it, so they do not wait on each other.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead extends PanacheEntityBase {
  public static final int ID = 1;

  @Id public int id;

  /** The last sealed entry's place in the chain (0 before the first). */
  @Column(name = "last_id", nullable = false)
  public long lastSeq;

  @Column(name = "last_hash", nullable = false, length = 64)
  public String lastHash;
}
