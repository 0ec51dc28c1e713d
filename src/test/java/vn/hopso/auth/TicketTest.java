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
    TestClock.reset();

    // a ticket hands back what was granted with it, once
    String t4 = tickets.issue(person, "live:meeting:7", TicketService.DEFAULT_TTL, "r=0;m=0;e=");
    assertEquals(
        new TicketService.Claim(person, "r=0;m=0;e="), tickets.claim(t4, "live:meeting:7"));
  }

  @Test
  void changesOfRightsRevokeUnusedTickets() {
    String admin = Api.admin();
    long person =
        MoreApi.createPerson(
            admin, MoreApi.username("t"), "Người Mất Vé", null, java.util.List.of("DELEGATE"));
    String forMeeting = tickets.issue(person, "live:meeting:9", TicketService.DEFAULT_TTL, "x");
    String forOther = tickets.issue(person, "live:meeting:10", TicketService.DEFAULT_TTL, "x");
    io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .run(() -> tickets.revoke(person, "live:meeting:9"));
    assertNull(tickets.claim(forMeeting, "live:meeting:9"), "revoked for that meeting");
    assertEquals(person, tickets.consume(forOther, "live:meeting:10"), "others still hold");

    String before = tickets.issue(person, "live:me", TicketService.DEFAULT_TTL);
    MoreApi.setPassword(admin, person, "another-password-for-tickets-1");
    assertNull(tickets.consume(before, "live:me"), "a password set ends every ticket");
  }
}
