package vn.hopso.common;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.hopso.agenda.AgendaMsg;
import vn.hopso.agenda.ItemState;
import vn.hopso.auth.AuthMsg;
import vn.hopso.live.LiveMsg;
import vn.hopso.meeting.MeetingMsg;
import vn.hopso.notify.NotifyMsg;
import vn.hopso.org.OrgMsg;
import vn.hopso.speaker.SpeakerKind;
import vn.hopso.speaker.SpeakerMsg;
import vn.hopso.support.Api;
import vn.hopso.support.English;
import vn.hopso.support.MoreApi;

/**
 * Errors a Vietnamese user can read (issue 6, §6): every problem, field and row error has a stable
 * code and parameters, and its text is Vietnamese unless the caller asks for English.
 */
@QuarkusTest
class LanguageTest {
  /**
   * Every enum of the application that people read (messages, statuses, roles, kinds), found by
   * scanning the classes: a new feature's messages are checked without anyone listing them here.
   */
  static List<Localized> allLocalized() {
    List<Localized> all = new java.util.ArrayList<>();
    new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.hopso")
            .stream()
            .filter(c -> c.isEnum() && c.isAssignableTo(Localized.class))
            .forEach(c -> all.addAll(Arrays.asList((Localized[]) c.reflect().getEnumConstants())));
    return all;
  }

  static List<Msg> allMessages() {
    return allLocalized().stream().filter(Msg.class::isInstance).map(Msg.class::cast).toList();
  }

  @Test
  void theScanFindsEveryFeaturesMessages() {
    Set<Class<?>> found = new HashSet<>();
    allMessages().forEach(m -> found.add(((Enum<?>) m).getDeclaringClass()));
    for (Class<?> type :
        List.of(
            CommonMsg.class,
            ImportMsg.class,
            OrgMsg.class,
            AuthMsg.class,
            MeetingMsg.class,
            AgendaMsg.class,
            NotifyMsg.class,
            SpeakerMsg.class,
            LiveMsg.class)) {
      assertTrue(found.contains(type), type + " not found by the scan");
    }
    assertTrue(allLocalized().contains(ItemState.DEFERRED));
    assertTrue(allLocalized().contains(SpeakerKind.POINT_OF_ORDER));
  }

  /** Bean Validation message keys may name any feature's message: every Msg enum is indexed. */
  @Test
  void customMessagesIndexEveryMessage() {
    Set<String> scanned = new HashSet<>();
    allMessages().forEach(m -> scanned.add(((Enum<?>) m).getDeclaringClass().getName()));
    assertEquals(scanned, new HashSet<>(CustomMessages.ENUMS));
    for (Msg m : allMessages()) {
      assertEquals(m, CustomMessages.byCode(m.code()), m.code());
    }
  }

  @Test
  void everyMessageHasAUniqueCodeAndBothLanguagesWithTheSameParameters() {
    Set<String> codes = new HashSet<>();
    Pattern param = Pattern.compile("\\{(\\w+)}");
    for (Msg m : allMessages()) {
      assertTrue(codes.add(m.code()), "code used twice: " + m.code());
      assertTrue(m.code().matches("[a-z0-9.-]+"), m.code());
      assertFalse(m.vi().isBlank(), m.code());
      assertFalse(m.en().isBlank(), m.code());
      Set<String> vi = new HashSet<>(param.matcher(m.vi()).results().map(r -> r.group(1)).toList());
      Set<String> en = new HashSet<>(param.matcher(m.en()).results().map(r -> r.group(1)).toList());
      assertEquals(en, vi, m.code() + ": both languages name the same parameters");
      assertEquals(
          List.of(),
          English.wordsIn(param.matcher(m.vi()).replaceAll("")),
          m.code() + " reads English in Vietnamese: " + m.vi());
    }
    for (Localized l : allLocalized()) {
      if (l instanceof Msg) {
        continue; // checked above, without its parameters' names
      }
      assertEquals(
          List.of(), English.wordsIn(l.vi()), l + " reads English in Vietnamese: " + l.vi());
    }
  }

