package vn.hopso.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;
import vn.hopso.support.PackagedApp;

/**
 * Ballots through a crash (issue 9): the packaged app on the test PostgreSQL, 2,000 voters' ballots
 * sent at once, the server killed like {@code kill -9} once some have been acknowledged, then
 * started again. Every ballot acknowledged (HTTP 200 with its receipt) must count exactly once:
 * sent again with the same ballot id it answers the same receipt; every ballot that was not
 * acknowledged, sent again with the same id, is recorded at most once whether or not it had
 * committed before the kill; the poll then counts exactly 2,000 ballots, its published result has
 * the choices sent, and its published receipts list each receipt once with its choice. Done once
 * for a secret poll and once for a named one, with one set-up.
 */
class VoteCrashIT {
  static final int VOTERS = 2000;

  /**
   * The server is killed when this many ballots have been acknowledged. Early: by the time the kill
   * lands, the answers already written (hundreds, on a fast run) still arrive, and the test needs a
   * good share of the ballots left unanswered.
   */
  static final int KILL_AFTER = 100;

  /** bcrypt at cost 4 (as the Quarkus tests use) keeps the 2,000 accounts' set-up quick. */
  static final Map<String, String> ENV = Map.of("HOPSO_PASSWORDS_BCRYPT_COST", "4");

  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * HTTP/1.1 (one connection per request in flight, as 2,000 tablets have) and a small fixed
   * executor for the answers: no thread per request.
   */
  final ExecutorService answers = Executors.newFixedThreadPool(4);

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .executor(answers)
          .build();

  volatile PackagedApp app;
  int starts;

  /** One ballot as the tablet keeps it: its id, its choice, and the receipt once acknowledged. */
  static final class Sent {
    final int voter;
    final UUID ballotId = UUID.randomUUID();
    final String value;
    volatile String receipt;
    volatile String failure;

    Sent(int voter, String value) {
      this.voter = voter;
      this.value = value;
    }

    String body() {
      return "{\"ballotId\":\"" + ballotId + "\",\"value\":\"" + value + "\"}";
    }
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    answers.shutdownNow();
  }

  @Test
  void everyAcknowledgedBallotCountsExactlyOnceAcrossAKillAndARestart() throws Exception {
    start();
    String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String admin = login("admin", Api.ADMIN_PASSWORD);
    long unit =
        call(
                "POST",
                "/api/units",
                admin,
                Map.of(
                    "code",
                    "VC-" + suffix.toUpperCase(java.util.Locale.ROOT),
                    "name",
                    "Hội đồng thử mất điện " + suffix,
                    "level",
                    "PROVINCE"))
            .path("id")
            .asLong();
    String chairName = "vc" + suffix + "-chair";
    long chairId = person(admin, chairName, "Chủ tọa Thử", null, "CHAIR");
    // one more delegate than voters, present but never voting: the poll stays open until the chair
    // closes it (a poll also closes by itself once every member present has voted)
    List<String> usernames = new ArrayList<>();
    for (int i = 0; i <= VOTERS; i++) {
      usernames.add(String.format(java.util.Locale.ROOT, "vc%s-%04d", suffix, i));
    }
    parallel(
        usernames.size(),
        i -> person(admin, usernames.get(i), "Đại biểu Thử " + i, unit, "DELEGATE"));
    Instant start = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> meeting = new HashMap<>();
    meeting.put("title", "Kỳ họp thử mất điện");
    meeting.put("kind", "REGULAR");
    meeting.put("hostUnitId", unit);
    meeting.put("chairId", chairId);
    meeting.put("startsAt", start.toString());
    meeting.put("endsAt", start.plus(Duration.ofHours(3)).toString());
    meeting.put("place", "Hội trường");
    long meetingId = call("POST", "/api/meetings", admin, meeting).path("id").asLong();
    String m = "/api/meetings/" + meetingId;
    JsonNode invited =
        call(
            "POST",
            m + "/participants/bulk",
            admin,
            Map.of("unitId", unit, "includeSubunits", false, "role", "DELEGATE", "voting", true));
    assertEquals(VOTERS + 1, invited.path("added").asInt(), invited.toString());
    call("POST", m + "/schedule", admin, null);
    String chair = login(chairName, Api.PASSWORD);
    call("POST", m + "/start", chair, null);
    String[] tokens = new String[VOTERS + 1];
    parallel(tokens.length, i -> tokens[i] = login(usernames.get(i), Api.PASSWORD));
    parallel(tokens.length, i -> call("POST", m + "/check-in", tokens[i], Map.of()));

    crashRound(m, chair, tokens, true);
    crashRound(m, chair, tokens, false);
  }

