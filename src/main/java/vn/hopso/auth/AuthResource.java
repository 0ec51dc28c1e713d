package vn.hopso.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import vn.hopso.common.ApiException;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.Limits;

@Path("/api/auth")
public class AuthResource {
  static final String REFRESH_COOKIE = "hopso_refresh";

  @Inject AuthService auth;
  @Inject CurrentUser current;
  @Inject AuthConfig config;

  public record LoginRequest(
      @NotBlank @Size(max = Limits.USERNAME) String username,
      @NotBlank @Size(max = Limits.PASSWORD) String password) {}

  public record PasswordChange(
      @NotBlank @Size(max = Limits.PASSWORD) String currentPassword,
      @NotBlank @Size(max = Limits.PASSWORD) String newPassword) {}

  /**
   * A sign-in or renewal. The refresh token is deliberately not here: it travels only in the
   * HttpOnly, SameSite=Strict cookie {@value #REFRESH_COOKIE} (path /api/auth), so no page script
   * can ever read it.
   */
  public record TokenAnswer(
      String accessToken, String tokenType, long expiresIn, long refreshExpiresIn, UserView user) {
    static TokenAnswer of(AuthService.Grant g) {
      return new TokenAnswer(
          g.accessToken(), "Bearer", g.expiresIn(), g.refreshExpiresIn(), g.user());
    }
  }

  @POST
  @Path("/login")
  @PermitAll
  public RestResponse<TokenAnswer> login(@Valid @NotNull LoginRequest body) {
    AuthService.LoginOutcome outcome =
        auth.login(body.username(), body.password(), current.address(), current.userAgent());
    if (outcome.error() != null) {
      throw outcome.error();
    }
    return withCookie(outcome.grant());
  }

  @POST
  @Path("/refresh")
  @PermitAll
  public RestResponse<TokenAnswer> refresh(@CookieParam(REFRESH_COOKIE) String cookie) {
    return withCookie(auth.refresh(cookie, current.address()));
  }

  @POST
  @Path("/logout")
  @PermitAll
  @APIResponse(responseCode = "204", description = "Signed out; the refresh cookie is cleared")
  public Response logout(@CookieParam(REFRESH_COOKIE) String cookie) {
    if (!current.isSignedIn() && cookie == null) {
      throw ApiException.unauthorized(AuthMsg.NOT_SIGNED_IN);
    }
    auth.logout(current.sessionId(), cookie, current.name(), current.address());
    return Response.noContent().cookie(refreshCookie("", 0)).build();
  }

  @GET
  @Path("/me")
  @RolesAllowed("**")
  public UserView me() {
    return auth.me(current.personId());
  }

  @POST
  @Path("/password")
  @RolesAllowed("**")
  public void changePassword(@Valid @NotNull PasswordChange body) {
    auth.changeOwnPassword(
        current.personId(),
        current.sessionId(),
        body.currentPassword(),
        body.newPassword(),
        current.address());
  }

  private RestResponse<TokenAnswer> withCookie(AuthService.Grant grant) {
    RestResponse.ResponseBuilder<TokenAnswer> rb =
        RestResponse.ResponseBuilder.ok(TokenAnswer.of(grant)).header("Cache-Control", "no-store");
    if (grant.refreshToken() != null) {
      rb.cookie(refreshCookie(grant.refreshToken(), (int) grant.refreshExpiresIn()));
    }
    return rb.build();
  }

  private NewCookie refreshCookie(String value, int maxAge) {
    return new NewCookie.Builder(REFRESH_COOKIE)
        .value(value)
        .path("/api/auth")
        .httpOnly(true)
        .secure(config.secureCookie())
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(maxAge)
        .build();
  }
}
