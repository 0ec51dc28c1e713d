package vn.hopso.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hopso.meeting.MeetingFixture;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;

/**
 * The minutes from the session that ended to the published record: drafted from the record, edited
 * in versions with what changed, approved by the chair, signed by the secretary on the server and
 * by the chair by hash (a USB token stand-in with a certificate of a test authority), both
 * signatures checked independently over their byte ranges, a changed byte detected, published, and
 * a correction that refers to it. Who may do what is checked at each step.
 */
@QuarkusTest
class MinutesTest {
  static final TestPki PKI = TestPki.create();

  String admin;
  long unit;
  MeetingFixture.Someone secretary;
  MeetingFixture.Someone chair;
  MeetingFixture.Someone delegate;
  MeetingFixture.Someone outsider;
  long meeting;
  String base;
  List<Long> items;

  @BeforeEach
  void aMeetingThatWasHeld() {
    admin = Api.admin();
    unit = MoreApi.province(admin, "Tỉnh Biên Bản " + Api.unique("u"));
    secretary = MeetingFixture.quiet(admin, "Trần Thị Bình", "SECRETARY");
    chair = MeetingFixture.quiet(admin, "Nguyễn Văn An", "CHAIR");
    delegate = MeetingFixture.quiet(admin, "Lê Thị Ánh Tuyết", "DELEGATE");
    outsider = MeetingFixture.quiet(admin, "Phạm Văn Ngoài", "DELEGATE");
    meeting =
        MeetingFixture.startingSoon(
            secretary.token(), "Họp giao ban tháng 11", unit, chair.id(), secretary.id());
    base = "/api/meetings/" + meeting;
    MeetingFixture.inviteDelegates(secretary.token(), meeting, List.of(delegate));
    items =
        MeetingFixture.agenda(
            secretary.token(),
            meeting,
            List.of("Báo cáo kinh tế – xã hội", "Phương án phòng chống lũ"));
    MeetingFixture.startSession(secretary.token(), chair.token(), meeting);
    Api.as(delegate.token()).post(base + "/check-in").then().statusCode(200);
    Api.as(chair.token()).post(base + "/agenda/next").then().statusCode(204);
    Api.as(delegate.token())
        .body(Map.of("kind", "CONTRIBUTION"))
        .post(base + "/speakers")
        .then()
        .statusCode(200);
    Api.as(chair.token()).body(Map.of()).post(base + "/speakers/floor").then().statusCode(200);
    Api.as(chair.token()).post(base + "/speakers/end").then().statusCode(200);
    long poll =
        Api.as(chair.token())
            .body(
                Map.of(
                    "title",
                    "Thông qua báo cáo",
                    "itemId",
                    items.get(0),
                    "kind",
                    "YES_NO",
                    "rule",
                    Map.of("base", "PRESENT", "threshold", "MORE_THAN_HALF", "tie", "NOT_ADOPTED")))
            .post(base + "/polls")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("id");
    Api.as(chair.token()).post("/api/polls/" + poll + "/open").then().statusCode(200);
    Api.as(delegate.token())
        .body(Map.of("ballotId", java.util.UUID.randomUUID().toString(), "value", "YES"))
        .post("/api/polls/" + poll + "/ballots")
        .then()
        .statusCode(200);
    Api.as(chair.token()).post("/api/polls/" + poll + "/close").then().statusCode(200);
    Api.as(chair.token()).post("/api/polls/" + poll + "/publish").then().statusCode(200);
    Api.as(secretary.token())
        .body(Map.of("itemId", items.get(0), "text", "Giao Sở Tài chính rà soát kế hoạch vốn"))
        .post(base + "/conclusions")
        .then()
        .statusCode(200);
    Api.as(chair.token()).post(base + "/end").then().statusCode(200);
  }

