package vn.hopso.meeting;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hopso.meeting.MeetingFixture.Ics;
import vn.hopso.meeting.MeetingFixture.Someone;
import vn.hopso.notify.OutboxSender;
import vn.hopso.notify.ReminderJob;
import vn.hopso.org.DemoProvince;
import vn.hopso.support.Api;
import vn.hopso.support.MessagingResource;
import vn.hopso.support.TestClock;

/** The secretary's work end to end, with real SMTP (GreenMail) and a recording SMS gateway. */
@QuarkusTest
@QuarkusTestResource(MessagingResource.class)
class MeetingFlowTest {
  @Inject OutboxSender outbox;
  @Inject ReminderJob reminders;
  @Inject DemoProvince demo;

  String admin;
  Someone secretary;
  Someone chair;
  long unit;
  String title;

  @BeforeEach
  void setUp() {
    admin = Api.admin();
    unit = Api.unit(admin, Api.unique("MT"), "Tỉnh Họp Thử", "PROVINCE", null);
    secretary = MeetingFixture.someone(admin, "Trần Thị Thư Ký", "SECRETARY");
    chair = MeetingFixture.someone(admin, "Đỗ Minh Chủ Trì", "CHAIR", "DELEGATE");
    title = "Họp giao ban " + Api.unique("tuần");
  }

  private long meetingIn(Duration from, Duration length) {
    Instant start = Instant.now().plus(from);
    return MeetingFixture.create(
        secretary.token(),
        MeetingFixture.meetingBody(
            title, unit, chair.id(), secretary.id(), start, start.plus(length)));
  }

  /** The secretary invites {@code people} with {@code role}; answers the checked response. */
  private io.restassured.response.ValidatableResponse invite(
      long meeting, String role, Someone... people) {
    return Api.as(secretary.token())
        .body(
            Map.of(
                "participants",
                java.util.Arrays.stream(people)
                    .map(p -> Map.of("personId", p.id(), "role", role))
                    .toList()))
        .post("/api/meetings/" + meeting + "/participants")
        .then()
        .statusCode(200);
  }

  private long participantId(long meeting, long personId) {
    return Api.as(secretary.token())
        .queryParam("size", 500)
        .get("/api/meetings/" + meeting + "/participants")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("items.find { it.personId == " + personId + " }.id");
  }

