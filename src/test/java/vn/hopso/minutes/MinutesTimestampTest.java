package vn.hopso.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.meeting.MeetingFixture;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;

/**
 * With a time-stamping server configured, every signature of the minutes carries its RFC 3161
 * token, and the verification reports the time; when the server fails, nothing is signed (409
 * naming the reason) rather than signing without the promised timestamp.
 */
@QuarkusTest
@WithTestResource(TsaResource.class)
class MinutesTimestampTest {
  @Test
  void signaturesAreTimestampedOrNotMadeAtAll() {
    String admin = Api.admin();
    long unit = MoreApi.province(admin, "Tỉnh Dấu Thời Gian " + Api.unique("u"));
    MeetingFixture.Someone secretary = MeetingFixture.quiet(admin, "Thư Ký Dấu", "SECRETARY");
    MeetingFixture.Someone chair = MeetingFixture.quiet(admin, "Chủ Tọa Dấu", "CHAIR");
    long meeting =
        MeetingFixture.startingSoon(
            secretary.token(), "Họp có dấu thời gian", unit, chair.id(), secretary.id());
    String base = "/api/meetings/" + meeting;
    MeetingFixture.agenda(secretary.token(), meeting, List.of("Khai mạc"));
    MeetingFixture.startSession(secretary.token(), chair.token(), meeting);
    Api.as(chair.token()).post(base + "/end").then().statusCode(200);
    long version =
        Api.as(secretary.token())
            .post(base + "/minutes")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("version");
    Api.as(chair.token())
        .body(Map.of("version", version))
        .post(base + "/minutes/approve")
        .then()
        .statusCode(200);

    // the time-stamping server fails: 409, and the minutes are as they were
    TsaResource.tsa.behave(TestTsa.Behaviour.REJECT);
    Api.as(secretary.token())
        .post(base + "/minutes/sign")
        .then()
        .statusCode(409)
        .body("code", org.hamcrest.Matchers.equalTo("minutes.tsa-failed"));
    assertEquals(
        "APPROVED",
        Api.as(secretary.token()).get(base + "/minutes").then().extract().path("minutes.state"));

    TsaResource.tsa.behave(TestTsa.Behaviour.GRANT);
    JsonPath signed =
        Api.as(secretary.token())
            .post(base + "/minutes/sign")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(true), signed.getList("signatures.timestamped"));
    JsonPath v =
        Api.as(chair.token())
            .get(base + "/minutes/verification")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(v.getBoolean("valid"));
    assertEquals(List.of(true), v.getList("signatures.timestamped"));
    assertNotNull(v.getString("signatures[0].timestampTime"));
  }
}
