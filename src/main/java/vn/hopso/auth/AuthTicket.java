package vn.hopso.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A single-use ticket (only its hash is kept). */
@Entity
@Table(name = "auth_ticket")
public class AuthTicket extends PanacheEntityBase {
  @Id
  @Column(name = "ticket_hash", length = 64)
  public String hash;

  @Column(name = "person_id", nullable = false)
  public long personId;

  @Column(nullable = false, length = 128)
  public String scope;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  /** What was decided when the ticket was issued, for its single use (opaque to this feature). */
  @Column(name = "grant_data", length = 200)
  public String grant;
}
