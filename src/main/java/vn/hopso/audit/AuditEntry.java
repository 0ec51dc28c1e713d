package vn.hopso.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.hopso.common.Limits;

/**
 * One append-only audit row. It is written with the change it records, without any lock; the {@link
 * AuditSealer} later gives it its place in the chain ({@code sealSeq}) and its {@code hash}, which
 * covers its fields, its place and the previous entry's hash.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = 50)
  public Long id;

  @Column(nullable = false)
  public Instant at;

  @Column(length = Limits.AUDIT_FIELD)
  public String actor;

  @Column(nullable = false, length = Limits.AUDIT_FIELD)
  public String action;

  @Column(length = Limits.AUDIT_FIELD)
  public String target;

  @Column(length = Limits.AUDIT_DETAIL)
  public String detail;

  @Column(length = Limits.AUDIT_FIELD)
  public String ip;

  /** Place in the chain (1, 2, 3 …), set when sealed; null until then. */
  @Column(name = "seal_seq")
  public Long sealSeq;

  @Column(name = "prev_hash", length = 64)
  public String prevHash;

  @Column(length = 64)
  public String hash;
}
