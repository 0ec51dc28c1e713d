package vn.hopso.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Failed sign-in counter for one account name ("u:…"), one address ("ip:…") or one person's current
 * password when changing it ("pw:…"). Kept in the database so that every instance behind the load
 * balancer sees the same count. Unknown account names are counted like known ones, so answers never
 * reveal whether an account exists.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle extends PanacheEntityBase {
  @Id
  @Column(name = "throttle_key", length = 160)
  public String key;

  @Column(nullable = false)
  public int failures;

  @Column(name = "first_failure_at", nullable = false)
  public Instant firstFailureAt;

  @Column(name = "last_failure_at", nullable = false)
  public Instant lastFailureAt;

  @Column(name = "locked_until")
  public Instant lockedUntil;
}
