package vn.hopso.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a resource method accepts as a body is read from it once, then remembered. */
class RequestPolicyTest {
  @Consumes("text/csv, application/json")
  static class Sample {
    public void upload(@PathParam("id") long id, byte[] body) {}

    public void delete(@PathParam("id") long id) {}
  }

  @Test
  void aMethodsBodyRuleIsReadOnceAndRemembered() throws Exception {
    var upload = Sample.class.getMethod("upload", long.class, byte[].class);
    RequestPolicy.BodyRule rule = RequestPolicy.rule(upload);
    assertTrue(rule.takesBody());
    assertEquals(
        List.of(MediaType.valueOf("text/csv"), MediaType.APPLICATION_JSON_TYPE), rule.accepted());
    assertSame(rule, RequestPolicy.rule(upload));
    assertFalse(RequestPolicy.rule(Sample.class.getMethod("delete", long.class)).takesBody());
  }
}
