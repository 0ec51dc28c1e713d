package vn.hopso.minutes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real RFC 3161 time-stamping server on loopback, configured as the minutes' TSA. */
public class TsaResource implements QuarkusTestResourceLifecycleManager {
  static TestTsa tsa;

  @Override
  public Map<String, String> start() {
    tsa = TestTsa.start(TestPki.create());
    return Map.of("hopso.minutes.tsa-url", tsa.uri().toString());
  }

  @Override
  public void stop() {
    if (tsa != null) {
      tsa.close();
    }
  }
}
