package vn.hopso.meeting;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;

/**
 * Long lists (issue 6, §9): participants and rooms come a page at a time, the chair and the
 * secretary first, then by Vietnamese name; people are added in bulk by unit, by role or from a
 * pasted list, never as device accounts.
 */
@QuarkusTest
class ParticipantListTest {
  @Test
  void participantsArePagedWithTheOfficersFirstAndAddedInBulk() {
    String admin = Api.admin();
    long province = MoreApi.province(admin, "Tỉnh Thêm Hàng Loạt");
    long commune = Api.unit(admin, MoreApi.code("X"), "Xã Thêm Hàng Loạt", "COMMUNE", province);
    List<String> names =
        List.of("Nguyễn Văn Yên", "Trần Thị Ánh", "Lê Văn Bình", "Phạm Thị An", "Đỗ Văn Đức");
    for (String name : names) {
      MoreApi.createPerson(admin, MoreApi.username("b"), name, commune, List.of("DELEGATE"));
    }
    // a device account in the same unit is never added as a person
    MoreApi.createEndpoint(
        admin, MoreApi.code("EPB"), "Phòng xã", commune, MoreApi.username("dev"));
    String pasted = MoreApi.username("paste");
    MoreApi.createPerson(admin, pasted, "Võ Thị Dán Danh Sách", null, List.of("DELEGATE"));
    MoreApi.createPerson(
        admin, MoreApi.username("twin"), "Hồ Văn Trùng Tên", null, List.of("DELEGATE"));
    MoreApi.createPerson(
        admin, MoreApi.username("twin"), "Hồ Văn Trùng Tên", null, List.of("DELEGATE"));

    MeetingFixture.Someone chair = MeetingFixture.quiet(admin, "Vũ Văn Chủ Trì", "CHAIR");
    MeetingFixture.Someone secretary = MeetingFixture.quiet(admin, "Bùi Thị Thư Ký", "SECRETARY");
    Instant start = Instant.now().plus(Duration.ofDays(3));
    long id =
        MeetingFixture.create(
            admin,
            MeetingFixture.meetingBody(
                "Họp đông người",
                province,
                chair.id(),
                secretary.id(),
                start,
                start.plus(Duration.ofHours(2))));
    String base = "/api/meetings/" + id + "/participants";

    Api.as(secretary.token())
        .body(Map.of("unitId", province, "role", "DELEGATE"))
        .post(base + "/bulk")
        .then()
        .statusCode(200)
        .body("added", equalTo(5))
        .body("alreadyInvited", equalTo(0));
    Api.as(secretary.token())
        .body(
            Map.of(
                "list",
                "1. " + pasted + "\n\nvo thi dan danh sach\nHồ Văn Trùng Tên\nKhông Có Người Này\n",
                "role",
                "OBSERVER"))
        .post(base + "/bulk")
        .then()
        .statusCode(200)
        .body("added", equalTo(1))
        .body("notFound", equalTo(List.of("Không Có Người Này")))
        .body("ambiguous", equalTo(List.of("Hồ Văn Trùng Tên")))
        .body("total", equalTo(8));
    // the same unit again adds nobody
    Api.as(secretary.token())
        .body(Map.of("unitId", province, "role", "DELEGATE"))
        .post(base + "/bulk")
        .then()
        .body("added", equalTo(0))
        .body("alreadyInvited", equalTo(5));
    MoreApi.assertFieldError(
        Api.as(secretary.token()).body(Map.of("role", "DELEGATE")).post(base + "/bulk"), "unitId");

    JsonPath first =
        Api.as(secretary.token())
            .queryParam("size", 3)
            .get(base)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(8, first.getInt("total"));
    assertEquals(List.of("CHAIR", "SECRETARY"), first.getList("items.role").subList(0, 2));
    // then by given name: An, Ánh, Bình, Đức, Sách, Yên
    assertEquals("Phạm Thị An", first.getString("items[2].fullName"));
    Api.as(secretary.token())
        .queryParam("page", 1)
        .queryParam("size", 3)
        .get(base)
        .then()
        .body("items.fullName", equalTo(List.of("Trần Thị Ánh", "Lê Văn Bình", "Đỗ Văn Đức")));
    Api.as(secretary.token())
        .queryParam("q", "thi an")
        .queryParam("role", "DELEGATE")
        .get(base)
        .then()
        .body("items.fullName", equalTo(List.of("Phạm Thị An", "Trần Thị Ánh")));
    Api.as(secretary.token())
        .queryParam("attendance", "EXCUSED")
        .get(base)
        .then()
        .body("items", hasSize(0));
  }

