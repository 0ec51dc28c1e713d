package vn.hopso.auth;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who is calling and from where, for rules and the audit log. Works outside requests too (start-up
 * jobs), where the actor is "system".
 */
@ApplicationScoped
public class CurrentUser {
  /** Attribute names set on the security identity by {@link TokenIdentityProvider}. */
  static final String PERSON_ID = "hopso.personId";

  static final String SESSION_ID = "hopso.sessionId";

  @Inject SecurityIdentity identity;
  @Inject CurrentVertxRequest request;

  private static boolean inRequest() {
    return Arc.container().requestContext().isActive();
  }

  public boolean isSignedIn() {
    return inRequest() && !identity.isAnonymous();
  }

  public Long personId() {
    return isSignedIn() ? identity.getAttribute(PERSON_ID) : null;
  }

  public String sessionId() {
    return isSignedIn() ? identity.getAttribute(SESSION_ID) : null;
  }

  /** The username, or "system" outside a signed-in request. */
  public String name() {
    return isSignedIn() ? identity.getPrincipal().getName() : "system";
  }

  public boolean hasRole(Role role) {
    return isSignedIn() && identity.hasRole(role.name());
  }

  /** The client address (honours X-Forwarded-For only when the proxy setting enables it). */
  public String address() {
    if (!inRequest()) {
      return null;
    }
    RoutingContext rc = request.getCurrent();
    if (rc == null || rc.request().remoteAddress() == null) {
      return null;
    }
    return rc.request().remoteAddress().hostAddress();
  }

  public String userAgent() {
    if (!inRequest()) {
      return null;
    }
    RoutingContext rc = request.getCurrent();
    return rc == null ? null : rc.request().getHeader("User-Agent");
  }
}
