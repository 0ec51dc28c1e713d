package vn.hopso.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when documents can be stored. (The database check comes with the datasource.) */
@Readiness
@ApplicationScoped
public class StorageHealthCheck implements HealthCheck {
  @Inject DocumentStorage storage;

  @Override
  public HealthCheckResponse call() {
    try {
      storage.check();
      return HealthCheckResponse.named("document-storage")
          .up()
          .withData("storage", storage.describe())
          .build();
    } catch (Exception e) {
      return HealthCheckResponse.named("document-storage")
          .down()
          .withData("storage", storage.describe())
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}