  @Test
  void othersDoNotSeeWhySomeoneIsAbsentNorWhetherMessagesReachedThem() {
    String admin = Api.admin();
    long province = MoreApi.province(admin, "Tỉnh Riêng Tư");
    MeetingFixture.Someone chair = MeetingFixture.quiet(admin, "Lý Văn Chủ Tọa", "CHAIR");
    MeetingFixture.Someone secretary = MeetingFixture.quiet(admin, "Mai Thị Thư Ký", "SECRETARY");
    MeetingFixture.Someone away = MeetingFixture.quiet(admin, "Tô Văn Vắng", "DELEGATE");
    MeetingFixture.Someone colleague =
        MeetingFixture.quiet(admin, "Lâm Thị Đồng Nghiệp", "DELEGATE");
    Instant start = Instant.now().plus(Duration.ofDays(2));
    long id =
        MeetingFixture.create(
            secretary.token(),
            MeetingFixture.meetingBody(
                "Họp kín đáo",
                province,
                chair.id(),
                secretary.id(),
                start,
                start.plusSeconds(3600)));
    String base = "/api/meetings/" + id;
    Api.as(secretary.token())
        .body(
            Map.of(
                "participants",
                List.of(
                    Map.of("personId", away.id(), "role", "DELEGATE"),
                    Map.of("personId", colleague.id(), "role", "DELEGATE"))))
        .post(base + "/participants")
        .then()
        .statusCode(200);
    Api.as(secretary.token()).post(base + "/schedule").then().statusCode(200);
    Api.as(away.token())
        .body(Map.of("response", "DECLINED", "note", "Tôi đi khám bệnh"))
        .post(base + "/response")
        .then()
        .statusCode(200);
    long awayId =
        Api.as(secretary.token())
            .queryParam("q", "Tô Văn Vắng")
            .get(base + "/participants")
            .then()
            .extract()
            .jsonPath()
            .getLong("items[0].id");
    Api.as(secretary.token())
        .body(Map.of("attendance", "EXCUSED", "reason", "Nằm viện"))
        .put(base + "/participants/" + awayId + "/attendance")
        .then()
        .statusCode(200);

    String awayRow = "items.find { it.personId == " + away.id() + " }";
    // a colleague sees that they are excused, not why, nor their note, nor their deliveries
    JsonPath seenByColleague =
        Api.as(colleague.token())
            .get(base + "/participants")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("EXCUSED", seenByColleague.getString(awayRow + ".attendance"));
    assertEquals(null, seenByColleague.getString(awayRow + ".attendanceReason"));
    assertEquals(null, seenByColleague.getString(awayRow + ".responseNote"));
    assertEquals(null, seenByColleague.getString(awayRow + ".email"));
    // the chair, the secretary and the person themself do; the deliveries are for those who may
    // see the deliveries (the managers) and the person themself, not for the chair
    for (String token : List.of(chair.token(), secretary.token(), away.token())) {
      JsonPath seen =
          Api.as(token).get(base + "/participants").then().statusCode(200).extract().jsonPath();
      assertEquals("Nằm viện", seen.getString(awayRow + ".attendanceReason"));
      assertEquals("Tôi đi khám bệnh", seen.getString(awayRow + ".responseNote"));
      assertEquals(token.equals(chair.token()) ? null : "NONE", seen.getString(awayRow + ".email"));
    }
    Api.as(chair.token()).get(base + "/deliveries").then().statusCode(403);
  }
}
