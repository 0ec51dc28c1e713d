package vn.hopso.vote;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hopso.meeting.MeetingFixture;
import vn.hopso.meeting.MeetingFixture.Someone;
import vn.hopso.support.Api;
import vn.hopso.support.LiveClient;
import vn.hopso.support.MoreApi;
import vn.hopso.support.TestClock;

/**
 * Polls through the API on PostgreSQL (issue 9): the whole life of a named yes/no vote with a
 * proxy, retries, changes and every refusal; a secret confidence vote after which no table, log
 * line, audit entry or event links a voter to a choice; an election; analog figures from the hall
 * and a room's device; the countdown and the close when everyone has voted.
 */
@QuarkusTest
class VoteTest {
  @Inject AgroalDataSource db;
  @Inject PollTicker ticker;
  @Inject SessionFactory sessions;

  String admin;
  Someone secretary;
  Someone chair;
  List<Someone> d; // d0..d6 delegates with a vote
  Someone nonVoter;
  Someone outsider;
  Map<Long, Long> participantOf = new HashMap<>(); // person id → participant id
  long meeting;
  long unit;
  long item;
  String base;

  @BeforeEach
  void aMeetingInProgress() {
    admin = Api.admin();
    unit = MoreApi.province(admin, "Tỉnh Biểu Quyết");
    secretary = MeetingFixture.quiet(admin, "Thư Ký Biểu Quyết", "SECRETARY");
    chair = MeetingFixture.quiet(admin, "Chủ Tọa Biểu Quyết", "CHAIR");
    d = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      d.add(MeetingFixture.quiet(admin, "Đại Biểu Bỏ Phiếu " + i, "DELEGATE"));
    }
    nonVoter = MeetingFixture.quiet(admin, "Khách Mời Không Biểu Quyết", "DELEGATE");
    outsider = MeetingFixture.quiet(admin, "Người Ngoài Cuộc", "DELEGATE");
    meeting =
        MeetingFixture.startingSoon(
            secretary.token(), "Kỳ họp biểu quyết", unit, chair.id(), secretary.id());
    base = "/api/meetings/" + meeting;
    MeetingFixture.inviteDelegates(secretary.token(), meeting, d);
    Api.as(secretary.token())
        .body(
            Map.of(
                "participants",
                List.of(Map.of("personId", nonVoter.id(), "role", "DELEGATE", "voting", false))))
        .post(base + "/participants")
        .then()
        .statusCode(200);
    item =
        MeetingFixture.agenda(secretary.token(), meeting, List.of("Thông qua nghị quyết")).get(0);
    MeetingFixture.startSession(secretary.token(), chair.token(), meeting);
    // the chair (a voting member), d0..d4 and the non-voter check in; d5 gives their vote to d0;
    // d6 stays away
    for (Someone s : List.of(chair, d.get(0), d.get(1), d.get(2), d.get(3), d.get(4), nonVoter)) {
      long pid =
          Api.as(s.token())
              .post(base + "/check-in")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getLong("id");
      participantOf.put(s.id(), pid);
    }
    for (Someone s : List.of(d.get(5), d.get(6))) {
      participantOf.put(s.id(), participantId(s));
    }
    Api.as(secretary.token())
        .body(Map.of("toParticipantId", participantOf.get(d.get(0).id())))
        .put(base + "/participants/" + participantOf.get(d.get(5).id()) + "/proxy")
        .then()
        .statusCode(200);
  }

  long participantId(Someone s) {
    JsonPath page =
        Api.as(secretary.token())
            .queryParam("size", 100)
            .get(base + "/participants")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return page.getLong("items.find { it.personId == " + s.id() + " }.id");
  }

  Map<String, Object> poll(String title, String kind, boolean secret, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("kind", kind);
    body.put("secret", secret);
    body.put("itemId", item);
    body.put(
        "rule", Map.of("base", "ALL_MEMBERS", "threshold", "MORE_THAN_HALF", "tie", "NOT_ADOPTED"));
    body.putAll(extra);
    return body;
  }

  long create(Map<String, Object> body) {
    return Api.as(secretary.token())
        .body(body)
        .post(base + "/polls")
        .then()
        .statusCode(200)
        .body("state", equalTo("DRAFT"))
        .extract()
        .jsonPath()
        .getLong("id");
  }

  static Map<String, Object> ballot(UUID id, Object... fields) {
    Map<String, Object> b = new HashMap<>();
    b.put("ballotId", id.toString());
    for (int i = 0; i + 1 < fields.length; i += 2) {
      b.put((String) fields[i], fields[i + 1]);
    }
    return b;
  }

  io.restassured.response.Response cast(Someone who, long poll, Map<String, Object> ballot) {
    return Api.as(who.token()).body(ballot).post("/api/polls/" + poll + "/ballots");
  }

  /** d0 casts their own ballot and, as d5's proxy holder, d5's, in one batch. */
  io.restassured.response.Response castForD0AndD5(long poll, String own, String principal) {
    return Api.as(d.get(0).token())
        .body(
            Map.of(
                "ballots",
                List.of(
                    ballot(UUID.randomUUID(), "value", own),
                    ballot(
                        UUID.randomUUID(),
                        "value",
                        principal,
                        "participantId",
                        participantOf.get(d.get(5).id())))))
        .post("/api/polls/" + poll + "/ballots/batch");
  }

  /** Casts a ballot that must be refused with this status and problem code. */
  void refused(int status, String code, Someone who, long poll, Map<String, Object> ballot) {
    cast(who, poll, ballot).then().statusCode(status).body("code", equalTo(code));
  }

  /** A socket on the meeting for this person (headers on the handshake: Accept-Language…). */
  LiveClient socket(Someone who, Map<String, String> headers) throws Exception {
    String ticket =
        Api.as(who.token())
            .post(base + "/live-ticket")
            .then()
            .statusCode(200)
            .extract()
            .path("ticket");
    return LiveClient.connect(
        "ws://localhost:"
            + io.restassured.RestAssured.port
            + "/ws/meetings/"
            + meeting
            + "?ticket="
            + ticket,
        headers);
  }

  /** Sends a ballot message and waits for its answer (ballot.ack or ballot.refused). */
  static JsonNode onSocket(LiveClient c, String ref, long poll, String body) throws Exception {
    c.send("{\"type\":\"ballot\",\"ref\":\"" + ref + "\",\"pollId\":" + poll + "," + body + "}");
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      JsonNode m = c.next(20);
      if (m.path("type").asText().startsWith("ballot.") && ref.equals(m.path("ref").asText())) {
        return m;
      }
    }
    throw new AssertionError("no answer to " + ref);
  }

  static String one(UUID id, String fields) {
    return "\"ballot\":{\"ballotId\":\"" + id + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
  }

  static void refusedOnSocket(JsonNode answer, int status, String code) {
    assertEquals("ballot.refused", answer.path("type").asText(), answer.toString());
    assertEquals(status, answer.path("problem").path("status").asInt(), answer.toString());
    assertEquals(code, answer.path("problem").path("code").asText(), answer.toString());
  }

  /**
   * Ballots sent on the meeting's live socket, as tablets send them, go to the same desk as the
   * API's: the same acknowledgement once committed, the same receipt for a retry on either path,
   * the same refusals with the same problems (in the language of the socket's handshake), the same
   * input policy naming the field; each counted once and audited as its voter.
   */
  @Test
  void ballotsOnTheLiveSocketAreDecidedAsTheApisAre() throws Exception {
    long poll = create(poll("Biểu quyết qua kết nối trực tiếp", "YES_NO", false, Map.of()));
    String p = "/api/polls/" + poll;
    try (LiveClient one = socket(d.get(1), Map.of());
        LiveClient holder = socket(d.get(0), Map.of("Accept-Language", "en"));
        LiveClient absent = socket(d.get(6), Map.of());
        LiveClient guest = socket(nonVoter, Map.of());
        LiveClient two = socket(d.get(2), Map.of())) {
      refusedOnSocket(
          onSocket(one, "r0", poll, one(UUID.randomUUID(), "\"value\":\"YES\"")),
          409,
          "poll.not-open");
      Api.as(chair.token()).post(p + "/open").then().statusCode(200);

      UUID b1 = UUID.randomUUID();
      JsonNode ack = onSocket(one, "r1", poll, one(b1, "\"value\":\"YES\""));
      assertEquals("ballot.ack", ack.path("type").asText(), ack.toString());
      String receipt = ack.path("acks").path(0).path("receipt").asText();
      assertEquals(b1.toString(), ack.path("acks").path(0).path("ballotId").asText());
      assertFalse(receipt.isEmpty());
      // a retry on the socket, then through the API: the same receipt, counted once
      assertEquals(
          receipt,
          onSocket(one, "r2", poll, one(b1, "\"value\":\"YES\""))
              .path("acks")
              .path(0)
              .path("receipt")
              .asText());
      cast(d.get(1), poll, ballot(b1, "value", "YES"))
          .then()
          .statusCode(200)
          .body("receipt", equalTo(receipt));
      JsonNode again = onSocket(one, "r3", poll, one(UUID.randomUUID(), "\"value\":\"NO\""));
      refusedOnSocket(again, 409, "poll.already-voted");
      assertEquals("Không thực hiện được", again.path("problem").path("title").asText());

      // the proxy holder's two ballots at once, answered in English as the handshake asked
      JsonNode both =
          onSocket(
              holder,
              "h1",
              poll,
              "\"ballots\":[{\"ballotId\":\""
                  + UUID.randomUUID()
                  + "\",\"value\":\"NO\"},"
                  + "{\"ballotId\":\""
                  + UUID.randomUUID()
                  + "\",\"value\":\"YES\",\"participantId\":"
                  + participantOf.get(d.get(5).id())
                  + "}]");
      assertEquals(2, both.path("acks").size(), both.toString());
      JsonNode english = onSocket(holder, "h2", poll, one(UUID.randomUUID(), "\"value\":\"NO\""));
      refusedOnSocket(english, 409, "poll.already-voted");
      assertEquals("Conflict", english.path("problem").path("title").asText());

      refusedOnSocket(
          onSocket(absent, "a1", poll, one(UUID.randomUUID(), "\"value\":\"NO\"")),
          409,
          "poll.not-present");
      refusedOnSocket(
          onSocket(guest, "g1", poll, one(UUID.randomUUID(), "\"value\":\"NO\"")),
          403,
          "poll.no-voting-right");
      refusedOnSocket(
          onSocket(two, "t1", 999_999_999L, one(UUID.randomUUID(), "\"value\":\"NO\"")),
          404,
          "not-found");
      // the input policy of the API, naming the field
      JsonNode maybe = onSocket(two, "t2", poll, one(UUID.randomUUID(), "\"value\":\"MAYBE\""));
      refusedOnSocket(maybe, 400, "request.invalid");
      assertEquals(
          "ballot.value",
          maybe.path("problem").path("errors").path(0).path("field").asText(),
          maybe.toString());
      JsonNode extra =
          onSocket(two, "t3", poll, one(UUID.randomUUID(), "\"value\":\"NO\",\"weight\":2"));
      assertEquals(
          "ballot.weight",
          extra.path("problem").path("errors").path(0).path("field").asText(),
          extra.toString());
      JsonNode none = onSocket(two, "t4", poll, "\"note\":null");
      refusedOnSocket(none, 400, "request.invalid");
      JsonNode neither = onSocket(two, "t5", poll, "\"ballots\":null");
      assertEquals(
          "ballot",
          neither.path("problem").path("errors").path(0).path("field").asText(),
          neither.toString());
      JsonNode twoShapes =
          onSocket(
              two,
              "t5b",
              poll,
              one(UUID.randomUUID(), "\"value\":\"NO\"")
                  + ",\"ballots\":[{\"ballotId\":\""
                  + UUID.randomUUID()
                  + "\",\"value\":\"NO\"}]");
      refusedOnSocket(twoShapes, 400, "request.invalid");
      assertEquals(
          "field.one-of", twoShapes.path("problem").path("errors").path(0).path("code").asText());
      // nothing of this was recorded
      assertEquals(
          "ballot.ack",
          onSocket(two, "t6", poll, one(UUID.randomUUID(), "\"value\":\"ABSTAIN\""))
              .path("type")
              .asText());
    }
    Api.as(chair.token()).get(p + "/voters").then().statusCode(200).body("voted", equalTo(4));
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select actor, ip from audit_entry where action = 'poll.voted' and target = 'poll:"
                    + poll
                    + "' order by actor")) {
      List<String> actors = new ArrayList<>();
      while (rs.next()) {
        actors.add(rs.getString(1));
        assertTrue(rs.getString(2) != null, "the voter's address is audited");
      }
      assertEquals(
          List.of(
                  d.get(0).username(),
                  d.get(0).username(),
                  d.get(1).username(),
                  d.get(2).username())
              .stream()
              .sorted()
              .toList(),
          actors);
    }
  }

  @Test
  void aNamedYesNoVoteFromDraftToPublishedChain() {
    long poll = create(poll("Thông qua Nghị quyết về đầu tư công", "YES_NO", false, Map.of()));
    String p = "/api/polls/" + poll;
    // a draft is the secretary's and the chair's only
    Api.as(d.get(1).token()).get(p).then().statusCode(404);
    Api.as(d.get(1).token()).get(base + "/polls").then().statusCode(200).body("size()", equalTo(0));
    refused(409, "poll.not-open", d.get(1), poll, ballot(UUID.randomUUID(), "value", "YES"));
    Api.as(d.get(1).token()).post(p + "/open").then().statusCode(403);
    Api.as(chair.token())
        .post(p + "/open")
        .then()
        .statusCode(200)
        .body("state", equalTo("OPEN"))
        .body("entitled", equalTo(7)); // the chair, d0..d4, d5 through d0
    Api.as(chair.token()).post(p + "/open").then().statusCode(409);

    // the delegate's view: their vote to cast, a proxy holder's two
    Api.as(d.get(1).token())
        .get(p)
        .then()
        .statusCode(200)
        .body("can.vote", equalTo(true))
        .body("mine.size()", equalTo(1))
        .body("result", nullValue());
    Api.as(d.get(0).token())
        .get(p)
        .then()
        .statusCode(200)
        .body("mine.size()", equalTo(2))
        .body("mine.proxy", equalTo(List.of(false, true)));

    UUID b1 = UUID.randomUUID();
    String receipt1 =
        cast(d.get(1), poll, ballot(b1, "value", "YES"))
            .then()
            .statusCode(200)
            .body("changed", equalTo(false))
            .extract()
            .path("receipt");
    // a retry after a time-out: same id, same receipt, counted once
    cast(d.get(1), poll, ballot(b1, "value", "YES"))
        .then()
        .statusCode(200)
        .body("receipt", equalTo(receipt1));
    // the same id with another choice is not a retry
    refused(409, "poll.ballot-id-reused", d.get(1), poll, ballot(b1, "value", "NO"));
    // a second ballot
    refused(409, "poll.already-voted", d.get(1), poll, ballot(UUID.randomUUID(), "value", "NO"));
    // changing is refused where the poll does not allow it
    refused(
        409,
        "poll.no-change",
        d.get(1),
        poll,
        ballot(UUID.randomUUID(), "value", "NO", "replaces", b1.toString()));

    // the proxy holder casts both at once, each its own ballot
    castForD0AndD5(poll, "YES", "YES").then().statusCode(200).body("size()", equalTo(2));
    // the principal who gave a proxy, someone absent, without a vote, not invited
    refused(409, "poll.proxy-given", d.get(5), poll, ballot(UUID.randomUUID(), "value", "NO"));
    refused(409, "poll.not-present", d.get(6), poll, ballot(UUID.randomUUID(), "value", "NO"));
    refused(403, "poll.no-voting-right", nonVoter, poll, ballot(UUID.randomUUID(), "value", "NO"));
    cast(outsider, poll, ballot(UUID.randomUUID(), "value", "NO")).then().statusCode(403);
    // someone else's principal
    refused(
        403,
        "poll.not-your-proxy",
        d.get(2),
        poll,
        ballot(
            UUID.randomUUID(), "value", "NO", "participantId", participantOf.get(d.get(6).id())));
    // malformed ballots name their field
    cast(d.get(2), poll, ballot(UUID.randomUUID()))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("value"));
    cast(d.get(2), poll, ballot(UUID.randomUUID(), "value", "YES", "selected", List.of(1)))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("selected"));
    cast(d.get(2), poll, ballot(UUID.randomUUID(), "value", "MAYBE")).then().statusCode(400);
    cast(d.get(2), poll, ballot(UUID.randomUUID(), "value", "YES", "weight", 2))
        .then()
        .statusCode(400);
    Api.as(d.get(2).token())
        .body(Map.of("ballotId", "not-a-uuid", "value", "YES"))
        .post(p + "/ballots")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("ballotId"));

    cast(d.get(2), poll, ballot(UUID.randomUUID(), "value", "NO")).then().statusCode(200);
    cast(d.get(3), poll, ballot(UUID.randomUUID(), "value", "ABSTAIN")).then().statusCode(200);
    cast(chair, poll, ballot(UUID.randomUUID(), "value", "YES")).then().statusCode(200);
    UUID b4 = UUID.randomUUID();
    String receipt4 =
        cast(d.get(4), poll, ballot(b4, "value", "YES"))
            .then()
            .statusCode(200)
            .extract()
            .path("receipt");

    // the chair sees who has voted; a delegate may not
    Api.as(chair.token())
        .get(p + "/voters")
        .then()
        .statusCode(200)
        .body("voted", equalTo(7))
        .body("entitled", equalTo(8))
        .body(
            "rows.find { it.participantId == " + participantOf.get(d.get(5).id()) + " }.castBy",
            equalTo("Đại Biểu Bỏ Phiếu 0"));
    Api.as(d.get(1).token()).get(p + "/voters").then().statusCode(403);
    Api.as(d.get(1).token()).get(p).then().body("cast", equalTo(7)).body("result", nullValue());

    Api.as(d.get(1).token()).post(p + "/close").then().statusCode(403);
    Api.as(chair.token())
        .post(p + "/close")
        .then()
        .statusCode(200)
        .body("state", equalTo("CLOSED"))
        .body("result.decision", equalTo("ADOPTED"));
    // counted: yes: the chair, d0 d1 d4 d5 = 5 of 8 members (more than half), no 1, abstain 1
    Api.as(d.get(1).token()).get(p).then().body("result", nullValue());
    refused(409, "poll.not-open", d.get(6), poll, ballot(UUID.randomUUID(), "value", "NO"));
    // an acknowledged ballot sent again after the close still answers its receipt
    cast(d.get(4), poll, ballot(b4, "value", "YES"))
        .then()
        .statusCode(200)
        .body("receipt", equalTo(receipt4));
    Api.as(d.get(1).token()).get(p + "/receipts").then().statusCode(409);

    Api.as(chair.token())
        .post(p + "/publish")
        .then()
        .statusCode(200)
        .body("state", equalTo("PUBLISHED"));
    JsonPath r = Api.as(d.get(1).token()).get(p).then().statusCode(200).extract().jsonPath();
    assertEquals(5, r.getInt("result.yes"));
    assertEquals(1, r.getInt("result.no"));
    assertEquals(1, r.getInt("result.abstain"));
    assertEquals(8, r.getInt("result.members"));
    assertEquals(5, r.getInt("result.required"));
    assertEquals("Thông qua", r.getString("result.text"));
    assertEquals("Quá 1/2 tổng số đại biểu", r.getString("result.rule.text"));
    Api.as(d.get(1).token())
        .header("Accept-Language", "en")
        .get(p)
        .then()
        .body("result.text", equalTo("Adopted"));

    // the published list: the voter finds their receipt with their choice; a named poll names
    JsonPath list =
        Api.as(d.get(1).token()).get(p + "/receipts").then().statusCode(200).extract().jsonPath();
    assertEquals(7, list.getList("entries").size());
    assertEquals(
        "YES", list.getString("entries.find { it.receipt == '" + receipt1 + "' }.choice.value"));
    assertEquals(
        "Đại Biểu Bỏ Phiếu 1",
        list.getString("entries.find { it.receipt == '" + receipt1 + "' }.voter"));
    assertEquals(5, list.getInt("tally.yes"));
    assertTrue(list.getBoolean("recordVerifies"));
    JsonPath chain =
        Api.as(d.get(1).token())
            .get(base + "/polls/chain")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(chain.getBoolean("intact"));
    assertEquals(list.getString("recordHash"), chain.getString("head"));
    assertEquals(chain.getString("genesis"), list.getString("prevHash"));
    Api.as(chair.token()).post(p + "/publish").then().statusCode(409);
  }

  @Test
  void aSecretConfidenceVoteLeavesNoLinkFromVoterToChoice() throws Exception {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.addHandler(capture);
    try {
      long poll =
          create(
              poll(
                  "Lấy phiếu tín nhiệm",
                  "CONFIDENCE",
                  true,
                  Map.of("allowChange", true, "candidates", List.of("Lê Văn An", "Lê Văn Ân"))));
      String p = "/api/polls/" + poll;
      JsonPath opened =
          Api.as(chair.token()).post(p + "/open").then().statusCode(200).extract().jsonPath();
      long a = opened.getLong("options[0].id");
      long b = opened.getLong("options[1].id");
      // every one rated, and only the poll's people
      cast(d.get(1), poll, ballot(UUID.randomUUID(), "ratings", Map.of(String.valueOf(a), "HIGH")))
          .then()
          .statusCode(400)
          .body("code", equalTo("request.invalid"))
          .body("errors.field", hasItem("ratings"));
      Map<String, String> receipts = new HashMap<>(); // voter → receipt (kept by each tablet)
      Map<String, UUID> ids = new HashMap<>();
      String[] ratings = {"HIGH", "MEDIUM", "LOW", "LOW", "HIGH"};
      for (int i = 0; i < 5; i++) {
        UUID id = UUID.randomUUID();
        ids.put(d.get(i).username(), id);
        receipts.put(
            d.get(i).username(),
            cast(
                    d.get(i),
                    poll,
                    ballot(
                        id,
                        "ratings",
                        Map.of(String.valueOf(a), ratings[i], String.valueOf(b), "MEDIUM")))
                .then()
                .statusCode(200)
                .extract()
                .path("receipt"));
      }
      // the proxy holder casts for d5; then d3 changes their mind
      UUID d5 = UUID.randomUUID();
      receipts.put(
          d.get(5).username(),
          cast(
                  d.get(0),
                  poll,
                  ballot(
                      d5,
                      "participantId",
                      participantOf.get(d.get(5).id()),
                      "ratings",
                      Map.of(String.valueOf(a), "LOW", String.valueOf(b), "LOW")))
              .then()
              .statusCode(200)
              .extract()
              .path("receipt"));
      UUID changed = UUID.randomUUID();
      String old3 = receipts.get(d.get(3).username());
      receipts.put(
          d.get(3).username(),
          cast(
                  d.get(3),
                  poll,
                  ballot(
                      changed,
                      "replaces",
                      ids.get(d.get(3).username()).toString(),
                      "ratings",
                      Map.of(String.valueOf(a), "MEDIUM", String.valueOf(b), "MEDIUM")))
              .then()
              .statusCode(200)
              .body("changed", equalTo(true))
              .extract()
              .path("receipt"));
      ids.put(d.get(3).username(), changed);
      // who has voted in a secret poll is not shown while it is open
      Api.as(chair.token()).get(p + "/voters").then().statusCode(409);
      Api.as(d.get(3).token())
          .get(p)
          .then()
          .body("mine[0].voted", equalTo(true))
          .body("mine[0].choice", nullValue());

      Api.as(chair.token()).post(p + "/close").then().statusCode(200);
      Api.as(chair.token()).post(p + "/publish").then().statusCode(200);
      JsonPath list =
          Api.as(d.get(2).token()).get(p + "/receipts").then().statusCode(200).extract().jsonPath();
      assertEquals(6, list.getList("entries").size());
      assertFalse(list.getList("entries.receipt").contains(old3), "the replaced ballot is gone");
      for (Map.Entry<String, String> e : receipts.entrySet()) {
        assertTrue(list.getList("entries.receipt").contains(e.getValue()), e.getKey());
      }
      assertEquals(List.of(), list.getList("entries.findAll { it.voter != null }"));
      // a: HIGH d0, HIGH d4; MEDIUM d1, d3; LOW d2, d5
      assertEquals(2, list.getInt("tally.options[0].high"));
      assertEquals(2, list.getInt("tally.options[0].low"));
      assertEquals("CONFIDENCE", list.getString("tally.options[0].outcome"));
      assertEquals(5, list.getInt("tally.options[1].medium"));
      assertTrue(list.getBoolean("recordVerifies"));

      assertNoLink(poll, receipts, ids);
      // the metrics count ballots and time them, and name no poll, voter, receipt or choice
      String metrics = io.restassured.RestAssured.get("/q/metrics").then().extract().asString();
      assertTrue(metrics.contains("hopso_ballots_latency_seconds_count "), "ballots are timed");
      for (String line : metrics.split("\n")) {
        if (line.startsWith("hopso_")) {
          assertFalse(line.contains("poll") || line.contains("participant"), line);
          for (String receipt : receipts.values()) {
            assertFalse(line.contains(receipt), "a metric names a receipt: " + line);
          }
          assertFalse(line.contains("HIGH") || line.contains("LOW"), line);
        }
      }
      for (LogRecord rec : logged) {
        String text = rec.getMessage() + " " + java.util.Arrays.toString(rec.getParameters());
        for (String receipt : receipts.values()) {
          assertFalse(text.contains(receipt), "a log line names a receipt: " + text);
        }
        for (UUID id : ids.values()) {
          assertFalse(text.contains(id.toString()), "a log line names a ballot id: " + text);
        }
        assertFalse(text.contains("R:"), "a log line names a choice: " + text);
      }
    } finally {
      root.removeHandler(capture);
    }
  }

  /**
   * Searches every table: the ballots hold no voter, no time, and share no transaction with the
   * "has voted" records; receipts and the client's ballot ids appear nowhere but in the ballot
   * table (the ids not even there); no audit entry or event of the meeting carries a choice.
   */
  void assertNoLink(long poll, Map<String, String> receipts, Map<String, UUID> ids)
      throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      // the ballot table's shape: no voter, no time
      Set<String> columns = new HashSet<>();
      try (ResultSet rs =
          s.executeQuery(
              "select column_name from information_schema.columns where table_name = 'ballot'")) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
      assertEquals(Set.of("id", "poll_id", "receipt", "choice", "participant_id"), columns);
      try (ResultSet rs =
          s.executeQuery(
              "select count(*) from ballot where poll_id = "
                  + poll
                  + " and participant_id is not null")) {
        rs.next();
        assertEquals(0, rs.getInt(1));
      }
      // one transaction wrote every ballot row (the close), none of the "has voted" rows
      Set<String> ballotTx = new HashSet<>();
      try (ResultSet rs = s.executeQuery("select xmin::text from ballot where poll_id = " + poll)) {
        while (rs.next()) {
          ballotTx.add(rs.getString(1));
        }
      }
      assertEquals(1, ballotTx.size());
      try (ResultSet rs =
          s.executeQuery("select xmin::text from poll_voter where poll_id = " + poll)) {
        while (rs.next()) {
          assertFalse(ballotTx.contains(rs.getString(1)), "a ballot shares a voter's transaction");
        }
      }
      // every table, every row
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "select table_name from information_schema.tables where table_schema = 'public'"
                  + " and table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      // the scan below reads the poll's audit entries (one per ballot) and its events too
      try (ResultSet rs =
          s.executeQuery("select count(*) from audit_entry where target = 'poll:" + poll + "'")) {
        rs.next();
        assertTrue(rs.getInt(1) >= receipts.size(), "the poll's audit entries");
      }
      for (String table : tables) {
        try (Statement q = c.createStatement();
            ResultSet rs = q.executeQuery("select * from " + table)) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              row.append(rs.getString(i)).append('|');
            }
            String text = row.toString();
            for (UUID id : ids.values()) {
              assertFalse(text.contains(id.toString()), table + " holds a client's ballot id");
            }
            if (!table.equals("ballot")) {
              for (String receipt : receipts.values()) {
                assertFalse(text.contains(receipt), table + " holds a receipt: " + text);
              }
              if (text.contains("poll:" + poll) || text.contains("\"pollId\":" + poll)) {
                assertFalse(text.contains("R:"), table + " holds a choice: " + text);
                assertFalse(
                    text.contains("HIGH") || text.contains("LOW"),
                    table + " holds a choice: " + text);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void anElectionStrikingNamesWithTwoSeats() {
    long poll =
        create(
            poll(
                "Bầu Ủy viên Thường trực",
                "ELECTION",
                true,
                Map.of(
                    "seats",
                    2,
                    "electionStyle",
                    "STRIKE",
                    "candidates",
                    List.of("Nguyễn Văn Hải", "Trần Thị Hoa", "Phạm Minh Khôi"),
                    "rule",
                    Map.of(
                        "base",
                        "VOTES_CAST",
                        "threshold",
                        "MORE_THAN_HALF",
                        "tie",
                        "NOT_ADOPTED"))));
    String p = "/api/polls/" + poll;
    JsonPath opened =
        Api.as(chair.token()).post(p + "/open").then().statusCode(200).extract().jsonPath();
    List<Long> ids = opened.getList("options.id", Long.class);
    cast(d.get(1), poll, ballot(UUID.randomUUID(), "selected", ids))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("selected"));
    cast(d.get(1), poll, ballot(UUID.randomUUID(), "selected", List.of(ids.get(0), 999_999)))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("selected"));
    // keeps: d0 A B, d1 A B, d2 A C, d3 A (strikes two), d4 none
    cast(d.get(0), poll, ballot(UUID.randomUUID(), "selected", List.of(ids.get(0), ids.get(1))))
        .then()
        .statusCode(200);
    cast(d.get(1), poll, ballot(UUID.randomUUID(), "selected", List.of(ids.get(1), ids.get(0))))
        .then()
        .statusCode(200);
    cast(d.get(2), poll, ballot(UUID.randomUUID(), "selected", List.of(ids.get(0), ids.get(2))))
        .then()
        .statusCode(200);
    cast(d.get(3), poll, ballot(UUID.randomUUID(), "selected", List.of(ids.get(0))))
        .then()
        .statusCode(200);
    cast(d.get(4), poll, ballot(UUID.randomUUID(), "selected", List.of())).then().statusCode(200);
    Api.as(chair.token()).post(p + "/close").then().statusCode(200);
    JsonPath r =
        Api.as(chair.token()).post(p + "/publish").then().statusCode(200).extract().jsonPath();
    // 5 valid ballots: required 3. A 4 elected, B 2 and C 1 not elected
    assertEquals(List.of(4, 2, 1), r.getList("result.options.votes", Integer.class));
    assertEquals(
        List.of("ELECTED", "NOT_ELECTED", "NOT_ELECTED"), r.getList("result.options.outcome"));
    assertEquals("1 người trúng cử", r.getString("result.text"));
  }

  @Test
  void analogFiguresFromTheHallAndARoom() {
    long poll = create(poll("Biểu quyết giơ tay", "YES_NO", false, Map.of("analog", true)));
    String p = "/api/polls/" + poll;
    Api.as(chair.token()).post(p + "/open").then().statusCode(200);
    refused(
        409, "poll.analog-no-ballots", d.get(1), poll, ballot(UUID.randomUUID(), "value", "YES"));
    Api.as(d.get(1).token())
        .body(Map.of("yes", 1))
        .put(p + "/counts")
        .then()
        .statusCode(403)
        .body("code", equalTo("meeting.need-room-or-runner"));
    Api.as(chair.token()).body(Map.of("yes", 1)).put(p + "/counts").then().statusCode(200);
    Api.as(secretary.token())
        .body(Map.of("yes", 3, "no", 1, "abstain", 0))
        .put(p + "/counts")
        .then()
        .statusCode(200);
    Api.as(secretary.token())
        .body(Map.of("yes", 4, "no", 1, "abstain", 0))
        .put(p + "/counts")
        .then()
        .statusCode(200); // the hall's figures again: replaced, not added
    MeetingFixture.Room commune =
        MeetingFixture.invitedRoom(
            admin, secretary.token(), meeting, unit, "Điểm cầu Xã Biểu Quyết");
    String room = commune.token();
    long endpoint = commune.endpointId();
    Api.as(room)
        .body(Map.of("endpointId", endpoint, "yes", 2, "no", 0, "abstain", 1))
        .put(p + "/counts")
        .then()
        .statusCode(200);
    // the chair may enter a room's figures too (the same again: replaced); a room only its own
    Api.as(chair.token())
        .body(Map.of("endpointId", endpoint, "yes", 2, "no", 0, "abstain", 1))
        .put(p + "/counts")
        .then()
        .statusCode(200);
    Api.as(room)
        .body(Map.of("endpointId", 999_999_999, "yes", 2))
        .put(p + "/counts")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("endpointId"));
    Api.as(room)
        .body(Map.of("yes", 2))
        .put(p + "/counts")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("endpointId"));
    Api.as(secretary.token())
        .body(Map.of("yes", -1))
        .put(p + "/counts")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("yes"));
    Api.as(chair.token())
        .post(p + "/close")
        .then()
        .statusCode(200)
        .body("result.yes", equalTo(6))
        .body("result.no", equalTo(1))
        .body("result.abstain", equalTo(1))
        .body("result.decision", equalTo("ADOPTED"));
  }

  /**
   * The view's "entitled" figure is counted once for many readers (vote/EntitledCount: every tablet
   * fetches the poll when it opens); a check-in or a proxy withdrawn must show at the next read.
   */
  /**
   * The meeting's list shows each poll as the poll's own read does, to every reader, and costs the
   * same statements however many polls the meeting has: every tablet reads the list when it opens
   * the meeting or its channel lost its place (all at once after a restart), so a query per poll
   * would make a session's thirtieth vote thirty times dearer to 2,000 tablets than its first.
   */
  @Test
  void theMeetingsPollListIsEachPollsOwnReadAtACostThatDoesNotGrowWithThePolls() {
    // published and named: d0 casts their own vote and d5's; closed and secret; open: an election
    long named = create(poll("Nghị quyết về ngân sách", "YES_NO", false, Map.of()));
    voteAndClose(named, true);
    long secret = create(poll("Nghị quyết về nhân sự", "YES_NO", true, Map.of()));
    voteAndClose(secret, false);
    long election =
        create(
            poll(
                "Bầu Phó Chủ tịch",
                "ELECTION",
                true,
                Map.of("seats", 1, "candidates", List.of("Lê Thị Mai", "Đỗ Văn Nam"))));
    List<Long> candidates =
        Api.as(chair.token())
            .post("/api/polls/" + election + "/open")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("options.id", Long.class);
    cast(d.get(0), election, ballot(UUID.randomUUID(), "selected", List.of(candidates.get(1))))
        .then()
        .statusCode(200);
    long draft = create(poll("Nghị quyết chưa trình", "YES_NO", false, Map.of()));

    for (Someone s : List.of(secretary, chair, d.get(0), d.get(1), d.get(5), nonVoter)) {
      List<Map<String, Object>> list =
          Api.as(s.token()).get(base + "/polls").then().statusCode(200).extract().path("$");
      List<Long> expected =
          s == secretary || s == chair
              ? List.of(draft, election, secret, named)
              : List.of(election, secret, named);
      assertEquals(
          expected,
          list.stream().map(v -> ((Number) v.get("id")).longValue()).toList(),
          s.username());
      for (Map<String, Object> inList : list) {
        Map<String, Object> own =
            Api.as(s.token())
                .get("/api/polls/" + inList.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        own.remove("now");
        Map<String, Object> listed = new HashMap<>(inList);
        listed.remove("now");
        assertEquals(own, listed, s.username() + ", poll " + inList.get("id"));
      }
    }
    JsonPath mine = Api.as(d.get(0).token()).get(base + "/polls").then().extract().jsonPath();
    assertEquals(
        List.of(true, false), mine.getList("find { it.id == " + election + " }.mine.voted"));
    assertEquals(
        List.of("YES", "NO"), mine.getList("find { it.id == " + named + " }.mine.choice.value"));
    assertEquals(List.of(true, true), mine.getList("find { it.id == " + secret + " }.mine.voted"));
    assertEquals(
        java.util.Arrays.asList(null, null),
        mine.getList("find { it.id == " + secret + " }.mine.choice"));
    assertEquals(3, mine.getInt("find { it.id == " + named + " }.cast"));
    // the close's snapshot of who voted, which the list does not load, outlived the publish
    Api.as(chair.token())
        .get("/api/polls/" + named + "/voters")
        .then()
        .statusCode(200)
        .body("voted", equalTo(3));
    assertEquals(1, mine.getInt("find { it.id == " + election + " }.cast"));

    // the statements of one read of the list, for a proxy holder who voted on every poll, before
    // and after six more votes (the least of a few reads: the timers read the database meanwhile)
    Api.as(chair.token()).post("/api/polls/" + election + "/close").then().statusCode(200);
    long before = statementsToList(d.get(0));
    assertTrue(before > 0, "Hibernate's statistics count statements in tests");
    for (int i = 0; i < 6; i++) {
      voteAndClose(
          create(poll("Nghị quyết số " + (i + 3), "YES_NO", i % 2 == 0, Map.of())), i % 3 == 0);
    }
    assertEquals(
        9,
        Api.as(d.get(0).token())
            .get(base + "/polls")
            .then()
            .extract()
            .jsonPath()
            .getList("$")
            .size());
    assertEquals(before, statementsToList(d.get(0)));
  }

  /** Opens the poll; d0 (for themselves, YES, and for d5, NO) and d1 vote; closes; publishes. */
  void voteAndClose(long poll, boolean publish) {
    String p = "/api/polls/" + poll;
    Api.as(chair.token()).post(p + "/open").then().statusCode(200);
    castForD0AndD5(poll, "YES", "NO").then().statusCode(200);
    cast(d.get(1), poll, ballot(UUID.randomUUID(), "value", "NO")).then().statusCode(200);
    Api.as(chair.token()).post(p + "/close").then().statusCode(200);
    if (publish) {
      Api.as(chair.token()).post(p + "/publish").then().statusCode(200);
    }
  }

  /** The fewest SQL statements one read of the meeting's polls took, over a few reads. */
  long statementsToList(Someone reader) {
    Statistics stats = sessions.getStatistics();
    long fewest = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long before = stats.getPrepareStatementCount();
      Api.as(reader.token()).get(base + "/polls").then().statusCode(200);
      fewest = Math.min(fewest, stats.getPrepareStatementCount() - before);
    }
    return fewest;
  }

  @Test
  void anOpenPollsEntitledFigureFollowsEachChangeAtOnce() {
    long poll = create(poll("Số đại biểu có quyền biểu quyết", "YES_NO", false, Map.of()));
    Api.as(chair.token()).post("/api/polls/" + poll + "/open").then().statusCode(200);
    // the chair, d0..d4, and d5 through d0's proxy
    for (Someone s : List.of(chair, d.get(1), chair)) {
      Api.as(s.token()).get("/api/polls/" + poll).then().body("entitled", equalTo(7));
    }
    Api.as(d.get(6).token()).post(base + "/check-in").then().statusCode(200);
    Api.as(d.get(2).token()).get("/api/polls/" + poll).then().body("entitled", equalTo(8));
    Api.as(secretary.token())
        .delete(base + "/participants/" + participantOf.get(d.get(5).id()) + "/proxy")
        .then()
        .statusCode(200);
    Api.as(d.get(2).token()).get("/api/polls/" + poll).then().body("entitled", equalTo(7));
    Api.as(secretary.token())
        .body(Map.of("attendance", "ABSENT"))
        .put(base + "/participants/" + participantOf.get(d.get(1).id()) + "/attendance")
        .then()
        .statusCode(200);
    Api.as(chair.token()).get("/api/polls/" + poll).then().body("entitled", equalTo(6));
  }

  @Test
  void theCountdownAndEveryoneHavingVotedCloseThePoll() {
    long timed =
        create(poll("Có giới hạn thời gian", "YES_NO", false, Map.of("durationSeconds", 60)));
    Api.as(chair.token())
        .post("/api/polls/" + timed + "/open")
        .then()
        .statusCode(200)
        .body("closesAt", org.hamcrest.Matchers.notNullValue());
    cast(d.get(1), timed, ballot(UUID.randomUUID(), "value", "YES")).then().statusCode(200);
    ticker.tick();
    Api.as(chair.token()).get("/api/polls/" + timed).then().body("state", equalTo("OPEN"));
    TestClock.advance(Duration.ofSeconds(61));
    refused(409, "poll.time-up", d.get(2), timed, ballot(UUID.randomUUID(), "value", "YES"));
    ticker.tick();
    Api.as(chair.token())
        .get("/api/polls/" + timed)
        .then()
        .body("state", equalTo("CLOSED"))
        .body("result.yes", equalTo(1));
    TestClock.reset();

    long all = create(poll("Đủ phiếu thì kết thúc", "YES_NO", false, Map.of()));
    Api.as(chair.token()).post("/api/polls/" + all + "/open").then().statusCode(200);
    for (int i = 1; i <= 4; i++) {
      cast(d.get(i), all, ballot(UUID.randomUUID(), "value", "NO")).then().statusCode(200);
    }
    ticker.tick();
    Api.as(chair.token())
        .get("/api/polls/" + all)
        .then()
        .body("state", equalTo("OPEN"))
        .body("cast", equalTo(4));
    castForD0AndD5(all, "NO", "NO").then().statusCode(200);
    ticker.tick();
    Api.as(chair.token()).get("/api/polls/" + all).then().body("state", equalTo("OPEN"));
    cast(chair, all, ballot(UUID.randomUUID(), "value", "YES")).then().statusCode(200);
    ticker.tick();
    Api.as(chair.token())
        .get("/api/polls/" + all)
        .then()
        .body("state", equalTo("CLOSED"))
        .body("result.decision", equalTo("NOT_ADOPTED"));
  }

  @Test
  void preparingRefusesWhatCannotBeCounted() {
    String polls = base + "/polls";
    Api.as(d.get(1).token())
        .body(poll("x", "YES_NO", false, Map.of()))
        .post(polls)
        .then()
        .statusCode(403);
    Map<String, Object> chairTie = poll("Ngang phiếu kín", "YES_NO", true, Map.of());
    chairTie.put(
        "rule", Map.of("base", "YES_NO", "threshold", "MORE_THAN_HALF", "tie", "CHAIR_DECIDES"));
    Api.as(secretary.token())
        .body(chairTie)
        .post(polls)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("rule.tie"));
    Api.as(secretary.token())
        .body(poll("Có ứng viên", "YES_NO", false, Map.of("candidates", List.of("A"))))
        .post(polls)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("candidates"));
    Api.as(secretary.token())
        .body(poll("Bầu thiếu", "ELECTION", false, Map.of("candidates", List.of("A"), "seats", 2)))
        .post(polls)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("seats"));
    Api.as(secretary.token())
        .body(
            poll(
                "Trùng tên",
                "ELECTION",
                false,
                Map.of("candidates", List.of("Lê Văn An", " lê văn  an "))))
        .post(polls)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("candidates"));
    Map<String, Object> custom = poll("Tùy chọn", "YES_NO", false, Map.of());
    custom.put("rule", Map.of("base", "PRESENT", "threshold", "CUSTOM", "tie", "NOT_ADOPTED"));
    Api.as(secretary.token())
        .body(custom)
        .post(polls)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("rule.numerator"));
    Api.as(secretary.token())
        .body(poll("", "YES_NO", false, Map.of()))
        .post(polls)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("title"));
    // one poll open at a time
    long first = create(poll("Thứ nhất", "YES_NO", false, Map.of()));
    long second = create(poll("Thứ hai", "YES_NO", false, Map.of()));
    Api.as(chair.token()).post("/api/polls/" + first + "/open").then().statusCode(200);
    Api.as(chair.token())
        .post("/api/polls/" + second + "/open")
        .then()
        .statusCode(409)
        .body("code", equalTo("poll.another-open"));
    // an opened poll is no longer edited or deleted; a draft is
    Api.as(secretary.token()).delete("/api/polls/" + first).then().statusCode(409);
    Api.as(secretary.token()).delete("/api/polls/" + second).then().statusCode(204);
    Api.as(secretary.token()).get("/api/polls/" + second).then().statusCode(404);
  }

  @Test
  void aDraftsVersionGuardsItsContent() {
    long poll =
        create(poll("Bầu thư ký", "ELECTION", false, Map.of("candidates", List.of("An", "Bình"))));
    String p = "/api/polls/" + poll;
    Map<String, Object> changed =
        poll("Bầu thư ký", "ELECTION", false, Map.of("candidates", List.of("An", "Cúc")));
    changed.put("version", 0);
    // only the candidates changed: still a new version
    Api.as(secretary.token())
        .body(changed)
        .put(p)
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("options.label", equalTo(List.of("An", "Cúc")));
    Api.as(chair.token())
        .body(changed)
        .put(p)
        .then()
        .statusCode(409)
        .body("code", equalTo("stale"));
    changed.remove("version");
    Api.as(chair.token())
        .body(changed)
        .put(p)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("version"));
  }

  @Test
  void twoPollsOpenedAtOnceOpenOne() throws Exception {
    long first = create(poll("Thứ nhất", "YES_NO", false, Map.of()));
    long second = create(poll("Thứ hai", "YES_NO", false, Map.of()));
    List<Integer> statuses;
    try (Connection holder = db.getConnection()) {
      holder.setAutoCommit(false);
      // both opens wait on their poll's row, then go on together
      lock(holder, "select id from poll where id in (" + first + ", " + second + ") for update");
      statuses =
          whileBlocked(
              holder,
              List.of(
                  () -> Api.as(chair.token()).post("/api/polls/" + first + "/open").statusCode(),
                  () ->
                      Api.as(secretary.token())
                          .post("/api/polls/" + second + "/open")
                          .statusCode()));
    }
    assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
    Api.as(chair.token())
        .get(base + "/polls")
        .then()
        .body("findAll { it.state == 'OPEN' }.size()", equalTo(1));
  }

  @Test
  void twoChangesOfOneBallotAtOnceAcceptOne() throws Exception {
    long poll = create(poll("Được đổi phiếu", "YES_NO", false, Map.of("allowChange", true)));
    Api.as(chair.token()).post("/api/polls/" + poll + "/open").then().statusCode(200);
    UUID first = UUID.randomUUID();
    cast(d.get(1), poll, ballot(first, "value", "YES")).then().statusCode(200);
    List<Integer> statuses;
    try (Connection holder = db.getConnection()) {
      holder.setAutoCommit(false);
      // the voter's rows are held, as by a transaction still writing them: the ballot desk's
      // writer waits on them with the first change, the second waits behind it (in its queue or
      // in the same batch)
      lock(holder, "select id from poll_voter where poll_id = " + poll + " for update");
      lock(holder, "select id from ballot where poll_id = " + poll + " for update");
      statuses =
          whileBlocked(
              holder,
              1,
              List.of(
                  () ->
                      cast(
                              d.get(1),
                              poll,
                              ballot(
                                  UUID.randomUUID(), "value", "NO", "replaces", first.toString()))
                          .statusCode(),
                  () ->
                      cast(
                              d.get(1),
                              poll,
                              ballot(
                                  UUID.randomUUID(),
                                  "value",
                                  "ABSTAIN",
                                  "replaces",
                                  first.toString()))
                          .statusCode()));
    }
    // the second replaced a ballot that was no longer the current one
    assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
  }

  @Test
  void theMeetingEndsWhileItsOpenPollIsClosedElsewhere() throws Exception {
    long poll = create(poll("Đang mở khi kết thúc", "YES_NO", false, Map.of()));
    Api.as(chair.token()).post("/api/polls/" + poll + "/open").then().statusCode(200);
    List<Integer> statuses;
    try (Connection holder = db.getConnection()) {
      holder.setAutoCommit(false);
      // another instance's ticker closing the poll, committed while the meeting ends
      lock(holder, "update poll set state = 'CLOSED', version = version + 1 where id = " + poll);
      statuses =
          whileBlocked(
              holder, List.of(() -> Api.as(chair.token()).post(base + "/end").statusCode()));
    }
    assertEquals(List.of(200), statuses);
  }

  /** Runs a statement in the holder's open transaction (its row locks last until it ends). */
  static void lock(Connection holder, String sql) throws Exception {
    try (Statement s = holder.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * Sends the requests at once, waits until each is blocked by a row lock of {@code holder}, then
   * commits the holder's transaction and answers the requests' statuses.
   */
  List<Integer> whileBlocked(
      Connection holder, List<java.util.concurrent.Callable<Integer>> requests) throws Exception {
    return whileBlocked(holder, requests.size(), requests);
  }

  /**
   * As above, when fewer database sessions than requests wait ({@code waiting}): the ballot desk
   * writes with one session, and the other requests queue behind it in the application. Once the
   * sessions wait, the other requests are given half a second to arrive.
   */
  List<Integer> whileBlocked(
      Connection holder, int waiting, List<java.util.concurrent.Callable<Integer>> requests)
      throws Exception {
    int pid;
    try (Statement s = holder.createStatement();
        ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
      rs.next();
      pid = rs.getInt(1);
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(requests.size());
    try {
      List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
      requests.forEach(r -> answers.add(pool.submit(r)));
      try (Connection watch = db.getConnection();
          java.sql.PreparedStatement blocked =
              // waiting on the holder, or queued behind a request that is (PostgreSQL queues a
              // row's second waiter on the first)
              watch.prepareStatement(
                  "select count(*) from pg_stat_activity a where ? = any(pg_blocking_pids(a.pid))"
                      + " or exists (select 1 from pg_stat_activity b"
                      + " where b.pid = any(pg_blocking_pids(a.pid))"
                      + " and ? = any(pg_blocking_pids(b.pid)))")) {
        blocked.setInt(1, pid);
        blocked.setInt(2, pid);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int n = 0;
        while (n < waiting && System.nanoTime() < end) {
          Thread.sleep(20);
          try (ResultSet rs = blocked.executeQuery()) {
            rs.next();
            n = rs.getInt(1);
          }
        }
        assertEquals(waiting, n, "requests waiting on the held rows");
        if (waiting < requests.size()) {
          Thread.sleep(500);
        }
      }
      holder.commit();
      List<Integer> statuses = new ArrayList<>();
      for (var a : answers) {
        statuses.add(a.get(30, java.util.concurrent.TimeUnit.SECONDS));
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theLiveChannelCarriesStatesCountsAndThePublishedResultNeverABallot() throws Exception {
    String ticket =
        Api.as(d.get(1).token())
            .post(base + "/live-ticket")
            .then()
            .statusCode(200)
            .extract()
            .path("ticket");
    try (vn.hopso.support.LiveClient live =
        vn.hopso.support.LiveClient.connect(
            "ws://localhost:"
                + io.restassured.RestAssured.port
                + "/ws/meetings/"
                + meeting
                + "?ticket="
                + ticket)) {
      live.next("hello", 10, null);
      long poll = create(poll("Biểu quyết trực tiếp", "YES_NO", true, Map.of()));
      Api.as(chair.token()).post("/api/polls/" + poll + "/open").then().statusCode(200);
      com.fasterxml.jackson.databind.JsonNode opened = nextEvent(live, "poll.changed");
      assertEquals("OPEN", opened.path("data").path("state").asText(), "a draft is not announced");
      String receipt =
          cast(d.get(2), poll, ballot(UUID.randomUUID(), "value", "NO"))
              .then()
              .statusCode(200)
              .extract()
              .path("receipt");
      ticker.tick();
      com.fasterxml.jackson.databind.JsonNode progress = nextEvent(live, "poll.progress");
      assertEquals(1, progress.path("data").path("cast").asInt());
      assertEquals(7, progress.path("data").path("entitled").asInt());
      ticker.tick(); // unchanged: nothing announced
      String second =
          cast(d.get(3), poll, ballot(UUID.randomUUID(), "value", "YES"))
              .then()
              .statusCode(200)
              .extract()
              .path("receipt");
      ticker.tick(); // changed, but announced less than a second ago: not yet
      TestClock.advance(Duration.ofSeconds(1));
      ticker.tick();
      com.fasterxml.jackson.databind.JsonNode paced = nextEvent(live, "poll.progress");
      assertEquals(2, paced.path("data").path("cast").asInt());
      Api.as(chair.token()).post("/api/polls/" + poll + "/close").then().statusCode(200);
      assertEquals("CLOSED", nextEvent(live, "poll.changed").path("data").path("state").asText());
      Api.as(chair.token()).post("/api/polls/" + poll + "/publish").then().statusCode(200);
      com.fasterxml.jackson.databind.JsonNode published = nextEvent(live, "poll.published");
      assertEquals("NOT_ADOPTED", published.path("data").path("result").path("decision").asText());
      assertEquals(1, published.path("data").path("result").path("no").asInt());
      assertEquals(1, published.path("data").path("result").path("yes").asInt());
      for (com.fasterxml.jackson.databind.JsonNode m : seen) {
        assertFalse(m.toString().contains(receipt), "an event names a receipt: " + m);
        assertFalse(m.toString().contains(second), "an event names a receipt: " + m);
      }
      assertEquals(
          2,
          seen.stream().filter(m -> m.path("event").asText().equals("poll.progress")).count(),
          "one announcement per change of the count, at most one a second");
    }
  }

  final List<com.fasterxml.jackson.databind.JsonNode> seen = new ArrayList<>();

  com.fasterxml.jackson.databind.JsonNode nextEvent(vn.hopso.support.LiveClient live, String type)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < end) {
      com.fasterxml.jackson.databind.JsonNode m = live.next("event", 10, null);
      seen.add(m);
      if (type.equals(m.path("event").asText())) {
        return m;
      }
    }
    throw new AssertionError("no " + type);
  }
}
