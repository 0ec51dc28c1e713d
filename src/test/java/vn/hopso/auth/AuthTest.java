package vn.hopso.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hopso.support.MoreApi.assertFieldError;
import static vn.hopso.support.MoreApi.assertProblem;
import static vn.hopso.support.MoreApi.assertSignedIn;
import static vn.hopso.support.MoreApi.assertSignedOut;
import static vn.hopso.support.MoreApi.loginResponse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;
import vn.hopso.support.TestClock;

/**
 * Sign-in, throttling, token renewal, sign-out and passwords. Tests that move {@link TestClock}
 * sign in again afterwards: moving the clock ends earlier access tokens.
 */
@QuarkusTest
class AuthTest {
  private static final String WRONG = "definitely-not-the-password";
  private static final String NEW_PASSWORD = "a-brand-new-password-42";

  // ---------------------------------------------------------------- sign-in

  @Test
  void loginAnswersTokensAndTheUser() {
    String admin = Api.admin();
    String user = Api.person(admin, List.of("SECRETARY", "DELEGATE"));

    loginResponse(user, Api.PASSWORD)
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .header("Cache-Control", "no-store")
        .cookie("hopso_refresh", notNullValue())
        .body("accessToken", notNullValue())
        .body("refreshToken", nullValue())
        .body("tokenType", equalTo("Bearer"))
        .body("expiresIn", equalTo(900))
        .body("refreshExpiresIn", greaterThan(0))
        .body("user.username", equalTo(user))
        .body("user.id", notNullValue())
        .body("user.roles", hasItems("SECRETARY", "DELEGATE"))
        .body("user.roles", not(hasItem("ADMIN")));
  }

  @Test
  void loginSetsAnHttpOnlyRefreshCookieForTheAuthPath() {
    String user = Api.person(Api.admin(), List.of("DELEGATE"));
    Response r = loginResponse(user, Api.PASSWORD);
    r.then().statusCode(200);
    var cookie = r.getDetailedCookie("hopso_refresh");
    assertNotNull(cookie, "refresh cookie missing");
    assertNull(r.jsonPath().get("refreshToken"), "the refresh token never reaches page scripts");
    assertTrue(cookie.getValue().length() >= 40, "an unguessable refresh token");
    assertEquals("Strict", cookie.getSameSite());
    assertTrue(cookie.isHttpOnly(), "refresh cookie must be HttpOnly");
    assertEquals("/api/auth", cookie.getPath());
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSameAnswer() {
    String user = Api.person(Api.admin(), List.of("DELEGATE"));

    Response wrongPassword = loginResponse(user, WRONG);
    Response unknownUser = loginResponse(MoreApi.username("nobody"), WRONG);

    assertProblem(wrongPassword, 401);
    assertProblem(unknownUser, 401);
    Map<String, Object> a = wrongPassword.jsonPath().getMap("");
    Map<String, Object> b = unknownUser.jsonPath().getMap("");
    assertEquals(a, b, "the answers must not tell whether the account exists");
  }

  @Test
  void inactivePersonCannotSignIn() {
    String admin = Api.admin();
    String user = MoreApi.username("inactive");
    long id = MoreApi.createPerson(admin, user, "Người Nghỉ Việc", null, List.of("DELEGATE"));
    MoreApi.update(
            admin,
            "/api/people/" + id,
            Map.of(
                "username",
                user,
                "fullName",
                "Người Nghỉ Việc",
                "roles",
                List.of("DELEGATE"),
                "active",
                false))
        .then()
        .statusCode(200)
        .body("active", equalTo(false));

    Response r = loginResponse(user, Api.PASSWORD);
    assertProblem(r, 401);
    // Same answer as a wrong password: nothing tells that the account exists but is inactive.
    assertEquals(
        loginResponse(MoreApi.username("nobody"), WRONG).jsonPath().getMap(""),
        r.jsonPath().getMap(""));
  }

  @Test
  void blankCredentialsAreInvalid() {
    assertFieldError(
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("username", "", "password", "x"))
            .post("/api/auth/login"),
        "username");
  }

  // ---------------------------------------------------------------- throttling