  @Test
  void draftedEditedApprovedSignedTwiceVerifiedAndPublished() throws Exception {
    // nobody but the meeting's managers drafts; before that the page says what may be done
    JsonPath page =
        Api.as(secretary.token())
            .get(base + "/minutes")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertNull(page.get("minutes"));
    assertTrue(page.getBoolean("can.draft"));
    Api.as(delegate.token()).post(base + "/minutes").then().statusCode(403);
    Api.as(delegate.token()).get(base + "/minutes").then().statusCode(403);
    Api.as(outsider.token()).get(base + "/minutes").then().statusCode(403);

    JsonPath draft =
        Api.as(secretary.token())
            .post(base + "/minutes")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Api.as(secretary.token()).post(base + "/minutes").then().statusCode(409);
    String body = draft.getString("body");
    assertEquals("DRAFT", draft.getString("state"));
    assertTrue(body.contains("Báo cáo kinh tế – xã hội"), body);
    assertTrue(body.contains("Lê Thị Ánh Tuyết"), "the speaker and the attendance: " + body);
    assertTrue(body.contains("Giao Sở Tài chính rà soát kế hoạch vốn"), "the conclusion: " + body);
    assertTrue(body.contains("Nguyễn Văn An"), "the chair: " + body);
    assertTrue(
        body.contains("Thông qua báo cáo") && body.contains("Tán thành 1, không tán thành 0"),
        "the poll with its figures: " + body);
    assertTrue(body.contains("Thông qua."), "the decision: " + body);
    assertTrue(draft.getString("number").matches("\\d+/BB.*"), draft.getString("number"));

    // the secretary edits: what is not in the allow-list is gone, the version is kept
    String edited =
        body.replace(MinutesDrafter.GAP, "Đồng chí phát biểu về tiến độ giải ngân.")
            + "<p onclick=\"x()\">Đoạn thêm <script>alert(1)</script><strong>đậm</strong></p>";
    JsonPath saved =
        Api.as(secretary.token())
            .body(input(draft, edited, "Bổ sung ý kiến"))
            .put(base + "/minutes")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(2, saved.getInt("revision"));
    assertFalse(saved.getString("body").contains("script"), saved.getString("body"));
    assertFalse(saved.getString("body").contains("onclick"), saved.getString("body"));
    assertTrue(saved.getString("body").contains("<strong>đậm</strong>"));
    // the same base version again: someone else saved since
    Api.as(secretary.token())
        .body(input(draft, edited, null))
        .put(base + "/minutes")
        .then()
        .statusCode(409);
    // a field left out is named
    Map<String, Object> bad = input(saved, edited, null);
    bad.remove("place");
    Api.as(secretary.token()).body(bad).put(base + "/minutes").then().statusCode(400);

    List<Map<String, Object>> versions =
        Api.as(chair.token())
            .get(base + "/minutes/versions")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertEquals(2, versions.size());
    JsonPath diff =
        Api.as(chair.token())
            .queryParam("from", 1)
            .queryParam("to", 2)
            .get(base + "/minutes/diff")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(diff.getInt("inserted") + diff.getInt("changed") > 0);
    assertTrue(
        diff.getList("lines.after").stream()
            .anyMatch(l -> l != null && l.toString().contains("tiến độ giải ngân")));

    // only the chair approves; the secretary cannot
    Api.as(secretary.token())
        .body(Map.of("version", saved.getLong("version")))
        .post(base + "/minutes/approve")
        .then()
        .statusCode(403);
    JsonPath approved =
        Api.as(chair.token())
            .body(Map.of("version", saved.getLong("version")))
            .post(base + "/minutes/approve")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("APPROVED", approved.getString("state"));
    assertNotNull(approved.getString("heads.events"));
    assertNotNull(approved.getString("heads.polls"));
    // approved text no longer changes
    Api.as(secretary.token())
        .body(input(approved, edited, null))
        .put(base + "/minutes")
        .then()
        .statusCode(409);

    byte[] unsigned = pdf(secretary.token());
    String text = text(unsigned);
    for (String part :
        List.of(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "BIÊN BẢN",
            "Họp giao ban tháng 11",
            "THƯ KÝ",
            "CHỦ TỌA",
            "Trần Thị Bình",
            "Nguyễn Văn An",
            "Nơi nhận",
            "tiến độ giải ngân",
            approved.getString("heads.events"))) {
      assertTrue(text.contains(part), part + " in:\n" + text);
    }

    // the delegate may not sign; the secretary signs on the server with the organisation's key
    Api.as(delegate.token()).post(base + "/minutes/sign").then().statusCode(403);
    Api.as(secretary.token()).post(base + "/minutes/publish").then().statusCode(409);
    JsonPath one =
        Api.as(secretary.token())
            .post(base + "/minutes/sign")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("SIGNING", one.getString("state"));
    Api.as(secretary.token()).post(base + "/minutes/sign").then().statusCode(409);

    // the chair signs by hash: HopSo prepares, the token signs the digest, HopSo embeds it
    JsonPath prepared =
        Api.as(chair.token())
            .post(base + "/minutes/sign/prepare")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    byte[] digest = Base64.getDecoder().decode(prepared.getString("pending.digestBase64"));
    Pades.KeyMaterial token = PKI.person("Nguyễn Văn An");
    // a signature over another digest is refused, naming the field, and nothing is lost
    byte[] wrong =
        Pades.cmsForDigest(new byte[32], token.key(), token.chain(), Instant.now(), null);
    Api.as(chair.token())
        .body(Map.of("cms", Base64.getEncoder().encodeToString(wrong)))
        .post(base + "/minutes/sign/complete")
        .then()
        .statusCode(400);
    byte[] cms = Pades.cmsForDigest(digest, token.key(), token.chain(), Instant.now(), null);
    JsonPath two =
        Api.as(chair.token())
            .body(Map.of("cms", Base64.getEncoder().encodeToString(cms)))
            .post(base + "/minutes/sign/complete")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("SIGNED", two.getString("state"));
    assertEquals(List.of("SECRETARY", "CHAIR"), two.getList("signatures.role"));

    byte[] signed = pdf(chair.token());
    assertEquals(two.getString("pdfSha256"), vn.hopso.common.Tokens.sha256(signed));
    // both signatures, checked here with BouncyCastle over the byte ranges read from the file
    assertEquals(2, PdfSignatures.validCount(signed));
    JsonPath verification =
        Api.as(chair.token())
            .get(base + "/minutes/verification")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(verification.getBoolean("valid"));
    assertEquals(
        List.of("Trần Thị Bình", "Nguyễn Văn An"), verification.getList("signatures.person"));
    assertEquals(List.of(true, true), verification.getList("signatures.intact"));

    // one changed byte inside the signed content is detected by the verification endpoint
    byte[] tampered = signed.clone();
    int at =
        PadesTest.indexOf(tampered, "stream".getBytes()) + 20; // inside the first page's content
    tampered[at] = (byte) (tampered[at] ^ 0x01);
    JsonPath broken =
        Api.as(chair.token())
            .contentType("application/pdf")
            .body(tampered)
            .post("/api/minutes/verify")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertFalse(broken.getBoolean("valid"));
    // someone who may not see the meeting checks the file: the signatures, not the meeting
    JsonPath outside =
        Api.as(outsider.token())
            .contentType("application/pdf")
            .body(signed)
            .post("/api/minutes/verify")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(outside.getBoolean("valid"));
    assertNull(outside.get("meetingId"));
    assertNull(outside.get("meetingTitle"));
    Api.as(chair.token())
        .contentType("application/pdf")
        .body("not a pdf".getBytes())
        .post("/api/minutes/verify")
        .then()
        .statusCode(400);

    // the delegate sees nothing before publication; the secretary publishes
    Api.as(delegate.token()).get(base + "/minutes/pdf").then().statusCode(409);
    Api.as(chair.token()).post(base + "/minutes/publish").then().statusCode(403);
    JsonPath published =
        Api.as(secretary.token())
            .post(base + "/minutes/publish")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("PUBLISHED", published.getString("state"));
    assertEquals(
        "MINUTES_PUBLISHED",
        Api.as(delegate.token()).get(base).then().statusCode(200).extract().path("status"));
    assertEquals(vn.hopso.common.Tokens.sha256(pdf(delegate.token())), two.getString("pdfSha256"));
    JsonPath mine =
        Api.as(delegate.token()).get(base + "/minutes").then().statusCode(200).extract().jsonPath();
    assertEquals("PUBLISHED", mine.getString("minutes.state"));
    assertFalse(mine.getBoolean("can.edit"));
    Api.as(delegate.token()).get("/api/notifications").then().statusCode(200);

    // a published minute never changes; a correction is a new document that refers to it
    Api.as(secretary.token())
        .body(input(published, edited, null))
        .put(base + "/minutes")
        .then()
        .statusCode(409);
    JsonPath correction =
        Api.as(secretary.token())
            .body(Map.of("reason", "Sai tên đơn vị"))
            .post(base + "/minutes/corrections")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("CORRECTION", correction.getString("kind"));
    assertEquals(published.getLong("id"), correction.getLong("correctsId"));
    // the delegate still reads the published minutes while the correction is written
    assertEquals(two.getString("pdfSha256"), vn.hopso.common.Tokens.sha256(pdf(delegate.token())));
  }

