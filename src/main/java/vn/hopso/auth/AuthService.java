package vn.hopso.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import vn.hopso.audit.AuditService;
import vn.hopso.common.ApiException;
import vn.hopso.common.Texts;
import vn.hopso.common.Tokens;
import vn.hopso.org.OrgEvents;
import vn.hopso.org.Passwords;
import vn.hopso.org.Person;

/** Sign-in, token renewal, sign-out and password changes. */
@ApplicationScoped
public class AuthService {
  @Inject AuthConfig config;
  @Inject TokenService tokens;
  @Inject Passwords passwords;
  @Inject LoginThrottleService throttle;
  @Inject AuditService audit;
  @Inject Clock clock;
  @Inject jakarta.enterprise.event.Event<AuthEvents.SessionsRevoked> sessionsRevoked;

  /** A used refresh token presented again within this window is a concurrent refresh, not theft. */
  static final java.time.Duration CONCURRENT_REFRESH_GRACE = java.time.Duration.ofSeconds(20);

  /** A granted sign-in: the tokens and who they belong to. */
  public record Grant(
      String accessToken,
      long expiresIn,
      String refreshToken,
      long refreshExpiresIn,
      UserView user) {}

  /** Outcome of an attempt: a grant, or the error to answer (the failure is still committed). */
  public record LoginOutcome(Grant grant, ApiException error) {}

  /**
   * Checks the credentials. Failures are counted and audited in the same (committed) transaction,
   * and the answer is the same whether or not the account exists.
   */
  @Transactional
  public LoginOutcome login(String username, String password, String ip, String userAgent) {
    Instant now = clock.instant();
    String accountKey = LoginThrottleService.accountKey(username);
    String addressKey = LoginThrottleService.addressKey(ip);
    long wait = throttle.waitSeconds(now, accountKey, addressKey);
    if (wait > 0) {
      audit.record(nameOf(username), "auth.login.throttled", null, null, ip);
      return new LoginOutcome(null, ApiException.tooManyRequests(AuthMsg.THROTTLED, wait));
    }
    Person person = Person.findByUsername(username);
    boolean ok =
        passwords.matches(password, person == null ? null : person.passwordHash) && person.active;
    if (!ok) {
      throttle.failed(now, accountKey, config.throttle().lockAfterPerAccount());
      throttle.failed(now, addressKey, config.throttle().lockAfterPerAddress());
      audit.record(nameOf(username), "auth.login.failed", null, null, ip);
      return new LoginOutcome(null, ApiException.unauthorized(AuthMsg.WRONG_CREDENTIALS));
    }
    throttle.succeeded(accountKey);
    AuthSession session = new AuthSession();
    session.id = Tokens.random();
    session.person = person;
    session.createdAt = now;
    session.ip = ip;
    session.userAgent = Texts.cut(userAgent, 255);
    String refresh = Tokens.random();
    session.refreshHash = Tokens.sha256(refresh);
    session.expiresAt = refreshExpiry(session, now);
    session.persist();
    audit.record(person.username, "auth.login", "person:" + person.id, null, ip);
    return new LoginOutcome(grant(person, session, refresh, now), null);
  }