  @Test
  void planInviteScheduleAndTellEveryone() throws Exception {
    Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
    long id =
        MeetingFixture.create(
            secretary.token(),
            MeetingFixture.meetingBody(
                title, unit, chair.id(), secretary.id(), start, start.plus(Duration.ofHours(3))));
    Api.as(secretary.token())
        .get("/api/meetings/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("DRAFT"))
        .body("participantCount", equalTo(2))
        .body("capabilities.canManage", equalTo(true))
        .body("capabilities.canEdit", equalTo(true))
        .body("capabilities.canCheckIn", equalTo(false));

    Someone d1 = MeetingFixture.someone(admin, "Nguyễn Văn An", "DELEGATE");
    Someone d2 = MeetingFixture.someone(admin, "Lê Thị Bình", "DELEGATE");
    invite(id, "DELEGATE", d1, d2)
        .body("", hasSize(2))
        .body("voting", equalTo(List.of(true, true)));
    // invited twice: refused, naming the entry
    Api.as(secretary.token())
        .body(Map.of("participants", List.of(Map.of("personId", d1.id(), "role", "DELEGATE"))))
        .post("/api/meetings/" + id + "/participants")
        .then()
        .statusCode(409)
        .body("errors[0].field", equalTo("participants[0].personId"));
    // a delegate who is not invited does not see the draft
    Someone outsider = MeetingFixture.someone(admin, "Phạm Văn Ngoài", "DELEGATE");
    Api.as(outsider.token()).get("/api/meetings/" + id).then().statusCode(403);
    Api.as(d1.token()).get("/api/meetings/" + id).then().statusCode(403); // still a draft
    Api.as(d1.token())
        .body(MeetingFixture.meetingBody("x", unit, chair.id(), null, start, start.plusSeconds(60)))
        .post("/api/meetings")
        .then()
        .statusCode(403);

    MessagingResource.SMS.clear();
    Api.as(secretary.token())
        .post("/api/meetings/" + id + "/schedule")
        .then()
        .statusCode(200)
        .body("status", equalTo("SCHEDULED"));
    outbox.sendDue();

    List<MimeMessage> invites = MeetingFixture.mailsTo(d1.email(), title);
    assertEquals(1, invites.size(), "one invitation for An");
    MimeMessage invite = invites.get(0);
    assertTrue(invite.getSubject().startsWith("[HopSo] Giấy mời họp"), invite.getSubject());
    String text = MeetingFixture.text(invite);
    assertTrue(text.contains("Kính gửi đồng chí Nguyễn Văn An"), text);
    assertTrue(text.contains("Hội trường 301, UBND tỉnh"), text);
    assertTrue(text.contains("/meetings/" + id), text);
    Ics ics = MeetingFixture.calendar(invite);
    assertNotNull(ics, "calendar attachment");
    assertTrue(ics.contentType().toLowerCase().contains("method=request"), ics.contentType());
    assertEquals("REQUEST", MeetingFixture.prop(ics, null, "METHOD"));
    String uid = MeetingFixture.prop(ics, "VEVENT", "UID");
    assertEquals("0", MeetingFixture.prop(ics, "VEVENT", "SEQUENCE"));
    // the instant is right whatever the zone: 2026…T…Z in UTC
    assertEquals(start, Instant.parse(toIso(MeetingFixture.prop(ics, "VEVENT", "DTSTART"))));
    assertTrue(ics.raw().contains("ATTENDEE"), ics.raw());
    assertTrue(ics.raw().contains("mailto:" + d1.email()), ics.raw());

    // SMS: through the gateway, with its credentials, Vietnamese without diacritics
    // chair, secretary and both delegates have a phone: four messages for this meeting
    String plainTitle = vn.hopso.common.VietnameseText.stripMarks(title);
    var sms = MessagingResource.SMS.stream().filter(r -> r.body().contains(plainTitle)).toList();
    assertEquals(4, sms.size(), MessagingResource.SMS.toString());
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    "hopso:sms-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (var r : sms) {
      assertEquals(basic, r.authorization());
      assertTrue(r.body().contains("[HopSo] Moi hop: " + plainTitle), r.body());
      assertTrue(r.body().chars().allMatch(c -> c < 128), "no diacritics: " + r.body());
    }

    // in-app: the bell counts it
    Api.as(d1.token()).get("/api/notifications/unread-count").then().body("unread", equalTo(1));
    Api.as(d1.token())
        .get("/api/notifications")
        .then()
        .body("items[0].kind", equalTo("INVITATION"))
        .body("items[0].meetingId", equalTo((int) id));
    // the invited delegate now sees it in "my meetings" and answers
    Api.as(d1.token()).get("/api/meetings").then().body("items.id", hasItem((int) id));
    Api.as(d1.token())
        .body(Map.of("response", "ACCEPTED"))
        .post("/api/meetings/" + id + "/response")
        .then()
        .statusCode(200)
        .body("response", equalTo("ACCEPTED"));
    Api.as(secretary.token())
        .get("/api/meetings/" + id + "/participants")
        .then()
        .body("items.find { it.personId == " + d1.id() + " }.response", equalTo("ACCEPTED"))
        .body("items.find { it.personId == " + d1.id() + " }.email", equalTo("SENT"));

    // postponed: same UID, SEQUENCE 1, the new time
    Instant later = start.plus(Duration.ofDays(1));
    Api.as(secretary.token())
        .body(
            Map.of(
                "startsAt",
                later.toString(),
                "endsAt",
                later.plus(Duration.ofHours(2)).toString(),
                "reason",
                "Trùng lịch làm việc với Trung ương"))
        .post("/api/meetings/" + id + "/postpone")
        .then()
        .statusCode(200)
        .body("postponements", equalTo(1))
        .body("history[0].kind", equalTo("POSTPONED"));
    outbox.sendDue();
    List<MimeMessage> updates = MeetingFixture.mailsTo(d1.email(), "Thay đổi lịch họp");
    assertEquals(1, updates.size());
    Ics updated = MeetingFixture.calendar(updates.get(0));
    assertEquals(uid, MeetingFixture.prop(updated, "VEVENT", "UID"));
    assertEquals("1", MeetingFixture.prop(updated, "VEVENT", "SEQUENCE"));
    assertEquals(later, Instant.parse(toIso(MeetingFixture.prop(updated, "VEVENT", "DTSTART"))));
    assertTrue(MeetingFixture.text(updates.get(0)).contains("Trùng lịch làm việc"));

    // cancelled: METHOD:CANCEL, SEQUENCE 2, STATUS:CANCELLED
    Api.as(secretary.token())
        .body(Map.of("reason", "Không còn cần thiết"))
        .post("/api/meetings/" + id + "/cancel")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    outbox.sendDue();
    List<MimeMessage> cancels = MeetingFixture.mailsTo(d2.email(), "Hủy cuộc họp");
    assertEquals(1, cancels.size());
    Ics cancel = MeetingFixture.calendar(cancels.get(0));
    assertEquals("CANCEL", MeetingFixture.prop(cancel, null, "METHOD"));
    assertEquals(uid, MeetingFixture.prop(cancel, "VEVENT", "UID"));
    assertEquals("2", MeetingFixture.prop(cancel, "VEVENT", "SEQUENCE"));
    assertEquals("CANCELLED", MeetingFixture.prop(cancel, "VEVENT", "STATUS"));
    // nothing more can happen to a cancelled meeting
    Api.as(secretary.token())
        .post("/api/meetings/" + id + "/schedule")
        .then()
        .statusCode(409)
        .body("code", equalTo("meeting.wrong-state"))
        .body("params.status", equalTo("CANCELLED"));
  }

