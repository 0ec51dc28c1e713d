package vn.hopso.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.hopso.common.CurrentUser;

/**
 * Turns a valid access token into an identity. The session and the person are read from the
 * database on every request, so signing out, deactivating a person or changing roles takes effect
 * at once, on every instance.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
  @Inject TokenService tokens;
  @Inject SessionLookup sessions;

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    return context.runBlocking(
        () -> {
          TokenService.AccessClaims claims = tokens.verify(request.getToken().getToken());
          if (claims == null) {
            throw new AuthenticationFailedException("invalid token");
          }
          SessionLookup.LiveSession live = sessions.find(claims.sessionId(), claims.personId());
          if (live == null) {
            throw new AuthenticationFailedException("session ended");
          }
          QuarkusSecurityIdentity.Builder b =
              QuarkusSecurityIdentity.builder()
                  .setPrincipal(new QuarkusPrincipal(live.username()))
                  .addCredential(request.getToken())
                  .addAttribute(CurrentUser.PERSON_ID, live.personId())
                  .addAttribute(CurrentUser.SESSION_ID, claims.sessionId());
          live.roles().forEach(r -> b.addRole(r.name()));
          return b.build();
        });
  }
}
