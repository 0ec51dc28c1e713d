package vn.hopso.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import vn.hopso.common.Role;

/** Finds the live session behind an access token, with its person's current roles. */
@ApplicationScoped
public class SessionLookup {
  @Inject Clock clock;

  public record LiveSession(long personId, String username, Set<Role> roles) {}

  /**
   * One query on every authenticated request: the session, its person and the person's roles
   * together (the roles, a collection, would otherwise be a second round trip).
   */
  @Transactional
  public LiveSession find(String sessionId, long personId) {
    AuthSession s =
        AuthSession.find(
                "from AuthSession s join fetch s.person p left join fetch p.roles where s.id = ?1",
                sessionId)
            // not firstResult(): a limit with a collection fetch is applied in memory, with a
            // warning; the id is the key, and Hibernate 6 gives the session once
            .<AuthSession>singleResultOptional()
            .orElse(null);
    if (s == null || !s.isLive(clock.instant()) || s.person.id != personId || !s.person.active) {
      return null;
    }
    Set<Role> roles =
        s.person.roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(s.person.roles);
    return new LiveSession(s.person.id, s.person.username, roles);
  }
}
