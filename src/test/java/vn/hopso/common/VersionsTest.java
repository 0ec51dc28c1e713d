package vn.hopso.common;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.meeting.MeetingFixture;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;

/**
 * No lost updates (issue 6, §7): every editable resource answers its version; a save based on an
 * older version is refused with 409 {@code stale}, and nothing of it is saved.
 */
@QuarkusTest
class VersionsTest {
  private static void staleSaveIsRefused(
      String token,
      String path,
      Map<String, Object> body,
      String field,
      Object first,
      Object second) {
    long version =
        Api.as(token).get(path).then().statusCode(200).extract().jsonPath().getLong("version");
    Map<String, Object> mine = new HashMap<>(body);
    mine.put("version", version);
    mine.put(field, first);
    Api.as(token)
        .body(mine)
        .put(path)
        .then()
        .statusCode(200)
        .body("version", equalTo((int) version + 1));
    Map<String, Object> theirs = new HashMap<>(body);
    theirs.put("version", version);
    theirs.put(field, second);
    Api.as(token).body(theirs).put(path).then().statusCode(409).body("code", equalTo("stale"));
    Api.as(token).get(path).then().body(field, equalTo(first));
    Map<String, Object> none = new HashMap<>(body);
    none.remove("version");
    MoreApi.assertFieldError(Api.as(token).body(none).put(path), "version");
  }

  @Test
  void unitsEndpointsPeopleAndMeetingsRefuseStaleSaves() {
    String admin = Api.admin();
    String code = MoreApi.code("V");
    long unit = Api.unit(admin, code, "Tỉnh Phiên Bản", "PROVINCE", null);
    staleSaveIsRefused(
        admin,
        "/api/units/" + unit,
        MoreApi.unitBody(code, "x", "PROVINCE", null),
        "name",
        "Tỉnh Sửa Trước",
        "Tỉnh Sửa Sau");

    String epCode = MoreApi.code("VE");
    long ep = MoreApi.createEndpoint(admin, epCode, "Phòng Phiên Bản", unit, null);
    staleSaveIsRefused(
        admin,
        "/api/endpoints/" + ep,
        MoreApi.endpointBody(epCode, "x", unit, "P", null),
        "name",
        "Phòng A",
        "Phòng B");

    String user = MoreApi.username("v");
    long person = MoreApi.createPerson(admin, user, "Người Phiên Bản", unit, List.of("DELEGATE"));
    Map<String, Object> personBody = MoreApi.personBody(user, "x", unit, List.of("DELEGATE"), null);
    personBody.remove("password");
    staleSaveIsRefused(
        admin, "/api/people/" + person, personBody, "fullName", "Người Sửa Trước", "Người Sửa Sau");

    MeetingFixture.Someone chair = MeetingFixture.quiet(admin, "Chủ Trì Phiên Bản", "CHAIR");
    Instant start = Instant.now().plus(Duration.ofDays(4));
    Map<String, Object> meeting =
        MeetingFixture.meetingBody(
            "x", unit, chair.id(), null, start, start.plus(Duration.ofHours(1)));
    long id = MeetingFixture.create(admin, meeting);
    staleSaveIsRefused(
        admin, "/api/meetings/" + id, meeting, "title", "Họp sửa trước", "Họp sửa sau");
  }

  @Test
  void agendaItemsAndParticipantsRefuseStaleSaves() {
    String admin = Api.admin();
    long unit = MoreApi.province(admin, "Tỉnh Phiên Bản Họp");
    MeetingFixture.Someone chair = MeetingFixture.quiet(admin, "Chủ Trì", "CHAIR");
    MeetingFixture.Someone d = MeetingFixture.quiet(admin, "Đại Biểu", "DELEGATE");
    Instant start = Instant.now().plus(Duration.ofDays(4));
    long id =
        MeetingFixture.create(
            admin,
            MeetingFixture.meetingBody(
                "Họp", unit, chair.id(), null, start, start.plus(Duration.ofHours(1))));
    String base = "/api/meetings/" + id;
    long item =
        Api.as(admin)
            .body(Map.of("title", "Khai mạc"))
            .post(base + "/agenda/items")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    Api.as(admin)
        .body(Map.of("title", "Khai mạc hội nghị", "version", 0))
        .put(base + "/agenda/items/" + item)
        .then()
        .statusCode(200);
    Api.as(admin)
        .body(Map.of("title", "Khai mạc (bản cũ)", "version", 0))
        .put(base + "/agenda/items/" + item)
        .then()
        .statusCode(409)
        .body("code", equalTo("stale"));

    long p =
        Api.as(admin)
            .body(Map.of("participants", List.of(Map.of("personId", d.id(), "role", "DELEGATE"))))
            .post(base + "/participants")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("[0].id");
    Api.as(admin)
        .body(Map.of("role", "PRESENTER", "version", 0))
        .put(base + "/participants/" + p)
        .then()
        .statusCode(200);
    Api.as(admin)
        .body(Map.of("role", "OBSERVER", "version", 0))
        .put(base + "/participants/" + p)
        .then()
        .statusCode(409)
        .body("code", equalTo("stale"));
  }
}
