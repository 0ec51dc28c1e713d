package vn.hopso.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;
import vn.hopso.support.TestClock;

/** Single-use, short-lived tickets for WebSocket handshakes (issue 6, §8). */
@QuarkusTest
class TicketTest {
  @Inject TicketService tickets;

  @Test
  void aTicketIsBoundToItsScopeUsableOnceAndShortLived() {
    String admin = Api.admin();
    long person =
        MoreApi.createPerson(
            admin, MoreApi.username("t"), "Người Có Vé", null, java.util.List.of("DELEGATE"));
    String t = tickets.issue(person, "live:meeting:7", TicketService.DEFAULT_TTL);
    assertNull(tickets.consume(t, "live:meeting:8"), "another meeting");
    // a try with the wrong scope used it up: tickets are never tried twice
    assertNull(tickets.consume(t, "live:meeting:7"));

    String t2 = tickets.issue(person, "live:meeting:7", TicketService.DEFAULT_TTL);
    assertEquals(person, tickets.consume(t2, "live:meeting:7"));
    assertNull(tickets.consume(t2, "live:meeting:7"), "single use");

    String t3 = tickets.issue(person, "live:meeting:7", TicketService.DEFAULT_TTL);
    TestClock.advance(Duration.ofSeconds(31));
    assertNull(tickets.consume(t3, "live:meeting:7"), "expired");
    assertNull(tickets.consume("not-a-ticket", "live:meeting:7"));
    assertNull(tickets.consume(null, "live:meeting:7"));
  }
}