  /** One poll: all ballots at once, a kill part-way, a restart, the retries and the checks. */
  private void crashRound(String m, String chair, String[] tokens, boolean secret)
      throws Exception {
    String kind = secret ? "secret" : "named";
    Map<String, Object> rule =
        Map.of("base", "ALL_MEMBERS", "threshold", "MORE_THAN_HALF", "tie", "NOT_ADOPTED");
    Map<String, Object> input = new HashMap<>();
    input.put("title", "Biểu quyết thử mất điện (" + kind + ")");
    input.put("kind", "YES_NO");
    input.put("analog", false);
    input.put("secret", secret);
    input.put("allowChange", false);
    input.put("rule", rule);
    long pollId = call("POST", m + "/polls", chair, input).path("id").asLong();
    String p = "/api/polls/" + pollId;
    call("POST", p + "/open", chair, null);

    List<Sent> ballots = new ArrayList<>();
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < VOTERS; i++) {
      String value = i % 10 < 6 ? "YES" : i % 10 < 9 ? "NO" : "ABSTAIN";
      ballots.add(new Sent(i, value));
      expected.merge(value, 1, Integer::sum);
    }

    // every ballot in flight at once; the server dies when KILL_AFTER have been acknowledged
    AtomicInteger acknowledged = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    PackagedApp victim = app;
    ExecutorService killer = Executors.newSingleThreadExecutor();
    List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    for (Sent b : ballots) {
      inFlight.add(
          http.sendAsync(
                  request("POST", p + "/ballots", tokens[b.voter], b.body()),
                  HttpResponse.BodyHandlers.ofString())
              .handle(
                  (r, e) -> {
                    if (e == null && r.statusCode() == 200) {
                      b.receipt = receipt(r.body());
                      if (acknowledged.incrementAndGet() == KILL_AFTER) {
                        killed.set(true);
                        killer.execute(victim::kill);
                      }
                    } else {
                      b.failure = e != null ? e.toString() : r.statusCode() + " " + r.body();
                    }
                    return null;
                  }));
    }
    CompletableFuture.allOf(inFlight.toArray(new CompletableFuture[0])).get(3, TimeUnit.MINUTES);
    killer.shutdown();
    assertTrue(killer.awaitTermination(1, TimeUnit.MINUTES));
    assertTrue(killed.get(), kind + ": the server was never killed");
    List<Sent> acked = ballots.stream().filter(b -> b.receipt != null).toList();
    List<Sent> lost = ballots.stream().filter(b -> b.receipt == null).toList();
    assertTrue(
        lost.size() > VOTERS / 4,
        kind + ": the kill came too late to leave ballots unanswered: " + lost.size());
    Map<String, Long> refusals = new HashMap<>();
    lost.stream()
        .filter(b -> b.failure != null && Character.isDigit(b.failure.charAt(0)))
        .forEach(b -> refusals.merge(b.failure, 1L, Long::sum));
    assertTrue(refusals.isEmpty(), kind + ": ballots refused before the kill: " + refusals);

    start();
    JsonNode afterRestart = call("GET", p, chair, null);
    assertEquals("OPEN", afterRestart.path("state").asText());
    long committed = afterRestart.path("cast").asLong();
    System.out.printf(
        "VoteCrashIT (%s poll): killed at the %dth acknowledgement, %d acknowledged in all"
            + " (answers already on their way); %d unanswered; %d recorded at restart (%d"
            + " committed but never acknowledged)%n",
        kind, KILL_AFTER, acked.size(), lost.size(), committed, committed - acked.size());
    assertTrue(
        committed >= acked.size() && committed <= VOTERS,
        kind + ": recorded " + committed + ", acknowledged " + acked.size());