  @Test
  void afterThreeFailuresTheNextAttemptMustWait() {
    String user = Api.person(Api.admin(), List.of("DELEGATE"));
    for (int i = 0; i < 3; i++) {
      assertProblem(loginResponse(user, WRONG), 401);
    }

    // Even the right password is refused until the delay has passed.
    Response throttled = loginResponse(user, Api.PASSWORD);
    assertProblem(throttled, 429);
    String retryAfter = throttled.header("Retry-After");
    assertNotNull(retryAfter, "429 needs a Retry-After header");
    assertTrue(Long.parseLong(retryAfter) >= 1, "Retry-After in seconds: " + retryAfter);

    TestClock.advance(Duration.ofSeconds(Long.parseLong(retryAfter) + 1));
    loginResponse(user, Api.PASSWORD).then().statusCode(200);
  }

  @Test
  void unknownAccountsAreThrottledLikeKnownOnes() {
    String nobody = MoreApi.username("ghost");
    for (int i = 0; i < 3; i++) {
      assertProblem(loginResponse(nobody, WRONG), 401);
    }
    Response r = loginResponse(nobody, WRONG);
    assertProblem(r, 429);
    assertNotNull(r.header("Retry-After"));
  }

  @Test
  void tenFailuresLockTheAccountEvenForTheRightPassword() {
    String user = Api.person(Api.admin(), List.of("DELEGATE"));
    for (int i = 1; i <= 10; i++) {
      if (i > 1) {
        // wait out the growing delay between attempts (1 s … 60 s at most)
        TestClock.advance(Duration.ofSeconds(61));
      }
      assertProblem(loginResponse(user, WRONG), 401);
    }

    Response locked = loginResponse(user, Api.PASSWORD);
    assertProblem(locked, 429);
    long retryAfter = Long.parseLong(locked.header("Retry-After"));
    assertTrue(retryAfter > 60, "a lock lasts about 15 min, Retry-After was " + retryAfter);

    // Longer than any slow-down delay, still within the lock.
    TestClock.advance(Duration.ofSeconds(61));
    assertProblem(loginResponse(user, Api.PASSWORD), 429);

    TestClock.advance(Duration.ofMinutes(15));
    loginResponse(user, Api.PASSWORD).then().statusCode(200);
  }

  // ---------------------------------------------------------------- tokens

  @Test
  void refreshGivesNewTokensAndTheNewRefreshTokenWorksNext() {
    String user = Api.person(Api.admin(), List.of("DELEGATE"));
    Response login = loginResponse(user, Api.PASSWORD);
    String access1 = login.jsonPath().getString("accessToken");
    String refresh1 = login.getCookie("hopso_refresh");

    Response refreshed = refresh(refresh1);
    refreshed
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .body("tokenType", equalTo("Bearer"))
        .body("expiresIn", equalTo(900))
        .body("refreshExpiresIn", greaterThan(0))
        .body("user.username", equalTo(user));
    String access2 = refreshed.jsonPath().getString("accessToken");
    String refresh2 = refreshed.getCookie("hopso_refresh");
    assertNotNull(refresh2, "a refresh answers a new refresh token");
    assertNotEquals(access1, access2);
    assertNotEquals(refresh1, refresh2);
    assertEquals(refresh2, refreshed.getCookie("hopso_refresh"), "the cookie carries the new one");
    assertSignedIn(access2, user);

    refresh(refresh2).then().statusCode(200).cookie("hopso_refresh", notNullValue());
  }

  @Test
  void aUsedRefreshTokenWithinTwentySecondsYieldsAnAccessTokenOnly() {
    // two browser tabs refreshing at the same moment with the same cookie
    String user = Api.person(Api.admin(), List.of("DELEGATE"));
    String refresh1 = loginResponse(user, Api.PASSWORD).getCookie("hopso_refresh");
    String refresh2 = refresh(refresh1).then().statusCode(200).extract().cookie("hopso_refresh");

    Response again = refresh(refresh1);

    again.then().statusCode(200);
    assertNull(again.getCookie("hopso_refresh"), "the cookie must stay unchanged");
    assertSignedIn(again.jsonPath().getString("accessToken"), user);
    // the session goes on with the newest refresh token
    refresh(refresh2).then().statusCode(200);
  }

  @Test
  void aUsedRefreshTokenPresentedLaterEndsTheSession() {
    String user = Api.person(Api.admin(), List.of("DELEGATE"));
    String refresh1 = loginResponse(user, Api.PASSWORD).getCookie("hopso_refresh");
    Response refreshed = refresh(refresh1);
    refreshed.then().statusCode(200);
    String access2 = refreshed.jsonPath().getString("accessToken");
    String refresh2 = refreshed.getCookie("hopso_refresh");
    assertSignedIn(access2, user);

    TestClock.advance(Duration.ofSeconds(21));
    // Someone replays the stolen, used-up token: the whole session ends.
    assertProblem(refresh(refresh1), 401);
    assertSignedOut(access2);
    assertProblem(refresh(refresh2), 401);
  }

