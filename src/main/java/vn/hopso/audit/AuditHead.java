package vn.hopso.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row holding the end of the audit chain. Appending locks it, which serialises appends
 * across every server instance sharing the database.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead extends PanacheEntityBase {
  public static final int ID = 1;

  @Id public int id;

  @Column(name = "last_id", nullable = false)
  public long lastId;

  @Column(name = "last_hash", nullable = false)
  public String lastHash;
}
