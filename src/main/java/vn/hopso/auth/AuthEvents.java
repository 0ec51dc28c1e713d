package vn.hopso.auth;

import vn.hopso.common.DomainEvent;

/** What the sign-in feature tells the others. */
public final class AuthEvents {
  private AuthEvents() {}

  /**
   * Sessions of a person ended (a sign-out, deactivation, a password set or changed): whatever they
   * hold open elsewhere (live sockets) must be decided anew. Not audited itself: the change that
   * caused it is.
   */
  public record SessionsRevoked(long personId, int sessions) implements DomainEvent {
    @Override
    public String action() {
      return null;
    }
  }
}
