package vn.hopso.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.hopso.org.Person;

/**
 * A signed-in session. Access tokens name it ({@code sid}) and stop working the moment it is
 * revoked; the refresh token is stored only as a hash and rotates on each use.
 */
@Entity
@Table(name = "auth_session")
public class AuthSession extends PanacheEntityBase {
  @Id
  @Column(length = 64)
  public String id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "person_id", nullable = false)
  public Person person;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** The refresh token is valid until then; each refresh moves it forward. */
  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  @Column(name = "refresh_hash", nullable = false, length = 64)
  public String refreshHash;

  /** The hash of the refresh token used last: presenting it again means it was stolen. */
  @Column(name = "previous_refresh_hash", length = 64)
  public String previousRefreshHash;

  /** When the refresh token last rotated (see the grace window in AuthService#refresh). */
  @Column(name = "rotated_at")
  public Instant rotatedAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  @Column(length = 255)
  public String ip;

  @Column(name = "user_agent", length = 255)
  public String userAgent;

  public boolean isLive(Instant now) {
    return revokedAt == null && expiresAt.isAfter(now);
  }
}
