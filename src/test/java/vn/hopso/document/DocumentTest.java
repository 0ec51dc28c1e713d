package vn.hopso.document;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.hopso.meeting.MeetingFixture.Someone;
import vn.hopso.support.Api;
import vn.hopso.support.TestClock;

/**
 * Documents on the default local folder (issue 8): upload and versions, links HopSo signs with byte
 * ranges, who may read what in which state, confidential copies, receipts, annotations and the
 * offline pack.
 */
@QuarkusTest
class DocumentTest {
  @AfterEach
  void resetClock() {
    TestClock.reset();
  }

  static JsonPath link(String token, long doc, String kind) {
    return Api.as(token)
        .body(Map.of("kind", kind))
        .post("/api/documents/" + doc + "/link")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static byte[] fetch(String url) {
    return RestAssured.given().get(url).then().statusCode(200).extract().asByteArray();
  }

  @Test
  void anUploadedPdfIsServedThroughASignedLinkWithRangesAndItsHash() {
    DocumentFixture f = new DocumentFixture("tải");
    byte[] pdf = TestPdfs.pages(12, "Trang");
    JsonPath up =
        f.upload(
                f.secretary.token(),
                pdf,
                "Báo cáo quý IV.pdf",
                "application/pdf",
                "itemId",
                f.items.get(0))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    assertEquals("Báo cáo quý IV", up.getString("title"));
    assertEquals(12, up.getInt("current.pages"));
    assertEquals(DocumentFixture.sha256(pdf), up.getString("current.sha256"));
    assertEquals("NOT_NEEDED", up.getString("current.conversion"));
    assertEquals("1", up.getString("itemNumber"));
    long doc = up.getLong("id");

    Someone d = f.delegate(0);
    JsonPath list =
        Api.as(d.token()).get(f.base + "/documents").then().statusCode(200).extract().jsonPath();
    assertEquals(1, list.getList("documents").size());
    assertTrue(list.getBoolean("documents[0].unread"));
    assertFalse(list.getBoolean("canUpload"));

    JsonPath link = link(d.token(), doc, "PDF");
    String url = link.getString("url");
    assertTrue(url.startsWith("/api/files/"), url);
    assertEquals(DocumentFixture.sha256(pdf), link.getString("sha256"));
    assertArrayEquals(pdf, fetch(url));

    // a range: the first kilobyte, then the tail
    Response part = RestAssured.given().header("Range", "bytes=0-1023").get(url);
    assertEquals(206, part.statusCode());
    assertEquals("bytes 0-1023/" + pdf.length, part.header("Content-Range"));
    assertArrayEquals(Arrays.copyOfRange(pdf, 0, 1024), part.asByteArray());
    Response tail = RestAssured.given().header("Range", "bytes=-100").get(url);
    assertEquals(206, tail.statusCode());
    assertArrayEquals(Arrays.copyOfRange(pdf, pdf.length - 100, pdf.length), tail.asByteArray());
    RestAssured.given()
        .header("Range", "bytes=" + pdf.length + "-")
        .get(url)
        .then()
        .statusCode(416);

    // tampered: one character of the signature or of the claims changed
    String token = url.substring("/api/files/".length());
    int dot = token.indexOf('.');
    String badSig =
        token.substring(0, token.length() - 2)
            + (token.endsWith("A") ? "B" : "A")
            + token.charAt(token.length() - 1);
    RestAssured.given()
        .get("/api/files/" + badSig)
        .then()
        .statusCode(403)
        .body("code", equalTo("document.link-invalid"));
    String claims = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, dot)));
    String otherVersion = claims.replaceFirst("^1\\.(\\d+)\\.", "1.999999.");
    String forged =
        java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(otherVersion.getBytes())
            + token.substring(dot);
    RestAssured.given().get("/api/files/" + forged).then().statusCode(403);
    RestAssured.given().get("/api/files/garbage").then().statusCode(403);

    // expired after five minutes
    TestClock.advance(Duration.ofMinutes(5).plusSeconds(1));
    RestAssured.given().get(url).then().statusCode(403);
  }

  @Test
  void whoMayReadWhatInEachState() {
    DocumentFixture f = new DocumentFixture("quyền");
    long open = f.uploadPdf(TestPdfs.pages(2, "Chung"), "chung.pdf");
    long named = f.uploadPdf(TestPdfs.pages(2, "Rieng"), "rieng.pdf");
    // restricted to the second delegate
    JsonPath nd =
        Api.as(f.secretary.token())
            .get("/api/documents/" + named)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Api.as(f.secretary.token())
        .body(
            Map.of(
                "title",
                "Tài liệu riêng",
                "audience",
                "NAMED",
                "readerIds",
                List.of(f.delegate(1).id()),
                "confidential",
                false,
                "position",
                1,
                "version",
                nd.getLong("document.version")))
        .put("/api/documents/" + named)
        .then()
        .statusCode(200)
        .body("readers", hasSize(1));
    // an item added after the agenda was published: its document waits for the next publication
    long newItem =
        Api.as(f.secretary.token())
            .body(Map.of("title", "Mục chưa công bố", "plannedMinutes", 10))
            .post(f.base + "/agenda/items")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    long unpublished = f.uploadPdf(TestPdfs.pages(1, "Chua"), "chua.pdf", "itemId", newItem);

    assertEquals(List.of(open), ids(f.delegate(0).token(), f.base));
    assertEquals(List.of(open, named), ids(f.delegate(1).token(), f.base));
    assertEquals(List.of(open, named, unpublished), ids(f.secretary.token(), f.base));
    assertEquals(3, ids(f.chair.token(), f.base).size());
    Api.as(f.delegate(0).token())
        .body(Map.of("kind", "PDF"))
        .post("/api/documents/" + named + "/link")
        .then()
        .statusCode(403);
    Api.as(f.delegate(0).token())
        .body(Map.of("kind", "PDF"))
        .post("/api/documents/" + unpublished + "/link")
        .then()
        .statusCode(403);
    Api.as(f.outsider.token()).get(f.base + "/documents").then().statusCode(403);
    Api.as(f.outsider.token())
        .body(Map.of("kind", "PDF"))
        .post("/api/documents/" + open + "/link")
        .then()
        .statusCode(403);
    Api.as(f.outsider.token())
        .get("/api/documents/" + open + "/versions/1/annotations")
        .then()
        .statusCode(403);
    // delegates may not upload, change or withdraw
    f.upload(f.delegate(0).token(), TestPdfs.pages(1, "x"), "x.pdf", "application/pdf")
        .then()
        .statusCode(403);
    Api.as(f.delegate(0).token()).delete("/api/documents/" + open).then().statusCode(403);

    Api.as(f.secretary.token()).post(f.base + "/agenda/publish").then().statusCode(200);
    assertEquals(List.of(open, unpublished), ids(f.delegate(0).token(), f.base));

    // through to the archive: still readable, no longer changed or annotated
    Api.as(f.chair.token()).post(f.base + "/start").then().statusCode(200);
    Api.as(f.chair.token()).post(f.base + "/end").then().statusCode(200);
    vn.hopso.support.MoreApi.publishMinutes(f.base, f.secretary.token(), f.chair.token());
    Api.as(f.secretary.token()).post(f.base + "/archive").then().statusCode(200);
    assertEquals(List.of(open, unpublished), ids(f.delegate(0).token(), f.base));
    link(f.delegate(0).token(), open, "PDF");
    f.upload(f.secretary.token(), TestPdfs.pages(1, "y"), "y.pdf", "application/pdf")
        .then()
        .statusCode(409);
    Api.as(f.delegate(0).token())
        .body(note(open, 1, 1, "Muộn"))
        .put("/api/annotations/" + UUID.randomUUID())
        .then()
        .statusCode(409);
    Api.as(f.secretary.token()).delete("/api/documents/" + open).then().statusCode(409);
  }

  static List<Long> ids(String token, String base) {
    return Api.as(token)
        .get(base + "/documents")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("documents.id", Long.class);
  }

  static Map<String, Object> note(long doc, int version, int page, String text) {
    return Map.of(
        "documentId",
        doc,
        "version",
        version,
        "kind",
        "NOTE",
        "page",
        page,
        "color",
        "#ffd400",
        "rects",
        List.of(List.of(0.1, 0.1, 0.05, 0.05)),
        "note",
        text,
        "sharing",
        "PRIVATE");
  }

  @Test
  void aConfidentialDocumentReachesEachReaderAsTheirOwnMarkedCopy() throws Exception {
    DocumentFixture f = new DocumentFixture("mật");
    byte[] pdf = TestPdfs.pages(3, "Mat");
    long doc = f.uploadPdf(pdf, "mat.pdf", "confidential", "true");
    Someone hang = f.delegate(0);
    JsonPath link = link(hang.token(), doc, "PDF");
    assertTrue(link.getBoolean("watermarked"));
    byte[] copy = fetch(link.getString("url"));
    assertNotEquals(DocumentFixture.sha256(pdf), DocumentFixture.sha256(copy));
    assertEquals(link.getString("sha256"), DocumentFixture.sha256(copy));
    try (PDDocument d = Loader.loadPDF(copy)) {
      assertEquals(3, d.getNumberOfPages());
      for (int p = 1; p <= 3; p++) {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(p);
        s.setEndPage(p);
        String text = java.text.Normalizer.normalize(s.getText(d), java.text.Normalizer.Form.NFC);
        assertTrue(text.contains("Nguyễn Thị Hằng"), "page " + p + ": " + text);
      }
    }
    // made once: the second link serves the same copy
    assertEquals(link.getString("sha256"), link(hang.token(), doc, "PDF").getString("sha256"));
    // another reader gets another copy
    assertNotEquals(
        link.getString("sha256"), link(f.delegate(1).token(), doc, "PDF").getString("sha256"));
    // never the original to a delegate, always to the secretary
    Api.as(hang.token())
        .body(Map.of("kind", "ORIGINAL"))
        .post("/api/documents/" + doc + "/link")
        .then()
        .statusCode(403);
    JsonPath original = link(f.secretary.token(), doc, "ORIGINAL");
    assertArrayEquals(pdf, fetch(original.getString("url")));
    // no thumbnail of a confidential page for delegates
    JsonPath list = Api.as(hang.token()).get(f.base + "/documents").then().extract().jsonPath();
    assertEquals(null, list.getString("documents[0].thumbnailUrl"));
    // every opening is audited
    List<String> actions =
        Api.as(f.admin)
            .queryParam("size", 200)
            .get("/api/audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.findAll { it.target == 'document:" + doc + "' }.action", String.class);
    assertTrue(actions.stream().filter("document.opened"::equals).count() >= 3, actions::toString);
  }

  @Test
  void newVersionsKeepTheOldOnesAndCarryNotesOnUnchangedPages() throws Exception {
    DocumentFixture f = new DocumentFixture("phiên bản");
    byte[] v1 = TestPdfs.of("Mot", "Hai", "Ba");
    long doc = f.uploadPdf(v1, "du-thao.pdf");
    Someone d = f.delegate(0);
    Api.as(d.token())
        .body(Map.of("pages", List.of(1, 2)))
        .post("/api/documents/" + doc + "/versions/1/receipt")
        .then()
        .statusCode(204);
    String onTwo = UUID.randomUUID().toString();
    String onThree = UUID.randomUUID().toString();
    Api.as(d.token())
        .body(note(doc, 1, 2, "Trang hai"))
        .put("/api/annotations/" + onTwo)
        .then()
        .statusCode(200);
    Api.as(d.token())
        .body(note(doc, 1, 3, "Trang ba"))
        .put("/api/annotations/" + onThree)
        .then()
        .statusCode(200);

    // page 2 unchanged but moved to 3; page 3 changed
    byte[] v2 = TestPdfs.of("Mot", "Moi chen", "Hai", "Ba da sua");
    Response r =
        Api.as(f.secretary.token())
            .contentType("application/pdf")
            .queryParam("fileName", "du-thao-2.pdf")
            .queryParam("note", "Sửa mục 3")
            .queryParam("baseVersion", 1)
            .body(v2)
            .post("/api/documents/" + doc + "/versions");
    r.then()
        .statusCode(201)
        .body("current.number", equalTo(2))
        .body("current.note", equalTo("Sửa mục 3"));
    // based on an old version: refused
    Api.as(f.secretary.token())
        .contentType("application/pdf")
        .queryParam("fileName", "cu.pdf")
        .queryParam("baseVersion", 1)
        .body(v1)
        .post("/api/documents/" + doc + "/versions")
        .then()
        .statusCode(409)
        .body("code", equalTo("document.stale-version"));

    JsonPath mine = Api.as(d.token()).get(f.base + "/documents").then().extract().jsonPath();
    assertTrue(mine.getBoolean("documents[0].changedSinceRead"));
    assertEquals(1, mine.getInt("documents[0].myReading.version"));
    List<Map<String, Object>> carried =
        Api.as(d.token())
            .get("/api/documents/" + doc + "/versions/2/annotations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertEquals(1, carried.size(), carried::toString);
    assertEquals(3, carried.get(0).get("page"));
    assertEquals(onTwo, carried.get(0).get("carriedFrom"));
    // both versions remain, the old bytes unchanged
    JsonPath detail = Api.as(d.token()).get("/api/documents/" + doc).then().extract().jsonPath();
    assertEquals(List.of(2, 1), detail.getList("versions.number", Integer.class));
    JsonPath old =
        Api.as(d.token())
            .body(Map.of("kind", "PDF", "version", 1))
            .post("/api/documents/" + doc + "/link")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertArrayEquals(v1, fetch(old.getString("url")));
  }

  @Test
  void annotationsAreIdempotentPersonalOrSharedAndGoIntoMyCopy() throws Exception {
    DocumentFixture f = new DocumentFixture("ghi chú");
    long doc = f.uploadPdf(TestPdfs.pages(4, "Ghi"), "ghi.pdf");
    Someone a = f.delegate(0);
    Someone b = f.delegate(1);
    String id = UUID.randomUUID().toString();
    Map<String, Object> highlight =
        Map.of(
            "documentId",
            doc,
            "version",
            1,
            "kind",
            "HIGHLIGHT",
            "page",
            2,
            "color",
            "#ffd400",
            "rects",
            List.of(List.of(0.1, 0.2, 0.5, 0.03)),
            "sharing",
            "PRIVATE");
    Api.as(a.token()).body(highlight).put("/api/annotations/" + id).then().statusCode(200);
    Api.as(a.token()).body(highlight).put("/api/annotations/" + id).then().statusCode(200);
    Api.as(a.token())
        .body(note(doc, 1, 1, "Cần hỏi lại số liệu"))
        .put("/api/annotations/" + UUID.randomUUID())
        .then()
        .statusCode(200);
    Map<String, Object> ink =
        Map.of(
            "documentId",
            doc,
            "version",
            1,
            "kind",
            "INK",
            "page",
            3,
            "paths",
            List.of(List.of(List.of(0.1, 0.1), List.of(0.2, 0.15), List.of(0.3, 0.1))),
            "sharing",
            "PARTICIPANTS");
    String inkId = UUID.randomUUID().toString();
    Api.as(a.token()).body(ink).put("/api/annotations/" + inkId).then().statusCode(200);
    assertEquals(3, annotations(a.token(), doc).size());
    // b sees only the shared ink, and may not change it
    List<Map<String, Object>> bs = annotations(b.token(), doc);
    assertEquals(1, bs.size());
    assertEquals(inkId, bs.get(0).get("id"));
    assertEquals(false, bs.get(0).get("mine"));
    Api.as(b.token()).body(ink).put("/api/annotations/" + inkId).then().statusCode(403);
    Api.as(b.token()).delete("/api/annotations/" + inkId).then().statusCode(403);
    // bad input: a point off the page, a page past the end, an id that is no UUID
    Map<String, Object> off = new java.util.HashMap<>(highlight);
    off.put("rects", List.of(List.of(0.9, 0.9, 0.5, 0.5)));
    Api.as(a.token())
        .body(off)
        .put("/api/annotations/" + UUID.randomUUID())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("rects"));
    Map<String, Object> far = new java.util.HashMap<>(highlight);
    far.put("page", 5);
    Api.as(a.token()).body(far).put("/api/annotations/" + UUID.randomUUID()).then().statusCode(400);
    Api.as(a.token()).body(highlight).put("/api/annotations/not-a-uuid").then().statusCode(400);
    // deleting twice is fine and leaves a tombstone for a's other devices
    Api.as(a.token()).delete("/api/annotations/" + id).then().statusCode(204);
    Api.as(a.token()).delete("/api/annotations/" + id).then().statusCode(204);
    List<Map<String, Object>> after = annotations(a.token(), doc);
    assertEquals(
        true,
        after.stream()
            .filter(x -> x.get("id").equals(id))
            .findFirst()
            .orElseThrow()
            .get("deleted"));

    byte[] annotated =
        Api.as(a.token())
            .get("/api/documents/" + doc + "/versions/1/annotated")
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .extract()
            .asByteArray();
    try (PDDocument d = Loader.loadPDF(annotated)) {
      List<String> kinds = new java.util.ArrayList<>();
      for (int p = 0; p < d.getNumberOfPages(); p++) {
        for (PDAnnotation an : d.getPage(p).getAnnotations()) {
          kinds.add((p + 1) + ":" + an.getSubtype());
        }
      }
      assertTrue(kinds.contains("1:Text"), kinds::toString);
      assertTrue(kinds.contains("3:Ink"), kinds::toString);
      assertFalse(kinds.contains("2:Highlight"), kinds::toString); // deleted
    }
  }

  static List<Map<String, Object>> annotations(String token, long doc) {
    return Api.as(token)
        .get("/api/documents/" + doc + "/versions/1/annotations")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  @Test
  void theSecretarySeesWhoHasNotOpenedWhatAndRemindsThem() {
    DocumentFixture f = new DocumentFixture("đọc");
    long one = f.uploadPdf(TestPdfs.pages(5, "Mot"), "mot.pdf");
    long two = f.uploadPdf(TestPdfs.pages(2, "Hai"), "hai.pdf");
    Api.as(f.delegate(0).token())
        .body(Map.of("pages", List.of(1, 2, 3)))
        .post("/api/documents/" + one + "/versions/1/receipt")
        .then()
        .statusCode(204);
    Api.as(f.delegate(0).token())
        .body(Map.of("pages", List.of(3, 4)))
        .post("/api/documents/" + one + "/versions/1/receipt")
        .then()
        .statusCode(204);
    Api.as(f.delegate(0).token())
        .body(Map.of("pages", List.of(9)))
        .post("/api/documents/" + one + "/versions/1/receipt")
        .then()
        .statusCode(400);
    Api.as(f.delegate(0).token()).get(f.base + "/documents/receipts").then().statusCode(403);
    JsonPath t =
        Api.as(f.secretary.token())
            .get(f.base + "/documents/receipts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(one, two), t.getList("documents.documentId", Long.class));
    Map<String, Object> hang = t.getMap("people.find { it.name == 'Nguyễn Thị Hằng' }");
    assertNotNull(hang);
    assertEquals(1, hang.get("unopened"));
    List<Map<String, Object>> cells = (List<Map<String, Object>>) hang.get("cells");
    assertEquals("OPENED", cells.get(0).get("state"));
    assertEquals(4, cells.get(0).get("pagesSeen"));
    assertEquals("UNOPENED", cells.get(1).get("state"));
    int reminded =
        Api.as(f.secretary.token())
            .body(Map.of())
            .post(f.base + "/documents/remind")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getInt("people");
    assertEquals(4, reminded); // the three delegates and the chair; not the secretary
    List<String> titles =
        Api.as(f.delegate(1).token())
            .get("/api/notifications")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.title", String.class);
    assertTrue(titles.stream().anyMatch(x -> x.startsWith("Nhắc đọc tài liệu")), titles::toString);
  }

  @Test
  void theOfflinePackListsEveryReadableFileWithHashesAndOneFingerprint() {
    DocumentFixture f = new DocumentFixture("gói");
    byte[] a = TestPdfs.pages(3, "A");
    byte[] b = TestPdfs.pages(2, "B");
    f.uploadPdf(a, "a.pdf", "itemId", f.items.get(1));
    f.uploadPdf(b, "b.pdf");
    JsonPath p1 =
        Api.as(f.delegate(0).token())
            .get(f.base + "/pack")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath p2 =
        Api.as(f.delegate(1).token())
            .get(f.base + "/pack")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(2, p1.getList("files").size());
    assertEquals(a.length + b.length, p1.getLong("totalBytes"));
    assertEquals(p1.getString("fingerprint"), p2.getString("fingerprint"));
    assertEquals(2, p1.getList("agenda.items").size()); // the published agenda travels with it
    // meeting documents first, then by agenda order
    assertEquals(List.of("b.pdf", "a.pdf"), p1.getList("files.fileName"));
    for (int i = 0; i < 2; i++) {
      byte[] got = fetch(p1.getString("files[" + i + "].url"));
      assertEquals(p1.getString("files[" + i + "].sha256"), DocumentFixture.sha256(got));
    }
    Api.as(f.outsider.token()).get(f.base + "/pack").then().statusCode(403);
  }

  @Test
  void badFilesAreRefusedClearly() {
    DocumentFixture f = new DocumentFixture("lỗi");
    f.upload(f.secretary.token(), "just text".getBytes(), "ghi-chu.txt", "application/octet-stream")
        .then()
        .statusCode(415)
        .body("code", equalTo("document.unsupported"))
        .body("errors[0].field", equalTo("file"));
    f.upload(f.secretary.token(), new byte[0], "rong.pdf", "application/pdf")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("file"));
    byte[] broken = Arrays.copyOf(TestPdfs.pages(3, "x"), 300);
    f.upload(f.secretary.token(), broken, "hong.pdf", "application/pdf")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("file"))
        .body("errors[0].code", equalTo("document.bad-pdf"));
    Api.as(f.secretary.token())
        .contentType("application/pdf")
        .body(TestPdfs.pages(1, "x"))
        .post(f.base + "/documents")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("fileName"));
    f.upload(f.secretary.token(), TestPdfs.pages(1, "x"), "x.pdf", "text/html")
        .then()
        .statusCode(415);
    f.upload(
            f.secretary.token(),
            TestPdfs.pages(1, "x"),
            "x.pdf",
            "application/pdf",
            "itemId",
            999999999)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("itemId"));
    // Vietnamese first
    f.upload(f.secretary.token(), "just text".getBytes(), "a.txt", "application/octet-stream")
        .then()
        .body("detail", org.hamcrest.Matchers.containsString("Chỉ nhận tệp PDF"));
    // nothing half-made is listed
    assertEquals(List.of(), ids(f.secretary.token(), f.base));
  }

  @Test
  void aJpegScanBecomesAOnePagePdf() throws Exception {
    DocumentFixture f = new DocumentFixture("ảnh");
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(600, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "jpg", out);
    JsonPath up =
        f.upload(f.secretary.token(), out.toByteArray(), "Ảnh chụp công văn.jpg", "image/jpeg")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    assertEquals("CONVERTED", up.getString("current.conversion"));
    assertEquals(1, up.getInt("current.pages"));
    assertTrue(up.getBoolean("current.hasPdf"));
    byte[] pdf = fetch(link(f.delegate(0).token(), up.getLong("id"), "PDF").getString("url"));
    assertTrue(new String(pdf, 0, 5).startsWith("%PDF"));
  }

  @Test
  void aWordFileIsConvertedToPdfAndItsOriginalKept() throws Exception {
    DocumentFixture f = new DocumentFixture("word");
    java.nio.file.Path docx =
        OfficeConverterTest.docx(
            java.nio.file.Files.createTempDirectory("docx-").resolve("Tờ trình.docx"),
            "Tờ trình về kế hoạch phát triển kinh tế – xã hội năm 2027",
            "Đồng bằng sông Cửu Long");
    byte[] bytes = java.nio.file.Files.readAllBytes(docx);
    JsonPath up =
        f.upload(
                f.secretary.token(),
                bytes,
                "Tờ trình.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "itemId",
                f.items.get(0))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    boolean office =
        Api.as(f.secretary.token())
            .get(f.base + "/documents")
            .then()
            .extract()
            .jsonPath()
            .getBoolean("officeConversion");
    if (!office) {
      // no LibreOffice on this machine: the original is kept and the secretary is told so
      assertEquals("UNAVAILABLE", up.getString("current.conversion"));
      assertTrue(up.getString("current.conversionText").contains("LibreOffice"));
      org.junit.jupiter.api.Assumptions.abort(
          "LibreOffice (soffice) is not installed: ./hopso test installs libreoffice-writer-nogui");
    }
    assertEquals("CONVERTED", up.getString("current.conversion"), up.prettify());
    assertEquals("Tờ trình", up.getString("title"));
    long doc = up.getLong("id");
    byte[] pdf = fetch(link(f.delegate(0).token(), doc, "PDF").getString("url"));
    try (PDDocument d = Loader.loadPDF(pdf)) {
      String text =
          java.text.Normalizer.normalize(
              new PDFTextStripper().getText(d), java.text.Normalizer.Form.NFC);
      assertTrue(text.contains("Đồng bằng sông Cửu Long"), text);
    }
    JsonPath original = link(f.delegate(0).token(), doc, "ORIGINAL");
    assertEquals("Tờ trình.docx", original.getString("fileName"));
    assertArrayEquals(bytes, fetch(original.getString("url")));
  }
}
