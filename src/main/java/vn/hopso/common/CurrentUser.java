package vn.hopso.common;

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
  /** Attribute names set on the security identity by the sign-in feature's identity provider. */
  public static final String PERSON_ID = "hopso.personId";

  public static final String SESSION_ID = "hopso.sessionId";

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

  /** The caller as a {@link Viewer} (person id and roles); anonymous outside a signed-in call. */
  public Viewer viewer() {
    if (!isSignedIn()) {
      return Viewer.ANONYMOUS;
    }
    java.util.EnumSet<Role> roles = java.util.EnumSet.noneOf(Role.class);
    for (Role r : Role.values()) {
      if (identity.hasRole(r.name())) {
        roles.add(r);
      }
    }
    return new Viewer(personId(), roles);
  }

  /** The language the caller asked for (Accept-Language), Vietnamese by default. */
  public Lang lang() {
    if (!inRequest()) {
      return Lang.VI;
    }
    RoutingContext rc = request.getCurrent();
    return rc == null ? Lang.VI : Lang.fromHeader(rc.request().getHeader("Accept-Language"));
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
