package vn.hopso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hopso.support.OnInstance.awaitClosed;
import static vn.hopso.support.OnInstance.login;
import static vn.hopso.support.OnInstance.on;
import static vn.hopso.support.OnInstance.openPoll;
import static vn.hopso.support.OnInstance.person;
import static vn.hopso.support.OnInstance.scheduledMeeting;
import static vn.hopso.support.OnInstance.unit;
import static vn.hopso.support.OnInstance.wsUrl;
import static vn.hopso.support.OnInstance.yesNoPoll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;
import vn.hopso.support.LiveClient;
import vn.hopso.support.PackagedApp;

/**
 * The province rehearsal in small (issue 12), as CI runs it: two packaged instances on the test
 * PostgreSQL, 50 tablets spread over both (each signed in, checked in and following the meeting on
 * its instance's live socket), a yes/no vote on the sockets, and one instance killed like {@code
 * kill -9} while ballots are in flight. Its tablets move to the other instance, as the load
 * balancer sends them there, resume after the last event they saw and send again every ballot they
 * had not seen acknowledged. Asserted: no event lost or repeated on any tablet, every ballot
 * counted exactly once (each receipt published once with its choice), the result on every tablet.
 *
 * <p>The tablets pick their instance themselves here (the even ones A, the odd ones B; after the
 * kill, B): what nginx does in front of them is exercised by bench/rehearsal.sh, not by the suite.
 */
class RehearsalIT {
  static final int TABLETS = 50;

  static final ObjectMapper JSON = new ObjectMapper();

  /** bcrypt at cost 4 keeps the 50 accounts' set-up quick. */
  static final Map<String, String> ENV = Map.of("HOPSO_PASSWORDS_BCRYPT_COST", "4");

  /** One delegate's tablet, following the meeting on one instance. */
  static final class Tablet {
    final int n;
    final String username;
    final String value;
    final UUID ballotId = UUID.randomUUID();
    PackagedApp app;
    String token;
    LiveClient live;

    /** Every event's number this tablet received, in the order received. */
    final List<Long> seqs = new ArrayList<>();

    long firstSeq = -1;
    String receipt;

    /** When it had moved after the kill (its new socket's hello), nanoTime. */
    long resumedAt;

    Tablet(int n, String username) {
      this.n = n;
      this.username = username;
      this.value = n % 5 == 4 ? "NO" : "YES";
    }

    long lastSeq() {
      return seqs.isEmpty() ? firstSeq : seqs.get(seqs.size() - 1);
    }

    /** Takes what arrived, recording events; answers the messages of {@code type} taken. */
    List<JsonNode> pump(String type, long millis) throws InterruptedException {
      List<JsonNode> out = new ArrayList<>();
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      do {
        JsonNode m = live.messages.poll(5, TimeUnit.MILLISECONDS);
        if (m == null) {
          continue;
        }
        take(m);
        if (type.equals(m.path("type").asText())) {
          out.add(m);
        }
      } while (System.nanoTime() < end && out.isEmpty());
      return out;
    }

    void take(JsonNode m) {
      switch (m.path("type").asText()) {
        case "hello" -> {
          if (firstSeq < 0) {
            firstSeq = m.path("seq").asLong();
          }
        }
        case "event" -> seqs.add(m.path("seq").asLong());
        case "ballot.ack" -> receipt = m.path("acks").path(0).path("receipt").asText();
        default -> {}
      }
    }

    /** Takes everything that has arrived, without waiting. */
    void drain() {
      for (JsonNode m = live.messages.poll(); m != null; m = live.messages.poll()) {
        take(m);
      }
    }

    void cast(long pollId) throws Exception {
      live.send(
          "{\"type\":\"ballot\",\"ref\":\"t"
              + n
              + "\",\"pollId\":"
              + pollId
              + ",\"ballot\":{\"ballotId\":\""
              + ballotId
              + "\",\"value\":\""
              + value
              + "\"}}");
    }
  }

