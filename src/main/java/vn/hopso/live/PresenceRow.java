package vn.hopso.live;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A person (or a room's device) connected to a meeting through one instance. */
@Entity
@Table(name = "live_presence")
public class PresenceRow extends PanacheEntityBase {
  @Embeddable
  public record Key(
      @Column(name = "meeting_id") long meetingId,
      @Column(name = "person_id") long personId,
      @Column(name = "instance_id", length = 40) String instanceId)
      implements Serializable {}

  @EmbeddedId public Key key;

  @Column(name = "endpoint_id")
  public Long endpointId;

  @Column(nullable = false)
  public int connections;

  @Column(name = "connected_at", nullable = false)
  public Instant connectedAt;

  @Column(name = "seen_at", nullable = false)
  public Instant seenAt;
}
