package vn.hopso.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Short-lived, single-use tickets for what cannot carry an Authorization header (a browser's
 * WebSocket handshake). A ticket is bound to a person and to a scope ("live:meeting:12"), valid for
 * a few seconds, and stored hashed in the database so that any instance can accept it exactly once.
 */
@ApplicationScoped
public class TicketService {
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

  @Inject Clock clock;

  @Transactional
  public String issue(long personId, String scope, Duration ttl) {
    Instant now = clock.instant();
    // Forget tickets that ran out a while ago, so the table stays small.
    AuthTicket.delete("expiresAt < ?1", now.minus(Duration.ofMinutes(5)));
    String token = TokenService.randomToken();
    AuthTicket t = new AuthTicket();
    t.hash = TokenService.sha256(token);
    t.personId = personId;
    t.scope = scope;
    t.expiresAt = now.plus(ttl);
    t.persist();
    return token;
  }

  /**
   * Uses up a ticket: answers its person when the ticket exists, is unexpired and has this scope,
   * else null. A second use of the same ticket answers null.
   */
  @Transactional
  public Long consume(String token, String scope) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return null;
    }
    String hash = TokenService.sha256(token);
    AuthTicket t = AuthTicket.findById(hash);
    if (t == null) {
      return null;
    }
    // The delete is the claim: of two concurrent uses, only one deletes the row.
    long deleted = AuthTicket.delete("hash = ?1", hash);
    if (deleted != 1 || !t.scope.equals(scope) || !t.expiresAt.isAfter(clock.instant())) {
      return null;
    }
    return t.personId;
  }
}