  @Test
  void fiftyTabletsOnTwoInstancesVoteThroughAKillAndLoseNothing() throws Exception {
    try (PackagedApp a = PackagedApp.startOnPostgres("rehearsal-a", ENV);
        PackagedApp b = PackagedApp.startOnPostgres("rehearsal-b", ENV)) {
      String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
      String admin = login(a, "admin", Api.ADMIN_PASSWORD);
      long unit =
          unit(a, admin, "RH-" + suffix.toUpperCase(Locale.ROOT), "Tỉnh Diễn Tập " + suffix);
      String chairName = "rh" + suffix + "-chair";
      long chairId = person(a, admin, chairName, "Chủ tọa Diễn Tập", null, "CHAIR");
      List<Tablet> tablets = new ArrayList<>();
      for (int i = 0; i < TABLETS; i++) {
        Tablet t = new Tablet(i, String.format(Locale.ROOT, "rh%s-%02d", suffix, i));
        person(i % 2 == 0 ? a : b, admin, t.username, "Đại biểu Diễn Tập " + i, unit, "DELEGATE");
        tablets.add(t);
      }
      long meeting = scheduledMeeting(a, admin, unit, chairId, "Kỳ họp diễn tập cấp tỉnh");
      String m = "/api/meetings/" + meeting;
      String chairOnB = login(b, chairName, Api.PASSWORD);
      on(b, chairOnB).post(m + "/start").then().statusCode(200);

      // every tablet on its instance: signed in there, checked in there, following the meeting
      for (Tablet t : tablets) {
        t.app = t.n % 2 == 0 ? a : b;
        t.token = login(t.app, t.username, Api.PASSWORD);
        on(t.app, t.token).body(Map.of()).post(m + "/check-in").then().statusCode(200);
        t.live = LiveClient.connect(wsUrl(t.app, t.token, meeting, null));
        assertEquals(1, t.pump("hello", 10_000).size(), "tablet " + t.n + " said hello");
      }
      on(b, chairOnB)
          .get(m + "/live")
          .then()
          .statusCode(200)
          .body("quorum.present", org.hamcrest.Matchers.equalTo(TABLETS));

      Map<String, Object> poll = yesNoPoll("Biểu quyết thông qua nghị quyết diễn tập", false);
      long pollId = openPoll(b, chairOnB, meeting, poll);

      // the first 30 cast and are acknowledged
      List<Tablet> first = tablets.subList(0, 30);
      for (Tablet t : first) {
        t.cast(pollId);
      }
      for (Tablet t : first) {
        assertEquals(1, t.pump("ballot.ack", 20_000).size(), "tablet " + t.n + " acknowledged");
      }
      // the other 20 cast at once, and A dies with its share of them in flight
      List<Tablet> rest = tablets.subList(30, TABLETS);
      for (Tablet t : rest) {
        t.cast(pollId);
      }
      long killedAt = System.nanoTime();
      a.kill();
      // B's tablets are answered as usual
      for (Tablet t : rest) {
        if (t.app == b) {
          assertEquals(1, t.pump("ballot.ack", 20_000).size(), "tablet " + t.n + " acknowledged");
        }
      }

      // A's tablets: their sockets closed; each moves to B, resumes after the last event it saw,
      // and sends again every ballot it has no receipt for (the same ballot id)
      List<Tablet> moved = tablets.stream().filter(t -> t.app == a).toList();
      for (Tablet t : moved) {
        t.live.closed.get(20, TimeUnit.SECONDS);
        t.drain(); // what arrived before the kill
        t.app = b;
        t.token = login(b, t.username, Api.PASSWORD);
        t.live = LiveClient.connect(wsUrl(b, t.token, meeting, t.lastSeq()));
        assertEquals(1, t.pump("hello", 10_000).size(), "tablet " + t.n + " resumed");
        t.resumedAt = System.nanoTime();
      }
      int resent = 0;
      for (Tablet t : tablets) {
        if (t.receipt == null) {
          t.cast(pollId);
          resent++;
        }
      }
      for (Tablet t : tablets) {
        if (t.receipt == null) {
          assertEquals(1, t.pump("ballot.ack", 20_000).size(), "tablet " + t.n + " acknowledged");
        }
      }
      // an acknowledged ballot sent again answers the receipt it had
      Tablet again = moved.get(0);
      String had = again.receipt;
      again.cast(pollId);
      assertEquals(1, again.pump("ballot.ack", 20_000).size());
      assertEquals(had, again.receipt, "the same ballot id answers the same receipt");

      // every member present has voted: the poll closes by itself; the chair publishes
      String p = "/api/polls/" + pollId;
      awaitClosed(b, chairOnB, pollId);
      long published = System.nanoTime();
      on(b, chairOnB).post(p + "/publish").then().statusCode(200);
      long publishSeq = -1;
      List<Long> resultDelays = new ArrayList<>();
      for (Tablet t : tablets) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        boolean got = false;
        while (!got && System.nanoTime() < until) {
          JsonNode msg = t.live.messages.poll(50, TimeUnit.MILLISECONDS);
          if (msg == null) {
            continue;
          }
          t.take(msg);
          if ("poll.published".equals(msg.path("event").asText())) {
            got = true;
            publishSeq = msg.path("seq").asLong();
            resultDelays.add(System.nanoTime() - published);
          }
        }
        assertTrue(got, "tablet " + t.n + " received the result");
      }

      // events: none repeated on any tablet; every event that reached two tablets or more (one
      // addressed to everyone) reached every tablet that followed the meeting at the time
      Map<Long, Integer> reached = new TreeMap<>();
      for (Tablet t : tablets) {
        for (int i = 1; i < t.seqs.size(); i++) {
          assertTrue(
              t.seqs.get(i) > t.seqs.get(i - 1),
              "tablet " + t.n + " got an event twice: " + t.seqs);
        }
        t.seqs.forEach(s -> reached.merge(s, 1, Integer::sum));
      }
      int lost = 0;
      for (Tablet t : tablets) {
        Set<Long> mine = new TreeSet<>(t.seqs);
        for (Map.Entry<Long, Integer> e : reached.entrySet()) {
          if (e.getValue() >= 2
              && e.getKey() > t.firstSeq
              && e.getKey() <= publishSeq
              && !mine.contains(e.getKey())) {
            lost++;
          }
        }
      }
      assertEquals(0, lost, "events lost");

      // ballots: counted once each, every receipt published once with its choice
      JsonNode result = JSON.readTree(on(b, chairOnB).get(p).then().extract().asString());
      long yes = tablets.stream().filter(t -> t.value.equals("YES")).count();
      assertEquals(TABLETS, result.path("result").path("cast").asInt(), result.toString());
      assertEquals(yes, result.path("result").path("yes").asLong(), result.toString());
      assertEquals(TABLETS - yes, result.path("result").path("no").asLong(), result.toString());
      JsonNode receipts =
          JSON.readTree(on(b, chairOnB).get(p + "/receipts").then().extract().asString());
      Map<String, List<String>> listed = new HashMap<>();
      for (JsonNode e : receipts.path("entries")) {
        listed
            .computeIfAbsent(e.path("receipt").asText(), k -> new ArrayList<>())
            .add(e.path("choice").path("value").asText());
      }
      assertEquals(TABLETS, receipts.path("entries").size(), "published entries");
      for (Tablet t : tablets) {
        assertEquals(List.of(t.value), listed.get(t.receipt), "tablet " + t.n + "'s receipt");
      }
      assertTrue(receipts.path("recordVerifies").asBoolean(), "the poll's record verifies");

      long reconnectMax =
          moved.stream().mapToLong(t -> t.resumedAt - killedAt).max().orElse(0) / 1_000_000;
      System.out.printf(
          Locale.ROOT,
          "RehearsalIT: %d tablets on two instances; %d moved after the kill, all resumed within"
              + " %d ms; %d ballots sent again; result on every tablet within %d ms; events lost 0;"
              + " ballots counted %d of %d%n",
          TABLETS,
          moved.size(),
          reconnectMax,
          resent,
          resultDelays.stream().mapToLong(Long::longValue).max().orElse(0) / 1_000_000,
          result.path("result").path("cast").asInt(),
          TABLETS);
      tablets.forEach(t -> t.live.close());
    }
  }
}
