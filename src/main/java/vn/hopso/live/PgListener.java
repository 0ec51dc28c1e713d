package vn.hopso.live;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Several instances on one PostgreSQL: each listens for the others' NOTIFY (a meeting's new last
 * event number, or a person whose notifications changed) on one dedicated connection, and loads the
 * rows itself (a notification carries ids only). After the feed was lost it catches up every
 * meeting it serves. On the embedded H2 default there is one instance and nothing to listen to.
 */
@ApplicationScoped
public class PgListener {
  private static final Logger LOG = Logger.getLogger(PgListener.class);

  /**
   * Carries a person id: their notifications changed ("12"), or their rights did and their
   * connections must reconnect ("reconnect:12").
   */
  public static final String PERSON_CHANNEL = "hopso_person";

  public static final String RECONNECT = "reconnect:";

  @Inject AgroalDataSource dataSource;
  @Inject Hub hub;
  @Inject Sequencer sequencer;

  @ConfigProperty(name = "quarkus.datasource.db-kind")
  String dbKind;

  private volatile boolean running;
  private volatile boolean connected;
  private Thread thread;

  void start(@Observes StartupEvent event) {
    if (!dbKind.startsWith("postgres")) {
      return;
    }
    running = true;
    hub.feedChanged(false); // until LISTEN is in place, joins ask the database
    thread = new Thread(this::loop, "hopso-pg-listener");
    thread.setDaemon(true);
    thread.start();
  }

  /** True when this instance receives the other instances' events (always true on H2). */
  public boolean healthy() {
    return !running || connected;
  }

  private void loop() {
    long backoff = 500;
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + Sequencer.CHANNEL);
          s.execute("LISTEN " + PERSON_CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        connected = true;
        hub.feedChanged(true);
        backoff = 500;
        // anything published while the feed was down
        for (long meetingId : hub.followedMeetings()) {
          sequencer.catchUp(meetingId);
        }
        while (running) {
          PGNotification[] batch = pg.getNotifications(5000);
          if (batch == null) {
            continue;
          }
          for (PGNotification n : batch) {
            handle(n.getName(), n.getParameter());
          }
        }
      } catch (Exception e) {
        connected = false;
        hub.feedChanged(false);
        if (running) {
          LOG.warnf("the event feed from other instances is down (%s); retrying", e.getMessage());
          try {
            Thread.sleep(backoff);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return;
          }
          backoff = Math.min(10_000, backoff * 2);
        }
      }
    }
  }

  private void handle(String channel, String payload) {
    try {
      if (Sequencer.CHANNEL.equals(channel)) {
        int colon = payload.indexOf(':');
        hub.advance(
            Long.parseLong(payload.substring(0, colon)),
            Long.parseLong(payload.substring(colon + 1)));
      } else if (PERSON_CHANNEL.equals(channel)) {
        if (payload.startsWith(RECONNECT)) {
          hub.reconnectPerson(Long.parseLong(payload.substring(RECONNECT.length())));
        } else {
          hub.notifyPerson(Long.parseLong(payload));
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf(e, "bad notification %s on %s", payload, channel);
    }
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
