package vn.hopso.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One append-only audit row; {@code hash} covers its fields and the previous row's hash. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
  /** Assigned from the chain head (1, 2, 3 …) so the chain order is the id order. */
  @Id public long id;

  @Column(nullable = false)
  public Instant at;

  public String actor;

  @Column(nullable = false)
  public String action;

  public String target;

  @Column(length = 2000)
  public String detail;

  public String ip;

  @Column(name = "prev_hash", nullable = false)
  public String prevHash;

  @Column(nullable = false)
  public String hash;
}