  /**
   * Exchanges a refresh token for new tokens; the presented one is used up. Presenting a used-up
   * token again revokes the session: someone else holds a copy.
   */
  @Transactional(dontRollbackOn = ApiException.class)
  public Grant refresh(String refreshToken, String ip) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw ApiException.unauthorized(AuthMsg.NO_REFRESH);
    }
    Instant now = clock.instant();
    String hash = Tokens.sha256(refreshToken);
    AuthSession session = AuthSession.find("refreshHash", hash).firstResult();
    if (session == null) {
      AuthSession previous = AuthSession.find("previousRefreshHash", hash).firstResult();
      if (previous != null
          && previous.isLive(now)
          && previous.person.active
          && previous.rotatedAt != null
          && previous.rotatedAt.plus(CONCURRENT_REFRESH_GRACE).isAfter(now)) {
        // Two tabs refreshed at the same moment with the same cookie: the other one already
        // rotated it. Answer an access token only; the browser holds the new cookie already.
        return grant(previous.person, previous, null, now);
      }
      if (previous != null && previous.revokedAt == null) {
        previous.revokedAt = now;
        audit.record(
            previous.person.username,
            "auth.refresh.reused",
            "person:" + previous.person.id,
            "refresh token used twice: session revoked",
            ip);
      }
      throw ApiException.unauthorized(AuthMsg.SESSION_ENDED);
    }
    if (!session.isLive(now) || !session.person.active) {
      throw ApiException.unauthorized(AuthMsg.SESSION_ENDED);
    }
    String next = Tokens.random();
    session.previousRefreshHash = session.refreshHash;
    session.refreshHash = Tokens.sha256(next);
    session.rotatedAt = now;
    session.expiresAt = refreshExpiry(session, now);
    return grant(session.person, session, next, now);
  }

  @Transactional
  public void logout(String sessionId, String refreshToken, String actor, String ip) {
    AuthSession session = sessionId == null ? null : AuthSession.findById(sessionId);
    if (session == null && refreshToken != null) {
      session = AuthSession.find("refreshHash", Tokens.sha256(refreshToken)).firstResult();
    }
    if (session != null && session.revokedAt == null) {
      session.revokedAt = clock.instant();
      audit.record(actor, "auth.logout", "person:" + session.person.id, null, ip);
      // the person's live sockets reconnect, each with the session that still holds (tickets are
      // the person's, not a session's: their other devices reconnect at once, this one no more)
      sessionsRevoked.fire(new AuthEvents.SessionsRevoked(session.person.id, 1));
    }
  }

  /**
   * A person changes their own password: every other session of theirs ends (a password is changed
   * because it may be known to someone else); the one they are using stays. Wrong current passwords
   * are throttled like failed sign-ins of an account (so a stolen session cannot guess it at
   * leisure) and audited; the count and the audit entry are committed with the refusal.
   */
  @Transactional(dontRollbackOn = ApiException.class)
  public void changeOwnPassword(
      long personId, String sessionId, String current, String next, String ip) {
    Instant now = clock.instant();
    Person person = Person.findById(personId);
    String username = person == null ? null : person.username;
    String key = LoginThrottleService.passwordChangeKey(personId);
    long wait = throttle.waitSeconds(now, key);
    if (wait > 0) {
      audit.record(nameOf(username), "auth.password.throttled", "person:" + personId, null, ip);
      throw ApiException.tooManyRequests(AuthMsg.THROTTLED, wait);
    }
    if (person == null || !passwords.matches(current, person.passwordHash)) {
      throttle.failed(now, key, config.throttle().lockAfterPerAccount());
      audit.record(nameOf(username), "auth.password.failed", "person:" + personId, null, ip);
      throw ApiException.invalid("currentPassword", AuthMsg.WRONG_PASSWORD);
    }
    throttle.succeeded(key);
    passwords.checkStrength("newPassword", next);
    person.passwordHash = passwords.hash(next);
    audit.record(person.username, "auth.password.changed", "person:" + person.id, null, ip);
    int ended =
        AuthSession.update(
            "revokedAt = ?1 where person.id = ?2 and revokedAt is null and id <> ?3",
            clock.instant(),
            personId,
            sessionId == null ? "" : sessionId);
    sessionsRevoked.fire(new AuthEvents.SessionsRevoked(personId, ended));
  }

  /** A deactivated person, or one whose password an administrator set, is signed out now. */
  void onPersonSaved(@Observes OrgEvents.PersonSaved e) {
    if (e.accessRevoked()) {
      revokeAll(e.personId());
    }
  }

  void onPasswordSet(@Observes OrgEvents.PasswordSet e) {
    revokeAll(e.personId());
  }

  /** Ends every session of a person. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int revokeAll(long personId) {
    int ended =
        AuthSession.update(
            "revokedAt = ?1 where person.id = ?2 and revokedAt is null", clock.instant(), personId);
    sessionsRevoked.fire(new AuthEvents.SessionsRevoked(personId, ended));
    return ended;
  }

  @Transactional
  public UserView me(long personId) {
    Person person = Person.findById(personId);
    if (person == null) {
      throw ApiException.unauthorized(AuthMsg.UNKNOWN_ACCOUNT);
    }
    return UserView.of(person);
  }

  private Instant refreshExpiry(AuthSession session, Instant now) {
    Instant sliding = now.plus(config.refreshTokenTtl());
    Instant hardEnd = session.createdAt.plus(config.sessionMaxAge());
    return sliding.isBefore(hardEnd) ? sliding : hardEnd;
  }

  private Grant grant(Person person, AuthSession session, String refresh, Instant now) {
    String access = tokens.issueAccessToken(person.id, person.username, session.id);
    return new Grant(
        access,
        config.accessTokenTtl().toSeconds(),
        refresh,
        Math.max(0, session.expiresAt.getEpochSecond() - now.getEpochSecond()),
        UserView.of(person));
  }

  private static String nameOf(String username) {
    if (username == null) {
      return "";
    }
    String u = username.trim().toLowerCase(java.util.Locale.ROOT);
    return Texts.cut(u, 64);
  }
}
