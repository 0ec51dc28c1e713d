package vn.hopso.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hopso.auth.AuthEvents;
import vn.hopso.notify.NotifyEvents;
import vn.hopso.org.OrgEvents;

/**
 * After a commit that concerns a person, tells their open apps on this instance, and on PostgreSQL
 * every other instance through NOTIFY: their notifications changed (the bell), or their rights did
 * (their sockets reconnect, so that a new handshake decides what they may follow).
 */
@ApplicationScoped
public class PersonalPush {
  @Inject Hub hub;
  @Inject PgListener listener;
  @Inject EntityManager em;

  @ConfigProperty(name = "quarkus.datasource.db-kind")
  String dbKind;

  void changed(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) NotifyEvents.NotificationsChanged e) {
    if (!tellAll(e.personIds().stream().map(id -> Long.toString(id)).toList())
        || !listener.healthy()) {
      e.personIds().forEach(hub::notifyPerson);
    }
  }

  /** Sessions ended by the server: the person's sockets reconnect (and are refused if need be). */
  void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuthEvents.SessionsRevoked e) {
    reconnect(e.personId());
  }

  /**
   * A person's roles changed: what they may follow is decided anew (a deactivation ends their
   * sessions, which reconnects them above).
   */
  void personSaved(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrgEvents.PersonSaved e) {
    if (e.rightsChanged() && !e.accessRevoked()) {
      reconnect(e.personId());
    }
  }

  private void reconnect(long personId) {
    if (!tellAll(List.of(PgListener.RECONNECT + personId)) || !listener.healthy()) {
      hub.reconnectPerson(personId);
    }
  }

  /**
   * On PostgreSQL, every instance (this one too, through its listener) acts on the payloads;
   * answers false on the embedded database, where this instance is the only one and acts itself (as
   * it does while its own listener is down).
   */
  private boolean tellAll(List<String> payloads) {
    if (!dbKind.startsWith("postgres")) {
      return false;
    }
    if (payloads.isEmpty()) {
      return true;
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (String payload : payloads) {
                em.createNativeQuery("select pg_notify(?1, ?2)")
                    .setParameter(1, PgListener.PERSON_CHANNEL)
                    .setParameter(2, payload)
                    .getSingleResult();
              }
            });
    return true;
  }
}