  @Test
  void refreshWorksWithTheCookieAlone() {
    String user = Api.person(Api.admin(), List.of("DELEGATE"));
    String refreshToken = loginResponse(user, Api.PASSWORD).getCookie("hopso_refresh");

    given()
        .contentType(ContentType.JSON)
        .cookie("hopso_refresh", refreshToken)
        .body("{}")
        .post("/api/auth/refresh")
        .then()
        .statusCode(200)
        .body("user.username", equalTo(user))
        .body("accessToken", notNullValue());
  }

  @Test
  void refreshWithGarbageOrNothingIs401() {
    assertProblem(refresh("not-a-refresh-token"), 401);
    assertProblem(given().contentType(ContentType.JSON).body("{}").post("/api/auth/refresh"), 401);
  }

  @Test
  void logoutEndsTheSessionAtOnce() {
    String user = Api.person(Api.admin(), List.of("DELEGATE"));
    Response login = loginResponse(user, Api.PASSWORD);
    String access = login.jsonPath().getString("accessToken");
    String refreshToken = login.getCookie("hopso_refresh");
    assertSignedIn(access, user);

    Api.as(access).post("/api/auth/logout").then().statusCode(204);

    assertSignedOut(access);
    assertProblem(refresh(refreshToken), 401);
  }

  @Test
  void logoutWithoutBeingSignedInIs401() {
    assertProblem(given().contentType(ContentType.JSON).post("/api/auth/logout"), 401);
  }

  @Test
  void accessTokenExpiresAfterFifteenMinutesButTheSessionCanBeRenewed() {
    String user = Api.person(Api.admin(), List.of("DELEGATE"));
    Response login = loginResponse(user, Api.PASSWORD);
    String access = login.jsonPath().getString("accessToken");
    assertSignedIn(access, user);

    TestClock.advance(Duration.ofMinutes(16));

    assertSignedOut(access);
    // The refresh token lives longer: the web app renews silently.
    String renewed =
        refresh(login.getCookie("hopso_refresh"))
            .then()
            .statusCode(200)
            .extract()
            .path("accessToken");
    assertSignedIn(renewed, user);
  }

  @Test
  void aTokenVerifiedBeforeStillExpiresOnTime() {
    // the first use verifies the token (and the instance remembers it); later uses must still
    // end at its expiry, with the same 30 s allowed for clocks
    String user = Api.person(Api.admin(), List.of("DELEGATE"));
    String access = loginResponse(user, Api.PASSWORD).jsonPath().getString("accessToken");
    assertSignedIn(access, user);

    TestClock.advance(Duration.ofMinutes(15));
    assertSignedIn(access, user);

    TestClock.advance(Duration.ofSeconds(31));
    assertSignedOut(access);
  }

  @Test
  void meAnswersTheSignedInPerson() {
    String user = Api.person(Api.admin(), List.of("CHAIR"));
    Api.as(Api.login(user, Api.PASSWORD))
        .get("/api/auth/me")
        .then()
        .statusCode(200)
        .body("username", equalTo(user))
        .body("fullName", equalTo("Người Thử " + user))
        .body("roles", equalTo(List.of("CHAIR")));
  }

  // ---------------------------------------------------------------- bad tokens

  @Test
  void noTokenIs401() {
    Response r = given().get("/api/auth/me");
    assertProblem(r, 401);
  }

  @Test
  void garbageTokenIs401() {
    assertSignedOut("garbage");
    assertSignedOut("a.b.c");
  }

  @Test
  void tokenWithABadSignatureIs401() {
    String token = Api.admin();
    String[] parts = token.split("\\.");
    char first = parts[2].charAt(0);
    String forgedSignature = (first == 'A' ? 'B' : 'A') + parts[2].substring(1);
    assertSignedOut(parts[0] + "." + parts[1] + "." + forgedSignature);
  }

  @Test
  void tokenWithAChangedPayloadIs401() {
    String token = Api.login(Api.person(Api.admin(), List.of("DELEGATE")), Api.PASSWORD);
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replaceFirst("\"upn\":\"[^\"]*\"", "\"upn\":\"admin\"");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertSignedOut(forged);
  }

