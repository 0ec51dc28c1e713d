package vn.hopso.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hopso.support.MoreApi.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;

/**
 * Who may do what (docs/API.md, "Roles"): every rule is tried by every role and by an anonymous
 * caller. Write requests carry valid bodies, so a 2xx proves the right and a 403 proves its absence
 * (not a validation failure).
 */
@QuarkusTest
class AccessRulesTest {
  /** The callers: every role, and nobody signed in. */
  enum Caller {
    ADMIN,
    SECRETARY,
    CHAIR,
    DELEGATE,
    ENDPOINT,
    OBSERVER,
    ANONYMOUS
  }

  private static final Set<Caller> EVERYONE =
      Set.of(
          Caller.ADMIN,
          Caller.SECRETARY,
          Caller.CHAIR,
          Caller.DELEGATE,
          Caller.ENDPOINT,
          Caller.OBSERVER);
  private static final Set<Caller> ADMIN = Set.of(Caller.ADMIN);
  private static final Set<Caller> STAFF = Set.of(Caller.ADMIN, Caller.SECRETARY, Caller.CHAIR);
  private static final Set<Caller> STAFF_AND_DEVICES =
      Set.of(Caller.ADMIN, Caller.SECRETARY, Caller.CHAIR, Caller.ENDPOINT);

  /** One request and the callers allowed to make it. */
  record Rule(String method, String path, Supplier<Object> body, Set<Caller> allowed) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Signed in once for the whole class (RestAssured knows the port only from the first test). */
  private static final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

  private static long unitId;
  private static long passwordTargetId;

  @BeforeEach
  void signInEveryRoleOnce() {
    if (!tokens.isEmpty()) {
      return;
    }
    String admin = Api.admin();
    for (Caller c : Caller.values()) {
      if (c != Caller.ANONYMOUS) {
        tokens.put(c, Api.tokenFor(c.name()));
      }
    }
    unitId = MoreApi.province(admin, "Tỉnh Quyền Truy Cập");
    passwordTargetId =
        MoreApi.createPerson(
            admin,
            MoreApi.username("pwtarget"),
            "Người Được Đặt Mật Khẩu",
            null,
            List.of("DELEGATE"));
  }

  static List<Rule> rules() {
    return List.of(
        new Rule("GET", "/api/units", null, EVERYONE),
        new Rule("GET", "/api/units/tree", null, EVERYONE),
        new Rule(
            "POST",
            "/api/units",
            () -> MoreApi.unitBody(MoreApi.code("ACL"), "Tỉnh Thử Quyền", "PROVINCE", null),
            ADMIN),
        new Rule("GET", "/api/endpoints", null, STAFF_AND_DEVICES),
        new Rule(
            "POST",
            "/api/endpoints",
            () ->
                MoreApi.endpointBody(
                    MoreApi.code("ACL"), "Điểm cầu thử quyền", unitId, "Phòng 1", null),
            ADMIN),
        new Rule("GET", "/api/people", null, STAFF),
        new Rule(
            "POST",
            "/api/people",
            () ->
                MoreApi.personBody(
                    MoreApi.username("acl"), "Người Thử Quyền", null, List.of("DELEGATE"), null),
            ADMIN),
        new Rule("GET", "/api/audit", null, ADMIN),
        new Rule("GET", "/api/audit/verify", null, ADMIN),
        new Rule("GET", "/api/export/units", null, ADMIN),
        new Rule(
            "POST",
            "/api/people/{person}/password",
            () -> Map.of("password", "a-strong-enough-password-1"),
            ADMIN));
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (Rule rule : rules()) {
      for (Caller caller : Caller.values()) {
        cases.add(Arguments.of(rule, caller));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("matrix")
  void accessFollowsTheRoleTable(Rule rule, Caller caller) {
    RequestSpecification request =
        caller == Caller.ANONYMOUS
            ? given().contentType(ContentType.JSON)
            : Api.as(tokens.get(caller));
    if (rule.body() != null) {
      request.body(rule.body().get());
    }
    String path = rule.path().replace("{person}", Long.toString(passwordTargetId));
    Response response = request.request(rule.method(), path);

    if (caller == Caller.ANONYMOUS) {
      assertProblem(response, 401);
    } else if (rule.allowed().contains(caller)) {
      int status = response.statusCode();
      assertTrue(
          status >= 200 && status < 300,
          () -> caller + " may " + rule + " but got " + status + ": " + response.asString());
    } else {
      assertProblem(response, 403);
    }
  }

  @Test
  void anEndpointAccountSeesOnlyItsOwnEndpoint() {
    String admin = Api.admin();
    String device = MoreApi.username("dev");
    String code = MoreApi.code("EP-OWN");
    long own = MoreApi.createEndpoint(admin, code, "Điểm cầu của tôi", unitId, device);
    long other =
        MoreApi.createEndpoint(admin, MoreApi.code("EP-OTHER"), "Điểm cầu khác", unitId, null);
    MoreApi.setPassword(admin, MoreApi.personId(admin, device), Api.PASSWORD);

    String token = Api.login(device, Api.PASSWORD);

    Api.as(token)
        .get("/api/endpoints")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items", hasSize(1))
        .body("items[0].id", equalTo((int) own))
        .body("items[0].code", equalTo(code))
        .body("items[0].deviceAccount", equalTo(device));
    Api.as(token).get("/api/endpoints/" + own).then().statusCode(200).body("code", equalTo(code));
    assertProblem(Api.as(token).get("/api/endpoints/" + other), 403);
    // staff still see both
    Api.as(tokens.get(Caller.SECRETARY))
        .queryParam("unitId", unitId)
        .get("/api/endpoints")
        .then()
        .statusCode(200)
        .body("items.id", org.hamcrest.Matchers.hasItems((int) own, (int) other));
  }

  @Test
  void everyoneReadsThemselves() {
    for (Caller c : EVERYONE) {
      Api.as(tokens.get(c))
          .get("/api/auth/me")
          .then()
          .statusCode(200)
          .body("roles", equalTo(List.of(c.name())));
    }
    assertProblem(given().get("/api/auth/me"), 401);
  }

  @Test
  void onlyAdminsWriteAndMergeUnits() {
    String admin = Api.admin();
    long a = MoreApi.province(admin, "Tỉnh Gộp A");
    long b = MoreApi.province(admin, "Tỉnh Gộp B");
    for (Caller c : List.of(Caller.SECRETARY, Caller.CHAIR, Caller.DELEGATE)) {
      assertProblem(
          Api.as(tokens.get(c)).body(Map.of("intoUnitId", b)).post("/api/units/" + a + "/merge"),
          403);
      assertProblem(
          MoreApi.update(
              tokens.get(c),
              "/api/units/" + a,
              MoreApi.unitBody(MoreApi.code("X"), "Tỉnh Đổi Tên", "PROVINCE", null)),
          403);
    }
    Api.as(admin).get("/api/units/" + a).then().statusCode(200).body("active", equalTo(true));
  }
}
