package vn.hopso.auth;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import vn.hopso.common.Tokens;
import vn.hopso.org.OrgEvents;

/**
 * Short-lived, single-use tickets for what cannot carry an Authorization header (a browser's
 * WebSocket handshake). A ticket is bound to a person and to a scope ("live:meeting:12"), valid for
 * a few seconds, and stored hashed in the database so that any instance can accept it exactly once.
 */
@ApplicationScoped
public class TicketService {
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

  @Inject Clock clock;

  /** A used ticket: whose it was and what was granted with it. */
  public record Claim(long personId, String grant) {}

  @Transactional
  public String issue(long personId, String scope, Duration ttl) {
    return issue(personId, scope, ttl, null);
  }

  /**
   * A new ticket for a person and a scope, carrying {@code grant} (at most 200 characters): what
   * the caller decided the ticket allows, handed back by {@link #claim} at its single use.
   */
  @Transactional
  public String issue(long personId, String scope, Duration ttl, String grant) {
    String token = Tokens.random();
    AuthTicket t = new AuthTicket();
    t.hash = Tokens.sha256(token);
    t.personId = personId;
    t.scope = scope;
    t.expiresAt = clock.instant().plus(ttl);
    t.grant = grant;
    t.persist();
    return token;
  }

  /** Uses up a ticket; its person, or null (see {@link #claim}). */
  @Transactional
  public Long consume(String token, String scope) {
    Claim c = claim(token, scope);
    return c == null ? null : c.personId();
  }

  /**
   * Uses up a ticket: answers its person and grant when the ticket exists, is unexpired and has
   * this scope, else null. A second use of the same ticket answers null.
   */
  @Transactional
  public Claim claim(String token, String scope) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return null;
    }
    String hash = Tokens.sha256(token);
    AuthTicket t = AuthTicket.findById(hash);
    if (t == null) {
      return null;
    }
    // The delete is the claim: of two concurrent uses, only one deletes the row.
    long deleted = AuthTicket.delete("hash = ?1", hash);
    if (deleted != 1 || !t.scope.equals(scope) || !t.expiresAt.isAfter(clock.instant())) {
      return null;
    }
    return new Claim(t.personId, t.grant);
  }

  /** What a person's unused tickets of this scope granted no longer holds: they stop working. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void revoke(long personId, String scope) {
    AuthTicket.delete("personId = ?1 and scope = ?2", personId, scope);
  }

  /** Every unused ticket of this scope stops working. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void revokeScope(String scope) {
    AuthTicket.delete("scope", scope);
  }

  /** A person's roles or state changed: none of their tickets holds (each carries a decision). */
  void personSaved(@Observes OrgEvents.PersonSaved e) {
    if (e.rightsChanged()) {
      AuthTicket.delete("personId", e.personId());
    }
  }

  /** Sessions ended (sign-out, deactivation, a password set or changed): nor do their tickets. */
  void sessionsRevoked(@Observes AuthEvents.SessionsRevoked e) {
    AuthTicket.delete("personId", e.personId());
  }

  /** Forgets tickets that ran out a while ago, so the table stays small. */
  @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  @Transactional
  void sweep() {
    AuthTicket.delete("expiresAt < ?1", clock.instant().minus(Duration.ofMinutes(5)));
  }
}
