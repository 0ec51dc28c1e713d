package vn.hopso.common;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.meeting.MeetingFixture;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;

/**
 * Every text limit is declared once and is never larger than its column (issue 6, §1): text at a
 * field's documented maximum, in the scripts that lengthen most when folded for search, saves and
 * flows through every derived column (search keys, invitation titles, notifications).
 */
@QuarkusTest
class LimitsTest {
  @Inject EntityManager em;

  /** Vietnamese with every tone, then Hangul (whose folded form is three times longer). */
  static String text(int length, String seed) {
    String pattern = seed + " Nguyễn Thị Ánh Tuyết ỀỂỄỆ đường 한국어 ";
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      b.append(pattern);
    }
    return b.substring(0, length).strip()
        + "X".repeat(length - b.substring(0, length).strip().length());
  }

  private static String code(int length) {
    String c = MoreApi.code("L");
    return (c + "-" + "Z".repeat(length)).substring(0, length);
  }

  @Test
  void everyFieldAtItsMaximumSavesAndFlowsThroughDerivedColumns() {
    String admin = Api.admin();
    Map<String, Object> unit = new HashMap<>();
    unit.put("code", code(Limits.CODE));
    unit.put("name", text(Limits.NAME, "Tỉnh"));
    unit.put("level", "PROVINCE");
    long unitId =
        Api.as(admin)
            .body(unit)
            .post("/api/units")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    MoreApi.update(admin, "/api/units/" + unitId, unit).then().statusCode(200);

    Map<String, Object> endpoint = new HashMap<>();
    endpoint.put("code", code(Limits.CODE));
    endpoint.put("name", text(Limits.NAME, "Phòng"));
    endpoint.put("unitId", unitId);
    endpoint.put("room", text(Limits.ROOM, "Tầng"));
    endpoint.put(
        "deviceAccount", (MoreApi.username("d") + "x".repeat(64)).substring(0, Limits.USERNAME));
    long endpointId =
        Api.as(admin)
            .body(endpoint)
            .post("/api/endpoints")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    MoreApi.update(admin, "/api/endpoints/" + endpointId, endpoint).then().statusCode(200);

    Map<String, Object> person = new HashMap<>();
    String username = (MoreApi.username("p") + "y".repeat(64)).substring(0, Limits.USERNAME);
    person.put("username", username);
    person.put("fullName", text(Limits.NAME, "Trần"));
    person.put("position", text(Limits.POSITION, "Chánh"));
    String local = "a".repeat(64);
    String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(59) + ".vn";
    person.put("email", local + "@" + domain);
    assertEquals(Limits.EMAIL, (local + "@" + domain).length());
    person.put("phone", "0".repeat(Limits.PHONE));
    person.put("unitId", unitId);
    person.put("roles", List.of("SECRETARY", "CHAIR", "DELEGATE"));
    person.put("password", "p".repeat(Limits.PASSWORD));
    long personId =
        Api.as(admin)
            .body(person)
            .post("/api/people")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    person.remove("password");
    MoreApi.update(admin, "/api/people/" + personId, person).then().statusCode(200);
    String secretary = Api.login(username, "p".repeat(Limits.PASSWORD));

    Instant start = Instant.now().plus(Duration.ofDays(3));
    Map<String, Object> meeting =
        new HashMap<>(
            MeetingFixture.meetingBody(
                text(Limits.TITLE, "Họp"),
                unitId,
                personId,
                personId,
                start,
                start.plus(Duration.ofHours(2))));
    meeting.put("place", text(Limits.PLACE, "Hội trường"));
    meeting.put("notes", text(Limits.NOTES, "Ghi chú"));
    meeting.put("hostEndpointId", endpointId);
    long meetingId = MeetingFixture.create(secretary, meeting);
    MoreApi.update(secretary, "/api/meetings/" + meetingId, meeting).then().statusCode(200);

    String agenda = "/api/meetings/" + meetingId + "/agenda";
    Map<String, Object> item = new HashMap<>();
    item.put("title", text(Limits.TITLE, "Mục"));
    item.put("presenterName", text(Limits.NAME, "Khách"));
    item.put("description", text(Limits.DESCRIPTION, "Mô tả"));
    item.put("plannedMinutes", 1440);
    List<Long> items = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      items.add(
          Api.as(secretary)
              .body(item)
              .post(agenda + "/items")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id"));
    }
    Api.as(secretary).post(agenda + "/publish").then().statusCode(200);
    Api.as(secretary).post("/api/meetings/" + meetingId + "/schedule").then().statusCode(200);
    // a second version whose list of changes is longer than any column: announced, cut to fit
    for (long id : items) {
      Api.as(secretary).delete(agenda + "/items/" + id).then().statusCode(204);
    }
    for (int i = 0; i < 12; i++) {
      Api.as(secretary).body(item).post(agenda + "/items").then().statusCode(201);
    }
    Api.as(secretary).post(agenda + "/publish").then().statusCode(200);

    Api.as(secretary)
        .body(Map.of("response", "TENTATIVE", "note", text(Limits.SHORT_NOTE, "Bận")))
        .post("/api/meetings/" + meetingId + "/response")
        .then()
        .statusCode(200);
    Instant later = start.plus(Duration.ofDays(1));
    Api.as(secretary)
        .body(
            Map.of(
                "startsAt", later.toString(),
                "endsAt", later.plus(Duration.ofHours(1)).toString(),
                "reason", text(Limits.REASON, "Lý do")))
        .post("/api/meetings/" + meetingId + "/postpone")
        .then()
        .statusCode(200);
    Api.as(secretary)
        .body(Map.of("reason", text(Limits.REASON, "Hủy")))
        .post("/api/meetings/" + meetingId + "/cancel")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    // the longest notifications reached the bell
    Api.as(secretary).get("/api/notifications").then().statusCode(200);
  }

  @Test
  void oneCharacterOverEveryMaximumIsA400NamingTheField() {
    String admin = Api.admin();
    Map<String, Object> unit = new HashMap<>();
    unit.put("code", MoreApi.code("O"));
    unit.put("name", "x".repeat(Limits.NAME + 1));
    unit.put("level", "PROVINCE");
    MoreApi.assertFieldError(Api.as(admin).body(unit).post("/api/units"), "name")
        .body("errors[0].code", equalTo("field.size.max"))
        .body("errors[0].params.max", equalTo(Limits.NAME));
  }

  /** The entities' declared lengths are the columns' real lengths (the migrations agree). */
  @Test
  void everyTextColumnIsAsLongAsItsEntityDeclares() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (EntityType<?> type : em.getMetamodel().getEntities()) {
      Class<?> entity = type.getJavaType();
      String table = entity.getAnnotation(Table.class).name();
      for (Attribute<?, ?> a : type.getAttributes()) {
        if (a.getJavaType() != String.class || !(a.getJavaMember() instanceof Field f)) {
          continue;
        }
        Column c = f.getAnnotation(Column.class);
        String column =
            c != null && !c.name().isEmpty()
                ? c.name()
                : f.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
        Integer declared =
            c != null && c.columnDefinition().equals("text") ? null : c == null ? 255 : c.length();
        List<?> found =
            em.createNativeQuery(
                    "select character_maximum_length from information_schema.columns"
                        + " where table_name = ?1 and column_name = ?2")
                .setParameter(1, table)
                .setParameter(2, column)
                .getResultList();
        if (found.isEmpty()) {
          wrong.add(table + "." + column + ": no such column");
          continue;
        }
        checked++;
        Integer real = found.get(0) == null ? null : ((Number) found.get(0)).intValue();
        if (!java.util.Objects.equals(declared, real)) {
          wrong.add(table + "." + column + ": entity " + declared + ", database " + real);
        }
      }
    }
    assertTrue(checked > 40, "checked " + checked);
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void derivedKeysAreCutToTheirColumns() {
    String longest = "한".repeat(Limits.NOTES);
    String key = VietnameseText.searchKey(longest, longest);
    assertEquals(Limits.SEARCH_KEY, key.length());
    assertTrue(
        VietnameseText.personSortKey("한".repeat(300) + " " + "한".repeat(300)).length()
            <= Limits.SORT_KEY);
    assertNotNull(Texts.fit("a".repeat(10), 5));
    assertEquals(5, Texts.fit("a".repeat(10), 5).length());
  }
}
