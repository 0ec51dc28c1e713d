package vn.hopso.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while this instance hears the other instances' events (PostgreSQL LISTEN): without
 * that feed its clients would see the others' votes, speakers and items late, so a load balancer
 * should send them elsewhere until the feed is back (it reconnects by itself and then catches up
 * every meeting it serves). On the embedded H2 default there is one instance: always up.
 */
@Readiness
@ApplicationScoped
public class EventFeedHealthCheck implements HealthCheck {
  static final String NAME = "live-event-feed";

  @Inject PgListener listener;
  @Inject Hub hub;

  @ConfigProperty(name = "quarkus.datasource.db-kind")
  String dbKind;

  @Override
  public HealthCheckResponse call() {
    boolean shared = dbKind.startsWith("postgres");
    return HealthCheckResponse.named(NAME)
        .status(listener.healthy())
        .withData("feed", shared ? "PostgreSQL LISTEN/NOTIFY" : "one instance (embedded database)")
        .withData("instance", hub.instanceId)
        .build();
  }
}