  @Test
  void unsignedTokenIs401() {
    String token = Api.admin();
    String payload = token.split("\\.")[1];
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    assertSignedOut(header + "." + payload + ".");
  }

  // ---------------------------------------------------------------- passwords

  @Test
  void changeOwnPasswordChecksTheCurrentOneAndTheStrength() {
    String user = Api.person(Api.admin(), List.of("DELEGATE"));
    String token = Api.login(user, Api.PASSWORD);

    assertFieldError(
            changePassword(token, "not-my-current-password", NEW_PASSWORD), "currentPassword")
        .body("errors.field", not(hasItem("newPassword")));
    assertFieldError(changePassword(token, Api.PASSWORD, "short"), "newPassword")
        .body("errors.field", not(hasItem("currentPassword")));
    // neither attempt changed anything
    loginResponse(user, Api.PASSWORD).then().statusCode(200);

    // signed in on a second device too
    String other = Api.login(user, Api.PASSWORD);
    assertSignedIn(other, user);

    changePassword(token, Api.PASSWORD, NEW_PASSWORD).then().statusCode(204);

    loginResponse(user, NEW_PASSWORD).then().statusCode(200);
    assertProblem(loginResponse(user, Api.PASSWORD), 401);
    // the other device is signed out (the old password may be known to someone); this one stays
    assertSignedOut(other);
    assertSignedIn(token, user);
  }

  @Test
  void wrongCurrentPasswordsAreThrottledAndAuditedLikeSignIns() {
    String user = Api.person(Api.admin(), List.of("DELEGATE"));
    String token = Api.login(user, Api.PASSWORD);
    for (int i = 0; i < 3; i++) {
      assertFieldError(changePassword(token, WRONG, NEW_PASSWORD), "currentPassword");
    }
    // even the right current password is refused until the delay has passed
    Response throttled = changePassword(token, Api.PASSWORD, NEW_PASSWORD);
    assertProblem(throttled, 429);
    String retryAfter = throttled.header("Retry-After");
    assertNotNull(retryAfter, "429 needs a Retry-After header");
    // counted apart from signing in: a typo there does not slow down the person's sign-ins
    loginResponse(user, Api.PASSWORD).then().statusCode(200);
    Api.as(Api.admin())
        .queryParam("size", 20)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body(
            "items.findAll { it.action == 'auth.password.failed' && it.actor == '" + user + "' }",
            org.hamcrest.Matchers.hasSize(3));

    TestClock.advance(Duration.ofSeconds(Long.parseLong(retryAfter) + 1));
    changePassword(token, Api.PASSWORD, NEW_PASSWORD).then().statusCode(204);
    loginResponse(user, NEW_PASSWORD).then().statusCode(200);
  }

  @Test
  void adminPasswordResetEndsThePersonsSessions() {
    String admin = Api.admin();
    String user = MoreApi.username("reset");
    long id = MoreApi.createPerson(admin, user, "Người Quên Mật Khẩu", null, List.of("DELEGATE"));
    Response login = loginResponse(user, Api.PASSWORD);
    String access = login.jsonPath().getString("accessToken");
    assertSignedIn(access, user);

    MoreApi.setPassword(admin, id, NEW_PASSWORD);

    assertSignedOut(access);
    assertProblem(refresh(login.getCookie("hopso_refresh")), 401);
    loginResponse(user, NEW_PASSWORD).then().statusCode(200);
    // the admin's own session is untouched
    assertSignedIn(admin, "admin");
  }

  @Test
  void adminCannotSetATooShortPassword() {
    String admin = Api.admin();
    long id =
        MoreApi.createPerson(
            admin, MoreApi.username("weak"), "Người Thử Mật Khẩu", null, List.of("DELEGATE"));
    assertFieldError(
        Api.as(admin).body(Map.of("password", "short")).post("/api/people/" + id + "/password"),
        "password");
  }

  // ---------------------------------------------------------------- helpers

  /** What a browser does: POST with the refresh cookie it holds, no body. */
  private static Response refresh(String refreshToken) {
    return given().cookie("hopso_refresh", refreshToken).post("/api/auth/refresh");
  }

  private static Response changePassword(String token, String current, String next) {
    return Api.as(token)
        .body(Map.of("currentPassword", current, "newPassword", next))
        .post("/api/auth/password");
  }
}
