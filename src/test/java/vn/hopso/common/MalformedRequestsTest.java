package vn.hopso.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;
import vn.hopso.support.Probes;

/**
 * The malformed-request property of {@code MalformedRequestsIT}, swept on PostgreSQL (whose
 * encoding, timestamp and length rules are stricter than the embedded H2's): every operation of the
 * OpenAPI document × every kind of breakage × three variants, each as admin, as a delegate and
 * anonymously, with the same checks: never a 5xx, never Java internals, healthy afterwards.
 */
@QuarkusTest
class MalformedRequestsTest {
  @Test
  void everyOperationWithEveryBreakage() throws Exception {
    Probes.init("http://localhost:" + RestAssured.port, Api.ADMIN_PASSWORD);
    Random random = new Random(20261122);
    String[] callers = {"admin", "delegate", "anonymous"};
    int n = 0;
    for (Probes.Operation op : Probes.operations()) {
      for (Probes.Breakage b : Probes.Breakage.values()) {
        // every field for a field breakage, every parameter and odd value for a query breakage,
        // three variants for the rest
        int picks =
            Probes.perField(b)
                ? 2 * Probes.fieldCount(op)
                : b == Probes.Breakage.QUERY_VALUE ? 14 * Math.max(1, Probes.queryCount(op)) : 3;
        for (int pick = 0; pick < picks; pick++) {
          String caller = pick == 0 || n % 5 != 0 ? "admin" : callers[n % 3];
          Probes.check(new Probes.Probe(op, caller, b, pick, text(random), random.nextLong()));
          n++;
        }
      }
    }
    Probes.assertHealthyAndCovered(2000, 20);
  }

  private static String text(Random random) {
    StringBuilder b = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      b.append((char) random.nextInt(0x10000));
    }
    return b.toString();
  }
}