  @Test
  void vietnameseByDefaultEnglishOnRequest() {
    String admin = Api.admin();
    Map<String, Object> bad = MoreApi.unitBody("bad code!", "", "PROVINCE", null);
    Response vi = Api.as(admin).body(bad).post("/api/units");
    vi.then()
        .statusCode(400)
        .header("Content-Language", "vi")
        .body("title", equalTo("Dữ liệu không hợp lệ"));
    assertNoEnglish(vi);
    assertEquals(List.of("code", "name"), vi.jsonPath().getList("errors.field"));
    assertEquals(
        List.of("field.code-format", "field.required"), vi.jsonPath().getList("errors.code"));

    Response en =
        Api.as(admin).header("Accept-Language", "en-GB,en;q=0.8").body(bad).post("/api/units");
    en.then()
        .statusCode(400)
        .header("Content-Language", "en")
        .body("title", equalTo("Invalid data"));
    assertEquals(vi.jsonPath().getList("errors.code"), en.jsonPath().getList("errors.code"));
    assertTrue(en.jsonPath().getString("errors[1].message").contains("required"), en.asString());

    // a language we do not have falls back to Vietnamese; q-values are honoured
    Api.as(admin)
        .header("Accept-Language", "fr")
        .body(bad)
        .post("/api/units")
        .then()
        .header("Content-Language", "vi");
    Api.as(admin)
        .header("Accept-Language", "en;q=0.2, vi;q=0.9")
        .body(bad)
        .post("/api/units")
        .then()
        .header("Content-Language", "vi");
  }

  @Test
  void conflictsNotFoundAndCsvRowsAreVietnamese() {
    String admin = Api.admin();
    String code = MoreApi.code("LANG");
    Api.unit(admin, code, "Tỉnh Ngôn Ngữ", "PROVINCE", null);
    assertNoEnglish(
        Api.as(admin)
            .body(MoreApi.unitBody(code, "Tỉnh Khác", "PROVINCE", null))
            .post("/api/units"));
    assertNoEnglish(Api.as(admin).get("/api/units/987654321"));
    assertNoEnglish(Api.as(admin).get("/api/no-such-thing"));
    Response csv =
        Api.as(admin)
            .contentType("text/csv")
            .body(
                "code,name,level,parent\nX-1,Tỉnh,NOPE,\n,,PROVINCE,\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .post("/api/import/units");
    csv.then().statusCode(422);
    assertNoEnglish(csv);
    Response unauthorized = io.restassured.RestAssured.given().get("/api/auth/me");
    assertNoEnglish(unauthorized);
  }

  @Test
  void parametersAreStableCodesAndTextsNameWhatTheyMean() {
    String admin = Api.admin();
    // a missing thing is named by its code, not a Java name
    Api.as(admin)
        .get("/api/units/987654321")
        .then()
        .statusCode(404)
        .body("params.what", equalTo("noun.unit"))
        .body("params.id", equalTo(987654321));
    // a method the address does not take is named
    Response put = Api.as(admin).body(Map.of()).put("/api/auth/me");
    put.then().statusCode(405).body("detail", org.hamcrest.Matchers.containsString("PUT"));
    assertNoEnglish(put);
    // a time in a message is a Vietnamese time, not an ISO instant
    String secretary = Api.person(admin, List.of("SECRETARY"));
    String chairName = Api.person(admin, List.of("CHAIR"));
    long chairId = MoreApi.personId(admin, chairName);
    long unit = MoreApi.province(admin, "Tỉnh Giờ Mở");
    java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofDays(3));
    String token = Api.login(secretary, Api.PASSWORD);
    long id =
        vn.hopso.meeting.MeetingFixture.create(
            token,
            vn.hopso.meeting.MeetingFixture.meetingBody(
                "Họp chưa tới giờ", unit, chairId, null, start, start.plusSeconds(3600)));
    Api.as(token).post("/api/meetings/" + id + "/schedule").then().statusCode(200);
    Response early = Api.as(admin).post("/api/meetings/" + id + "/start");
    early.then().statusCode(409).body("code", equalTo("meeting.not-yet"));
    String detail = early.jsonPath().getString("detail");
    assertFalse(detail.matches(".*\\d{4}-\\d{2}-\\d{2}T.*"), detail);
    assertTrue(early.jsonPath().getString("params.opensAt").contains("T"), early.asString());
  }

  static void assertNoEnglish(Response r) {
    var json = r.jsonPath();
    StringBuilder text = new StringBuilder();
    text.append(json.getString("title")).append(' ').append(json.getString("detail"));
    List<String> messages = json.getList("errors.message");
    if (messages != null) {
      messages.forEach(m -> text.append(' ').append(m));
    }
    List<String> reasons = json.getList("rows.reason");
    if (reasons != null) {
      reasons.forEach(m -> text.append(' ').append(m));
    }
    assertEquals(
        List.of(),
        English.wordsIn(text.toString()),
        () -> "English in a Vietnamese answer: " + r.asString());
  }
}
