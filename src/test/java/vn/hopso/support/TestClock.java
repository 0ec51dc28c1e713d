package vn.hopso.support;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application clock in tests: real time plus an offset that tests can move forward, so
 * time-based rules (throttling, token expiry) are tested without sleeping.
 */
public class TestClock extends Clock {
  private static volatile Duration offset = Duration.ZERO;

  public static void advance(Duration by) {
    offset = offset.plus(by);
  }

  /** Back to real time: before every test ({@link ResetClock}), so each test owns its time. */
  public static void reset() {
    offset = Duration.ZERO;
  }

  /** Runs inside the Quarkus test class loader, where the application's clock lives. */
  public static class ResetClock
      implements io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(io.quarkus.test.junit.callback.QuarkusTestMethodContext context) {
      reset();
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @ApplicationScoped
  public static class Producer {
    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    @IfBuildProfile("test")
    Clock clock() {
      return new TestClock();
    }
  }
}
