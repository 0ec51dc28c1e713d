package vn.hopso.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The live channel's figures on /q/metrics (deploy/grafana/hopso.json draws them): this instance's
 * open connections, the meeting events that reached it (from any instance) and the messages it
 * wrote to its clients. Rates come from the counters (Prometheus' {@code rate()}). Nothing here
 * names a person or a meeting: a metric is read by whoever operates the servers.
 */
@Startup
@ApplicationScoped
public class LiveMetrics {
  @Inject MeterRegistry registry;
  @Inject Hub hub;

  private Counter events;
  private Counter deliveries;

  @PostConstruct
  void register() {
    Gauge.builder("hopso.live.connections", hub, Hub::connectionCount)
        .description("Live WebSocket connections open on this instance (meetings, rooms, personal)")
        .register(registry);
    events =
        Counter.builder("hopso.live.events")
            .description("Meeting events that reached this instance's channels, from any instance")
            .register(registry);
    deliveries =
        Counter.builder("hopso.live.deliveries")
            .description("Event messages handed to this instance's connections")
            .register(registry);
  }

  void delivered(int eventCount, int connectionCount) {
    events.increment(eventCount);
    deliveries.increment((double) eventCount * connectionCount);
  }
}
