package vn.hopso.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hopso.notify.NotifyEvents;

/**
 * After notifications committed, tells the people's open apps (their bell) on this instance, and on
 * PostgreSQL every other instance through NOTIFY.
 */
@ApplicationScoped
public class PersonalPush {
  @Inject Hub hub;
  @Inject EntityManager em;

  @ConfigProperty(name = "quarkus.datasource.db-kind")
  String dbKind;

  void changed(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) NotifyEvents.NotificationsChanged e) {
    e.personIds().forEach(hub::notifyPerson);
    if (dbKind.startsWith("postgres")) {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                for (long id : e.personIds()) {
                  em.createNativeQuery("select pg_notify(?1, ?2)")
                      .setParameter(1, PgListener.PERSON_CHANNEL)
                      .setParameter(2, Long.toString(id))
                      .getSingleResult();
                }
              });
    }
  }
}