    // the same ballot ids again: the unanswered ones are recorded once (or answered as the
    // ballot they already are), the acknowledged ones answer the receipt they had
    parallel(
        lost.size(),
        i -> {
          Sent b = lost.get(i);
          b.receipt = receipt(send("POST", p + "/ballots", tokens[b.voter], b.body()));
        });
    Map<String, String> again = new java.util.concurrent.ConcurrentHashMap<>();
    parallel(
        acked.size(),
        i -> {
          Sent b = acked.get(i);
          String r = receipt(send("POST", p + "/ballots", tokens[b.voter], b.body()));
          if (!r.equals(b.receipt)) {
            again.put(b.ballotId.toString(), b.receipt + " then " + r);
          }
        });
    assertTrue(again.isEmpty(), kind + ": receipts changed across the restart: " + again);
    assertEquals(VOTERS, call("GET", p, chair, null).path("cast").asLong(), kind + ": cast");

    call("POST", p + "/close", chair, null);
    call("POST", p + "/publish", chair, null);
    JsonNode result = call("GET", p, chair, null).path("result");
    assertEquals(VOTERS, result.path("cast").asLong(), kind + ": " + result);
    assertEquals(expected.get("YES"), result.path("yes").asInt(), kind + ": " + result);
    assertEquals(expected.get("NO"), result.path("no").asInt(), kind + ": " + result);
    assertEquals(expected.get("ABSTAIN"), result.path("abstain").asInt(), kind + ": " + result);

    JsonNode receipts = call("GET", p + "/receipts", chair, null);
    Map<String, List<String>> published = new HashMap<>();
    for (JsonNode e : receipts.path("entries")) {
      published
          .computeIfAbsent(e.path("receipt").asText(), k -> new ArrayList<>())
          .add(e.path("choice").path("value").asText());
    }
    assertEquals(VOTERS, receipts.path("entries").size(), kind + ": published entries");
    for (Sent b : ballots) {
      List<String> found = published.get(b.receipt);
      assertEquals(
          List.of(b.value),
          found,
          () -> kind + ": receipt " + b.receipt + (lost.contains(b) ? " (retried)" : ""));
    }
    assertEquals(VOTERS, receipts.path("tally").path("cast").asLong(), kind + ": recount");
    assertTrue(receipts.path("recordVerifies").asBoolean(), kind + ": record hash");
  }

  // --- helpers ------------------------------------------------------------------------------

  private void start() {
    app = PackagedApp.startOnPostgres("vote-crash-" + starts++, ENV);
  }

  private HttpRequest request(String method, String path, String token, String json) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return b.method(
            method,
            json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  /** The body of a 2xx answer; anything else fails the test with the answer. */
  private String send(String method, String path, String token, String json) throws Exception {
    HttpResponse<String> r =
        http.send(request(method, path, token, json), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private JsonNode call(String method, String path, String token, Object body) throws Exception {
    String answer = send(method, path, token, body == null ? null : JSON.writeValueAsString(body));
    return answer.isEmpty() ? JSON.nullNode() : JSON.readTree(answer);
  }

  private static String receipt(String ack) {
    String receipt;
    try {
      receipt = JSON.readTree(ack).path("receipt").asText(null);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + ack, e);
    }
    if (receipt == null) {
      throw new AssertionError("no receipt in " + ack);
    }
    return receipt;
  }

  private String login(String username, String password) throws Exception {
    return call("POST", "/api/auth/login", null, Map.of("username", username, "password", password))
        .path("accessToken")
        .asText();
  }

  private long person(String admin, String username, String name, Long unit, String role)
      throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("username", username);
    body.put("fullName", name);
    body.put("unitId", unit);
    body.put("roles", List.of(role));
    body.put("password", Api.PASSWORD);
    return call("POST", "/api/people", admin, body).path("id").asLong();
  }

  interface Step {
    void run(int i) throws Exception;
  }

  /** Runs step(0..count-1) on 8 threads (set-up and retries: many clients, not all at once). */
  private static void parallel(int count, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int k = i;
        all.add(
            pool.submit(
                () -> {
                  step.run(k);
                  return null;
                }));
      }
      for (Future<?> f : all) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