  @Test
  void theChairSendsTheTextBackUntilSomeoneSigns() {
    JsonPath draft =
        Api.as(secretary.token())
            .post(base + "/minutes")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Api.as(chair.token())
        .body(Map.of("version", draft.getLong("version")))
        .post(base + "/minutes/approve")
        .then()
        .statusCode(200);
    JsonPath back =
        Api.as(chair.token())
            .body(Map.of("reason", "Bổ sung số liệu"))
            .post(base + "/minutes/send-back")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("DRAFT", back.getString("state"));
    assertNull(back.get("pdfSha256"));
    Api.as(chair.token())
        .body(Map.of("version", back.getLong("version")))
        .post(base + "/minutes/approve")
        .then()
        .statusCode(200);
    Api.as(chair.token()).post(base + "/minutes/sign").then().statusCode(200);
    Api.as(chair.token())
        .body(Map.of("reason", "Muộn"))
        .post(base + "/minutes/send-back")
        .then()
        .statusCode(409);
  }

  static Map<String, Object> input(JsonPath m, String body, String note) {
    Map<String, Object> in = new java.util.HashMap<>();
    in.put("number", m.getString("number"));
    in.put("place", m.getString("place"));
    in.put("date", m.getString("date"));
    in.put("title", m.getString("title"));
    in.put("subtitle", m.getString("subtitle"));
    in.put("body", body);
    in.put("recipients", m.getList("recipients"));
    in.put("note", note);
    in.put("version", m.getLong("version"));
    return in;
  }

  byte[] pdf(String token) {
    return Api.as(token).get(base + "/minutes/pdf").then().statusCode(200).extract().asByteArray();
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }
}
