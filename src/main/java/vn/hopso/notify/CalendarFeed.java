package vn.hopso.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's secret calendar-feed address (only the hash of its token is kept). */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {
  @Id
  @Column(name = "person_id")
  public Long personId;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  public String tokenHash;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