  private static String toIso(String icalUtc) {
    // 20261125T013000Z → 2026-11-25T01:30:00Z
    return icalUtc.substring(0, 4)
        + "-"
        + icalUtc.substring(4, 6)
        + "-"
        + icalUtc.substring(6, 8)
        + "T"
        + icalUtc.substring(9, 11)
        + ":"
        + icalUtc.substring(11, 13)
        + ":"
        + icalUtc.substring(13, 15)
        + "Z";
  }

  @Test
  void badInputIsRefusedAndNothingIsHalfSaved() {
    Instant start = Instant.now().plus(Duration.ofDays(2));
    var body =
        MeetingFixture.meetingBody(
            title, unit, chair.id(), secretary.id(), start, start.minusSeconds(60));
    Api.as(secretary.token())
        .body(body)
        .post("/api/meetings")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("endsAt"));
    body =
        MeetingFixture.meetingBody(
            title, unit, chair.id(), secretary.id(), start, start.plusSeconds(3600));
    body.remove("place");
    Api.as(secretary.token())
        .body(body)
        .post("/api/meetings")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("place"));
    body =
        MeetingFixture.meetingBody(
            title, unit, 987654321L, secretary.id(), start, start.plusSeconds(3600));
    Api.as(secretary.token())
        .body(body)
        .post("/api/meetings")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("chairId"));
    Api.as(secretary.token())
        .queryParam("q", title)
        .queryParam("scope", "all")
        .get("/api/meetings")
        .then()
        .body("total", equalTo(0));

    long id = meetingIn(Duration.ofDays(2), Duration.ofHours(2));
    // transitions out of order
    Api.as(secretary.token()).post("/api/meetings/" + id + "/start").then().statusCode(409);
    Api.as(secretary.token()).post("/api/meetings/" + id + "/end").then().statusCode(409);
    Api.as(secretary.token()).post("/api/meetings/" + id + "/archive").then().statusCode(409);
    Api.as(secretary.token())
        .body(Map.of("reason", " "))
        .post("/api/meetings/" + id + "/cancel")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("reason"));
    // the chair cannot be removed
    Api.as(secretary.token())
        .delete("/api/meetings/" + id + "/participants/" + participantId(id, chair.id()))
        .then()
        .statusCode(409)
        .body("code", equalTo("meeting.chair-not-removable"));
    // an unknown endpoint in a bulk invite adds nothing
    Api.as(admin).queryParam("size", 1).get("/api/endpoints").then().statusCode(200);
    Api.as(secretary.token())
        .body(Map.of("endpointIds", List.of(999999999L)))
        .post("/api/meetings/" + id + "/endpoints")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("endpointIds"));
    Api.as(secretary.token())
        .get("/api/meetings/" + id + "/endpoints")
        .then()
        .body("items", hasSize(0));
    // a scheduled meeting starts only near its time
    Api.as(secretary.token()).post("/api/meetings/" + id + "/schedule").then().statusCode(200);
    Api.as(chair.token())
        .post("/api/meetings/" + id + "/start")
        .then()
        .statusCode(409)
        .body("code", equalTo("meeting.not-yet"));
  }

  @Test
  void proxiesHaveNoChainsNorCycles() {
    long id = meetingIn(Duration.ofDays(1), Duration.ofHours(2));
    Someone a = MeetingFixture.someone(admin, "Vũ Văn A", "DELEGATE");
    Someone b = MeetingFixture.someone(admin, "Vũ Văn B", "DELEGATE");
    Someone c = MeetingFixture.someone(admin, "Vũ Văn C", "DELEGATE");
    Someone o = MeetingFixture.someone(admin, "Vũ Văn Quan Sát", "OBSERVER");
    invite(id, "DELEGATE", a, b, c);
    invite(id, "OBSERVER", o);
    Api.as(secretary.token()).post("/api/meetings/" + id + "/schedule").then().statusCode(200);
    long pa = participantId(id, a.id());
    long pb = participantId(id, b.id());
    long pc = participantId(id, c.id());
    long po = participantId(id, o.id());
    String base = "/api/meetings/" + id + "/participants/";
    Api.as(a.token())
        .body(Map.of("toParticipantId", pa))
        .put(base + pa + "/proxy")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("toParticipantId"));
    Api.as(a.token())
        .body(Map.of("toParticipantId", po))
        .put(base + pa + "/proxy")
        .then()
        .statusCode(400); // observers have no vote to receive
    Api.as(o.token())
        .body(Map.of("toParticipantId", pa))
        .put(base + po + "/proxy")
        .then()
        .statusCode(403); // nor to give
    Api.as(b.token())
        .body(Map.of("toParticipantId", pc))
        .put(base + pa + "/proxy")
        .then()
        .statusCode(403); // only the giver (or the secretary)
    Api.as(a.token())
        .body(Map.of("toParticipantId", pb))
        .put(base + pa + "/proxy")
        .then()
        .statusCode(200)
        .body("proxyToId", equalTo((int) pb));
    // B holds A's vote: B cannot pass it on (chain), and C cannot give to A (A gave hers away)
    Api.as(b.token())
        .body(Map.of("toParticipantId", pc))
        .put(base + pb + "/proxy")
        .then()
        .statusCode(400)
        .body("errors[0].code", equalTo("meeting.proxy.pass-on"));
    Api.as(c.token())
        .body(Map.of("toParticipantId", pa))
        .put(base + pc + "/proxy")
        .then()
        .statusCode(400)
        .body("errors[0].code", equalTo("meeting.proxy.chain"));
    // B cannot give back to A (a cycle)
    Api.as(b.token())
        .body(Map.of("toParticipantId", pa))
        .put(base + pb + "/proxy")
        .then()
        .statusCode(400);
    Api.as(secretary.token())
        .get("/api/meetings/" + id + "/participants")
        .then()
        .body(
            "items.find { it.id == " + pb + " }.proxiesHeld.fullName",
            equalTo(List.of("Vũ Văn A")));
    Api.as(a.token())
        .delete(base + pa + "/proxy")
        .then()
        .statusCode(200)
        .body("proxyToId", equalTo(null));
  }

  @Test
  void agendaIsBuiltPublishedAndChangesAreAnnounced() throws Exception {
    long id = meetingIn(Duration.ofDays(5), Duration.ofMinutes(60));
    Someone d = MeetingFixture.someone(admin, "Hoàng Thị Đại Biểu", "DELEGATE");
    invite(id, "DELEGATE", d);
    String items = "/api/meetings/" + id + "/agenda/items";
    long i1 =
        Api.as(secretary.token())
            .body(Map.of("title", "Khai mạc", "plannedMinutes", 10))
            .post(items)
            .then()
            .statusCode(201)
            .body("number", equalTo("1"))
            .extract()
            .jsonPath()
            .getLong("id");
    long i2 =
        Api.as(secretary.token())
            .body(
                Map.of(
                    "title",
                    "Báo cáo kinh tế – xã hội",
                    "plannedMinutes",
                    40,
                    "presenterId",
                    chair.id()))
            .post(items)
            .then()
            .statusCode(201)
            .body("presenterName", equalTo("Đỗ Minh Chủ Trì"))
            .extract()
            .jsonPath()
            .getLong("id");
    long i21 =
        Api.as(secretary.token())
            .body(Map.of("title", "Nông nghiệp", "parentId", i2))
            .post(items)
            .then()
            .statusCode(201)
            .body("number", equalTo("2.1"))
            .extract()
            .jsonPath()
            .getLong("id");
    long i3 =
        Api.as(secretary.token())
            .body(Map.of("title", "Bế mạc", "plannedMinutes", 20))
            .post(items)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    // 70 planned minutes in a 60-minute slot: a warning, not an error
    Api.as(secretary.token())
        .get("/api/meetings/" + id + "/agenda")
        .then()
        .body("plannedMinutes", equalTo(70))
        .body("slotMinutes", equalTo(60))
        .body("overrun", equalTo(true))
        .body("items", hasSize(3));
    // moving an item under itself or its own sub-item is refused
    Api.as(secretary.token())
        .body(Map.of("parentId", i21, "position", 0))
        .post(items + "/" + i2 + "/move")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("parentId"));
    Api.as(secretary.token())
        .body(Map.of("parentId", i2, "position", 0))
        .post(items + "/" + i2 + "/move")
        .then()
        .statusCode(400);
    // reorder: closing first (a drag and drop in the web app)
    Api.as(secretary.token())
        .body(Map.of("position", 0))
        .post(items + "/" + i3 + "/move")
        .then()
        .statusCode(200)
        .body("number", equalTo("1"));
    Api.as(secretary.token())
        .body(Map.of("position", 2))
        .post(items + "/" + i3 + "/move")
        .then()
        .statusCode(200)
        .body("number", equalTo("3"));

    // participants see nothing until it is published
    Api.as(secretary.token()).post("/api/meetings/" + id + "/schedule").then().statusCode(200);
    Api.as(d.token())
        .get("/api/meetings/" + id + "/agenda")
        .then()
        .statusCode(200)
        .body("version", equalTo(0))
        .body("items", hasSize(0));
    Api.as(secretary.token())
        .post("/api/meetings/" + id + "/agenda/publish")
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("dirty", equalTo(false));
    Api.as(d.token())
        .get("/api/meetings/" + id + "/agenda")
        .then()
        .body("items.title", equalTo(List.of("Khai mạc", "Báo cáo kinh tế – xã hội", "Bế mạc")))
        .body("items[1].children[0].number", equalTo("2.1"));
    // a change after publishing: version 2, participants told what changed
    long itemVersion =
        Api.as(secretary.token())
            .get("/api/meetings/" + id + "/agenda")
            .then()
            .extract()
            .jsonPath()
            .getLong("items.find { it.id == " + i1 + " }.version");
    Api.as(secretary.token())
        .body(
            Map.of(
                "title",
                "Khai mạc và giới thiệu đại biểu",
                "plannedMinutes",
                15,
                "version",
                itemVersion))
        .put(items + "/" + i1)
        .then()
        .statusCode(200);
    Api.as(d.token())
        .get("/api/meetings/" + id + "/agenda")
        .then()
        .body("items[0].title", equalTo("Khai mạc")); // still version 1
    Api.as(secretary.token())
        .post("/api/meetings/" + id + "/agenda/publish")
        .then()
        .statusCode(200)
        .body("version", equalTo(2));
    Api.as(secretary.token())
        .post("/api/meetings/" + id + "/agenda/publish")
        .then()
        .statusCode(409);
    Api.as(d.token())
        .get("/api/meetings/" + id + "/agenda/versions")
        .then()
        .body("", hasSize(2))
        .body("[1].changes", containsString("sửa 1 Khai mạc và giới thiệu đại biểu"));
    outbox.sendDue();
    List<MimeMessage> agendaMails = MeetingFixture.mailsTo(d.email(), "Chương trình họp");
    assertEquals(2, agendaMails.size());
    String last = MeetingFixture.text(agendaMails.get(1));
    assertTrue(last.contains("Thay đổi so với bản trước"), last);
    assertTrue(last.contains("1. Khai mạc và giới thiệu đại biểu (15 phút)"), last);
    assertTrue(last.contains("  2.1. Nông nghiệp"), last);
  }

  @Test
  void checkInMovesTheQuorumAndAttendanceIsLogged() {
    long id = meetingIn(Duration.ofMinutes(30), Duration.ofHours(2));
    Someone d1 = MeetingFixture.someone(admin, "Ngô Văn Một", "DELEGATE");
    Someone d2 = MeetingFixture.someone(admin, "Ngô Văn Hai", "DELEGATE");
    Someone d3 = MeetingFixture.someone(admin, "Ngô Văn Ba", "DELEGATE");
    invite(id, "DELEGATE", d1, d2, d3);
    Api.as(d1.token()).post("/api/meetings/" + id + "/check-in").then().statusCode(403); // draft
    Api.as(secretary.token()).post("/api/meetings/" + id + "/schedule").then().statusCode(200);
    // 4 voting members (chair + 3): more than half means 3
    Api.as(chair.token())
        .get("/api/meetings/" + id + "/quorum")
        .then()
        .statusCode(200)
        .body("votingMembers", equalTo(4))
        .body("required", equalTo(3))
        .body("present", equalTo(0))
        .body("reached", equalTo(false))
        .body("missing", hasSize(4));
    Api.as(d1.token()).get("/api/meetings/" + id + "/quorum").then().statusCode(403);
    Api.as(d1.token())
        .post("/api/meetings/" + id + "/check-in")
        .then()
        .statusCode(200)
        .body("attendance", equalTo("PRESENT_ONLINE"));
    Api.as(d2.token()).post("/api/meetings/" + id + "/check-in").then().statusCode(200);
    Api.as(chair.token())
        .post("/api/meetings/" + id + "/start")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"));
    Api.as(chair.token())
        .get("/api/meetings/" + id + "/quorum")
        .then()
        .body("present", equalTo(2))
        .body("reached", equalTo(false));
    long p3 = participantId(id, d3.id());
    String att = "/api/meetings/" + id + "/participants/" + p3 + "/attendance";
    Api.as(secretary.token())
        .body(Map.of("attendance", "EXCUSED"))
        .put(att)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    Api.as(d2.token()).body(Map.of("attendance", "PRESENT_ONLINE")).put(att).then().statusCode(403);
    Api.as(secretary.token())
        .body(Map.of("attendance", "PRESENT_ONLINE"))
        .put(att)
        .then()
        .statusCode(200);
    Api.as(chair.token())
        .get("/api/meetings/" + id + "/quorum")
        .then()
        .body("present", equalTo(3))
        .body("reached", equalTo(true))
        .body("missing.fullName", equalTo(List.of("Đỗ Minh Chủ Trì")));
    Api.as(secretary.token())
        .body(Map.of("attendance", "EXCUSED", "reason", "Đi công tác"))
        .put(att)
        .then()
        .statusCode(200)
        .body("attendanceReason", equalTo("Đi công tác"));
    Api.as(chair.token())
        .get("/api/meetings/" + id + "/attendance-log")
        .then()
        .body("", hasSize(4))
        .body("[3].attendance", equalTo("EXCUSED"))
        .body("[3].by", equalTo(secretary.username()));
    Api.as(chair.token())
        .post("/api/meetings/" + id + "/end")
        .then()
        .statusCode(200)
        .body("status", equalTo("ENDED"));
    Api.as(d1.token()).post("/api/meetings/" + id + "/check-in").then().statusCode(409);
  }

  @Test
  void wholeProvinceAndAnEndpointOperatorReportsHeadCount() {
    QuarkusTransaction.requiringNew()
        .call(() -> demo.seed(vn.hopso.org.DemoProvince.Shape.THREE_TIER_2021));
    long id = meetingIn(Duration.ofMinutes(20), Duration.ofHours(3));
    long thieuHoa =
        Api.as(admin)
            .queryParam("q", "TH-H22 thieu hoa")
            .queryParam("level", "DISTRICT")
            .get("/api/units")
            .then()
            .extract()
            .jsonPath()
            .getLong("items[0].id");
    Api.as(secretary.token())
        .body(Map.of("unitId", thieuHoa))
        .post("/api/meetings/" + id + "/endpoints")
        .then()
        .statusCode(200)
        .body("added", equalTo(13)); // the district's own room and its 12 communes
    Api.as(secretary.token())
        .body(Map.of("all", true))
        .post("/api/meetings/" + id + "/endpoints")
        .then()
        .statusCode(200)
        .body("alreadyInvited", equalTo(13))
        .body("total", greaterOrEqual(356));
    Api.as(secretary.token()).post("/api/meetings/" + id + "/schedule").then().statusCode(200);
    // the room of Thiệu Hóa's first commune reports its head count with its own device account
    long endpointId =
        Api.as(admin)
            .queryParam("q", "DC-TH-H22-X01")
            .get("/api/endpoints")
            .then()
            .extract()
            .jsonPath()
            .getLong("items[0].id");
    String device = "dc-th-h22-x01";
    String devicePassword = "device-password-22";
    long deviceId =
        Api.as(admin)
            .queryParam("q", device)
            .queryParam("kind", "DEVICES")
            .get("/api/people")
            .then()
            .extract()
            .jsonPath()
            .getLong("items[0].id");
    Api.as(admin)
        .body(Map.of("password", devicePassword))
        .post("/api/people/" + deviceId + "/password")
        .then()
        .statusCode(204);
    String deviceToken = Api.login(device, devicePassword);
    Api.as(deviceToken).get("/api/meetings/" + id).then().statusCode(200);
    Api.as(deviceToken)
        .body(Map.of("count", 27))
        .put("/api/meetings/" + id + "/endpoints/" + endpointId + "/head-count")
        .then()
        .statusCode(200)
        .body("headCount", equalTo(27));
    long other =
        Api.as(admin)
            .queryParam("q", "DC-TH-H22-X02")
            .get("/api/endpoints")
            .then()
            .extract()
            .jsonPath()
            .getLong("items[0].id");
    Api.as(deviceToken)
        .body(Map.of("count", 5))
        .put("/api/meetings/" + id + "/endpoints/" + other + "/head-count")
        .then()
        .statusCode(403);
  }

  private static org.hamcrest.Matcher<Integer> greaterOrEqual(int n) {
    return org.hamcrest.Matchers.greaterThanOrEqualTo(n);
  }

  @Test
  void clashesAreWarned() {
    Instant start = Instant.now().plus(Duration.ofDays(10));
    long first =
        MeetingFixture.create(
            secretary.token(),
            MeetingFixture.meetingBody(
                title, unit, chair.id(), secretary.id(), start, start.plus(Duration.ofHours(2))));
    long second =
        MeetingFixture.create(
            secretary.token(),
            MeetingFixture.meetingBody(
                title + " (2)",
                unit,
                chair.id(),
                secretary.id(),
                start.plus(Duration.ofHours(1)),
                start.plus(Duration.ofHours(3))));
    Api.as(secretary.token())
        .get("/api/meetings/" + second)
        .then()
        .body("warnings.findAll { it.kind == 'PERSON' }.name", hasItem("Đỗ Minh Chủ Trì"))
        .body("warnings.meetingId", hasItem((int) first));
  }

  @Test
  void failingSmsIsRetriedThenShownToTheSecretary() {
    long id = meetingIn(Duration.ofDays(4), Duration.ofHours(1));
    Someone d = MeetingFixture.someone(admin, "Bùi Thị Tin Nhắn", "DELEGATE");
    invite(id, "DELEGATE", d);
    MessagingResource.SMS_FAILS.set(true);
    try {
      Api.as(secretary.token()).post("/api/meetings/" + id + "/schedule").then().statusCode(200);
      for (int attempt = 0; attempt < 3; attempt++) {
        outbox.sendDue();
        TestClock.advance(Duration.ofSeconds(2));
      }
    } finally {
      MessagingResource.SMS_FAILS.set(false);
    }
    Api.as(secretary.token())
        .get("/api/meetings/" + id + "/deliveries")
        .then()
        .statusCode(200)
        .body("findAll { it.channel == 'SMS' && it.status == 'FAILED' }.size()", equalTo(3))
        .body("find { it.channel == 'SMS' }.attempts", equalTo(3))
        .body("find { it.channel == 'SMS' }.lastError", containsString("503"))
        .body("findAll { it.channel == 'EMAIL' }.status", everyItemIs("SENT"));
    Api.as(secretary.token())
        .get("/api/notifications")
        .then()
        .body("items.kind", hasItem("DELIVERY_FAILED"));
    Api.as(d.token()).get("/api/meetings/" + id + "/deliveries").then().statusCode(403);
    // retry now that the gateway works again
    long failed =
        Api.as(secretary.token())
            .get("/api/meetings/" + id + "/deliveries")
            .then()
            .extract()
            .jsonPath()
            .getLong("find { it.channel == 'SMS' }.id");
    Api.as(secretary.token())
        .post("/api/meetings/" + id + "/deliveries/" + failed + "/retry")
        .then()
        .statusCode(204);
    outbox.sendDue();
    Api.as(secretary.token())
        .get("/api/meetings/" + id + "/deliveries")
        .then()
        .body("find { it.id == " + failed + " }.status", equalTo("SENT"));
  }

  private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String s) {
    return org.hamcrest.Matchers.everyItem(equalTo(s));
  }

  @Test
  void remindersAreSentOnceAndTheCalendarFeedWorks() throws Exception {
    long id = meetingIn(Duration.ofMinutes(50), Duration.ofHours(1));
    Api.as(secretary.token()).post("/api/meetings/" + id + "/schedule").then().statusCode(200);
    reminders.sendDue();
    reminders.sendDue(); // a second instance, or the next tick: nothing more
    outbox.sendDue();
    // within an hour of the start: the one-hour and the one-day reminders are both due, once each
    assertEquals(2, MeetingFixture.mailsTo(chair.email(), "Nhắc lịch họp: " + title).size());

    String url =
        Api.as(chair.token())
            .post("/api/calendar/feed")
            .then()
            .statusCode(200)
            .extract()
            .path("url");
    String path = url.substring(url.indexOf("/api/"));
    String ics =
        io.restassured.RestAssured.given()
            .get(path)
            .then()
            .statusCode(200)
            .contentType(containsString("text/calendar"))
            .extract()
            .asString();
    assertTrue(ics.contains("SUMMARY:" + title.substring(0, 10)), ics);
    assertTrue(ics.contains("METHOD:PUBLISH"), ics);
    Api.as(chair.token()).delete("/api/calendar/feed").then().statusCode(204);
    io.restassured.RestAssured.given().get(path).then().statusCode(404);
  }
}
