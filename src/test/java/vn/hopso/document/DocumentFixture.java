package vn.hopso.document;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import vn.hopso.meeting.MeetingFixture;
import vn.hopso.meeting.MeetingFixture.Someone;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;

/**
 * A scheduled meeting with a secretary, a chair, three delegates and an outsider, two agenda items
 * (the first published), for the document tests.
 */
final class DocumentFixture {
  final String admin;
  final Someone secretary;
  final Someone chair;
  final List<Someone> delegates = new ArrayList<>();
  final Someone outsider;
  final long meeting;
  final List<Long> items = new ArrayList<>();
  final String base;

  DocumentFixture(String tag) {
    admin = Api.admin();
    long unit = MoreApi.province(admin, "Tỉnh Tài Liệu " + tag);
    secretary = MeetingFixture.quiet(admin, "Thư Ký Tài Liệu", "SECRETARY");
    chair = MeetingFixture.quiet(admin, "Chủ Trì Tài Liệu", "CHAIR");
    for (String name : List.of("Nguyễn Thị Hằng", "Trần Văn Đức", "Lê Thị Ánh")) {
      delegates.add(MeetingFixture.quiet(admin, name, "DELEGATE"));
    }
    outsider = MeetingFixture.quiet(admin, "Người Ngoài Cuộc", "DELEGATE");
    Instant start = Instant.now().plus(Duration.ofMinutes(30));
    meeting =
        MeetingFixture.create(
            secretary.token(),
            MeetingFixture.meetingBody(
                "Họp về tài liệu " + tag,
                unit,
                chair.id(),
                secretary.id(),
                start,
                start.plus(Duration.ofHours(2))));
    base = "/api/meetings/" + meeting;
    MeetingFixture.inviteDelegates(secretary.token(), meeting, delegates);
    items.addAll(
        MeetingFixture.agenda(
            secretary.token(), meeting, List.of("Báo cáo kinh tế - xã hội", "Dự toán ngân sách")));
    Api.as(secretary.token()).post(base + "/agenda/publish").then().statusCode(200);
    Api.as(secretary.token()).post(base + "/schedule").then().statusCode(200);
  }

  Someone delegate(int i) {
    return delegates.get(i);
  }

  /** Uploads bytes as a new document; answers the raw response. */
  Response upload(
      String token, byte[] bytes, String fileName, String contentType, Object... query) {
    var req = Api.as(token).contentType(contentType).queryParam("fileName", fileName).body(bytes);
    for (int i = 0; i + 1 < query.length; i += 2) {
      req = req.queryParam((String) query[i], query[i + 1]);
    }
    return req.post(base + "/documents");
  }

  long uploadPdf(byte[] bytes, String fileName, Object... query) {
    return upload(secretary.token(), bytes, fileName, "application/pdf", query)
        .then()
        .statusCode(201)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
