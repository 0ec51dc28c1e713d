import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The province rehearsal's load (run by bench/rehearsal.sh; issue 12). Every request and socket
 * goes through nginx (BASE) to two HopSo instances. The session, as the demo province would hold it:
 *
 * <ol>
 *   <li>set-up, not timed: TABLETS delegates (a unit of their own), a meeting of the demo province
 *       chaired by its chair with every demo room invited, the agenda pack (the PDFs in PACK_DIR),
 *       the meeting started; every room's screen (its device account) and every tablet signed in
 *       and following the meeting on its live socket;
 *   <li>every tablet downloads the pack (asks HopSo for it, then fetches each file's link);
 *   <li>check-ins, 30 a second, until every tablet is in: the time until the quorum was reached;
 *   <li>a first vote, not counted (the instances' first ballots load and compile the ballot
 *       path; its figures are printed as the cold vote);
 *   <li>20 delegates ask for the floor; the chair gives it to the first and ends the speech;
 *   <li>a named yes/no vote: every tablet casts on its socket within 2 s (p50, p99 to the ack); the
 *       poll closes when everyone has voted; the chair publishes: the time until the result is on
 *       every client (tablets and screens);
 *   <li>instance A is killed ({@code kill -9}); every client of it reconnects through nginx and
 *       resumes after the last event it saw: the time from the kill to each new hello;
 *   <li>a secret confidence vote on three people, cast the same way, closed and published.
 * </ol>
 *
 * Then: events lost (an event that reached two clients or more, so one meant for everyone, and
 * not a client that followed the meeting at the time), ballots lost or doubled (the published
 * count against the acknowledgements), and each instance's CPU time and resident memory.
 *
 * <p>java -cp "APP/lib/main/*" bench/RehearsalBench.java BASE ADMIN_PASSWORD DEMO_PASSWORD TABLETS
 * PACK_DIR PID_A PID_B CLK_TCK
 */
public class RehearsalBench {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .executor(Executors.newFixedThreadPool(4))
          .build();
  static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(4);

  static String base;
  static long meeting;
  static double ticks;

  /** A tablet or a room's screen following the meeting, reconnecting as the web app does. */
  static final class Client implements WebSocket.Listener {
    final String name;
    final boolean tablet;
    volatile String token;
    volatile long personId;
    volatile WebSocket ws;
    volatile long lastSeq = -1;
    volatile long firstSeq = -1;
    final List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Long> seen = new ConcurrentHashMap<>();
    final StringBuilder partial = new StringBuilder();
    volatile CompletableFuture<Long> hello = new CompletableFuture<>();
    final Map<String, CompletableFuture<String>> answers = new ConcurrentHashMap<>();
    volatile boolean stopping;

    /** When its socket last went away, and when it said hello on the next one (nanoTime). */
    volatile long lostAt;

    volatile long backAt;

    Client(String name, boolean tablet) {
      this.name = name;
      this.tablet = tablet;
    }

    /** Opens the live socket (after {@code lastSeq} when it has seen events). */
    void connect() throws Exception {
      String ticket =
          call("POST", "/api/meetings/" + meeting + "/live-ticket", token, null)
              .path("ticket")
              .asText();
      String url =
          base.replaceFirst("^http", "ws")
              + "/ws/meetings/"
              + meeting
              + "?ticket="
              + ticket
              + (lastSeq >= 0 ? "&after=" + lastSeq : "");
      hello = new CompletableFuture<>();
      ws =
          HTTP.newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .buildAsync(URI.create(url), this)
              .get(20, TimeUnit.SECONDS);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        handle(partial.toString(), System.nanoTime());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    void handle(String text, long now) {
      JsonNode m;
      try {
        m = JSON.readTree(text);
      } catch (Exception e) {
        return;
      }
      switch (m.path("type").asText()) {
        case "hello" -> {
          if (firstSeq < 0) {
            firstSeq = m.path("seq").asLong();
            lastSeq = firstSeq;
          }
          if (lostAt != 0 && backAt < lostAt) {
            backAt = now;
          }
          hello.complete(now);
        }
        case "event" -> {
          long seq = m.path("seq").asLong();
          seqs.add(seq);
          lastSeq = Math.max(lastSeq, seq);
          String event = m.path("event").asText();
          if (event.startsWith("poll.")) {
            JsonNode d = m.path("data");
            String key = event + ":" + d.path("pollId").asLong();
            if (event.equals("poll.changed")) {
              key += ":" + d.path("state").asText();
            }
            seen.putIfAbsent(key, now);
          }
        }
        case "ballot.ack", "ballot.refused" -> {
          CompletableFuture<String> f = answers.remove(m.path("ref").asText());
          if (f != null) {
            f.complete(text);
          }
        }
        default -> {}
      }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      lost();
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      lost();
    }

    /** The socket went away: reconnect through nginx, as the web app does, until it is back. */
    void lost() {
      if (stopping) {
        return;
      }
      lostAt = System.nanoTime();
      TIMER.schedule(this::reconnect, 200 + new Random().nextInt(300), TimeUnit.MILLISECONDS);
    }

    void reconnect() {
      try {
        connect();
      } catch (Exception e) {
        TIMER.schedule(this::reconnect, 500, TimeUnit.MILLISECONDS);
      }
    }

    void stop() {
      stopping = true;
      WebSocket w = ws;
      if (w != null) {
        w.abort();
      }
    }
  }

  // --- HTTP -----------------------------------------------------------------------------------

  static HttpRequest.Builder request(String method, String path, String token, String json) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
            .timeout(Duration.ofSeconds(60));
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
            : HttpRequest.BodyPublishers.ofString(json));
  }

  static JsonNode call(String method, String path, String token, Object body) throws Exception {
    String json = body == null ? null : JSON.writeValueAsString(body);
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> r =
          HTTP.send(request(method, path, token, json).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 == 2) {
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
      }
      // nginx answers 502 while it finds out that an instance is gone
      if ((r.statusCode() == 502 || r.statusCode() == 503) && attempt < 20) {
        Thread.sleep(250);
        continue;
      }
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
  }

  static String login(String user, String password) throws Exception {
    return call("POST", "/api/auth/login", null, Map.of("username", user, "password", password))
        .path("accessToken")
        .asText();
  }

  interface Step {
    void run(int i) throws Exception;
  }

  /** step(0..count-1) on {@code threads} threads; fails with the first failure. */
  static void parallel(int count, int threads, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        all.add(
            pool.submit(
                () -> {
                  step.run(n);
                  return null;
                }));
      }
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static double ms(List<Long> nanos, double q) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    return s.get(Math.min(s.size() - 1, (int) Math.ceil(q * s.size()) - 1)) / 1e6;
  }

  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / ticks;
    } catch (Exception e) {
      return Double.NaN;
    }
  }

  static long rssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (Exception e) {
      // gone
    }
    return -1;
  }

  // --- the session --------------------------------------------------------------------------

  public static void main(String[] args) {
    int status = 0;
    try {
      run(args);
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    }
    System.out.flush();
    System.exit(status); // the HTTP client's and the timer's threads would keep the JVM
  }

  static void run(String[] args) throws Exception {
    base = args[0];
    String adminPassword = args[1];
    String demoPassword = args[2];
    int tablets = Integer.parseInt(args[3]);
    Path packDir = Path.of(args[4]);
    long pidA = Long.parseLong(args[5]);
    long pidB = Long.parseLong(args[6]);
    ticks = Double.parseDouble(args[7]);
    String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    long t0 = System.nanoTime();
    String admin = login("admin", adminPassword);
    String chair = login("chutich", demoPassword);
    String secretary = login("thuky1", demoPassword);
    long chairId = call("GET", "/api/auth/me", chair, null).path("id").asLong();
    long secretaryId = call("GET", "/api/auth/me", secretary, null).path("id").asLong();
    long province =
        call("GET", "/api/units?q=TH&level=PROVINCE&size=1", admin, null)
            .path("items")
            .path(0)
            .path("id")
            .asLong();
    long unit =
        call(
                "POST",
                "/api/units",
                admin,
                Map.of(
                    "code",
                    "DT-" + run.toUpperCase(Locale.ROOT),
                    "name",
                    "Đại biểu diễn tập " + run,
                    "level",
                    "PROVINCE"))
            .path("id")
            .asLong();
    List<Client> pads = new ArrayList<>();
    for (int i = 0; i < tablets; i++) {
      pads.add(new Client(String.format(Locale.ROOT, "dt%s-%03d", run, i), true));
    }
    parallel(
        tablets,
        8,
        i -> {
          Map<String, Object> body = new HashMap<>();
          body.put("username", pads.get(i).name);
          body.put("fullName", "Đại biểu Diễn Tập " + (i + 1));
          body.put("unitId", unit);
          body.put("roles", List.of("DELEGATE"));
          body.put("password", "rehearsal-password-1");
          pads.get(i).personId = call("POST", "/api/people", admin, body).path("id").asLong();
        });
    Instant start = Instant.now().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> mb = new HashMap<>();
    mb.put("title", "Hội nghị trực tuyến toàn tỉnh (diễn tập)");
    mb.put("kind", "REGULAR");
    mb.put("hostUnitId", province);
    mb.put("chairId", chairId);
    mb.put("secretaryId", secretaryId);
    mb.put("startsAt", start.toString());
    mb.put("endsAt", start.plus(Duration.ofHours(3)).toString());
    mb.put("place", "Hội trường tầng 3");
    meeting = call("POST", "/api/meetings", secretary, mb).path("id").asLong();
    String m = "/api/meetings/" + meeting;
    call("POST", m + "/endpoints", secretary, Map.of("all", true));
    call(
        "POST",
        m + "/participants/bulk",
        secretary,
        Map.of("unitId", unit, "includeSubunits", false, "role", "DELEGATE", "voting", true));
    long packBytes = 0;
    try (var files = Files.list(packDir)) {
      for (Path f : files.sorted().toList()) {
        HttpResponse<String> r =
            HTTP.send(
                request("POST", m + "/documents?fileName=" + f.getFileName(), secretary, null)
                    .header("Content-Type", "application/pdf")
                    .POST(HttpRequest.BodyPublishers.ofFile(f))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
          throw new IllegalStateException("upload " + f + ": " + r.statusCode() + " " + r.body());
        }
        packBytes += Files.size(f);
      }
    }
    call("POST", m + "/schedule", secretary, null);
    call("POST", m + "/start", chair, null);

    // the rooms' screens: every invited room's device account (its code in lower case)
    JsonNode board = call("GET", m + "/rooms/status", secretary, null);
    List<Client> screens = new ArrayList<>();
    for (JsonNode r : board.findParents("endpointId")) {
      if (r.path("code").isTextual()) {
        screens.add(new Client(r.path("code").asText().toLowerCase(Locale.ROOT), false));
      }
    }
    List<Client> everyone = new ArrayList<>(pads);
    everyone.addAll(screens);
    parallel(
        everyone.size(),
        8,
        i -> {
          Client c = everyone.get(i);
          c.token = login(c.name, c.tablet ? "rehearsal-password-1" : demoPassword);
          c.connect();
          c.hello.get(20, TimeUnit.SECONDS);
        });
    System.out.printf(
        Locale.ROOT,
        "set-up: %d tablets, %d room screens connected, pack %.1f MB in %d files (%.0f s)%n",
        pads.size(),
        screens.size(),
        packBytes / 1048576.0,
        packDir.toFile().list().length,
        (System.nanoTime() - t0) / 1e9);
    long cpuA0 = Math.round(cpuSeconds(pidA) * 1000);
    long cpuB0 = Math.round(cpuSeconds(pidB) * 1000);
    long sessionStart = System.nanoTime();

    // 1. the agenda pack on every tablet
    long p0 = System.nanoTime();
    List<Long> packTimes = Collections.synchronizedList(new ArrayList<>());
    AtomicLong moved = new AtomicLong();
    parallel(
        tablets,
        32,
        i -> {
          long s = System.nanoTime();
          JsonNode pack = call("GET", m + "/pack", pads.get(i).token, null);
          for (JsonNode f : pack.path("files")) {
            HttpResponse<java.io.InputStream> r =
                HTTP.send(
                    HttpRequest.newBuilder(URI.create(f.path("url").asText())).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
              throw new IllegalStateException("pack file: " + r.statusCode());
            }
            try (var in = r.body()) {
              moved.addAndGet(in.transferTo(java.io.OutputStream.nullOutputStream()));
            }
          }
          packTimes.add(System.nanoTime() - s);
        });
    double packSeconds = (System.nanoTime() - p0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "pack: %d tablets downloaded %.0f MB in %.1f s (%.0f MB/s); per tablet p50 %.1f s, p99 %.1f s%n",
        tablets,
        moved.get() / 1048576.0,
        packSeconds,
        moved.get() / 1048576.0 / packSeconds,
        ms(packTimes, 0.5) / 1000,
        ms(packTimes, 0.99) / 1000);

    // 2. check-ins, 30 a second, until everyone is in; the quorum's moment from the live view
    long c0 = System.nanoTime();
    AtomicLong quorumAt = new AtomicLong();
    var watcher =
        TIMER.scheduleAtFixedRate(
            () -> {
              try {
                if (quorumAt.get() == 0
                    && call("GET", m + "/live", secretary, null)
                        .path("quorum")
                        .path("reached")
                        .asBoolean()) {
                  quorumAt.compareAndSet(0, System.nanoTime());
                }
              } catch (Exception e) {
                // next time
              }
            },
            0,
            200,
            TimeUnit.MILLISECONDS);
    ExecutorService checkins = Executors.newFixedThreadPool(64);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < tablets; i++) {
      Client c = pads.get(i);
      long due = c0 + TimeUnit.MILLISECONDS.toNanos(i * 1000L / 30);
      done.add(
          checkins.submit(
              () -> {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                  Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                call("POST", m + "/check-in", c.token, Map.of());
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    checkins.shutdown();
    long allIn = System.nanoTime();
    while (quorumAt.get() == 0 && System.nanoTime() - allIn < TimeUnit.SECONDS.toNanos(10)) {
      Thread.sleep(50);
    }
    watcher.cancel(false);
    double quorumSeconds = (quorumAt.get() - c0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "check-ins: %d at 30/s in %.1f s; quorum reached after %.1f s%n",
        tablets,
        (allIn - c0) / 1e9,
        quorumSeconds);

    // a first vote, not counted: the instances' first ballots load and compile the ballot path
    // (a server that has run a day of meetings has done so); printed, so that what the first
    // vote after a restart costs is seen too
    vote(chair, pads, everyone, "YES_NO", false, "first (cold, not counted)");

    // 3. the speaking queue: 20 ask for the floor, the chair gives it to the first and ends it
    List<Long> askTimes = Collections.synchronizedList(new ArrayList<>());
    parallel(
        Math.min(20, tablets),
        20,
        i -> {
          long s = System.nanoTime();
          call("POST", m + "/speakers", pads.get(i).token, Map.of("kind", "CONTRIBUTION"));
          askTimes.add(System.nanoTime() - s);
        });
    call("POST", m + "/speakers/floor", chair, Map.of());
    call("POST", m + "/speakers/end", chair, null);
    System.out.printf(
        Locale.ROOT,
        "speaking queue: %d requests, p50 %.0f ms, p99 %.0f ms; the floor given and ended%n",
        askTimes.size(),
        ms(askTimes, 0.5),
        ms(askTimes, 0.99));

    // 4. a named yes/no vote, all tablets within 2 s
    Vote yesNo = vote(chair, pads, everyone, "YES_NO", false, "named yes/no");

    // 5. instance A killed halfway; its clients come back through nginx
    double cpuA = cpuSeconds(pidA) * 1000 - cpuA0;
    long rssA = rssMb(pidA);
    long killedAt = System.nanoTime();
    ProcessHandle.of(pidA).ifPresent(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Thread.sleep(2000); // every socket of A has closed by now
    List<Client> movedClients = everyone.stream().filter(c -> c.lostAt > killedAt).toList();
    while (System.nanoTime() < deadline
        && !movedClients.stream().allMatch(c -> c.backAt > c.lostAt)) {
      Thread.sleep(20);
    }
    List<Long> reconnects = new ArrayList<>();
    for (Client c : movedClients) {
      if (c.backAt > c.lostAt) {
        reconnects.add(c.backAt - killedAt);
      }
    }
    int notBack = movedClients.size() - reconnects.size();
    System.out.printf(
        Locale.ROOT,
        "kill -9 of instance A: %d clients moved to B through nginx, p50 %.2f s, p99 %.2f s, max"
            + " %.2f s from the kill; %d not back within 60 s%n",
        movedClients.size(),
        ms(reconnects, 0.5) / 1000,
        ms(reconnects, 0.99) / 1000,
        ms(reconnects, 1.0) / 1000,
        notBack);

    // 6. a secret confidence vote
    Vote confidence = vote(chair, pads, everyone, "CONFIDENCE", true, "secret confidence");

    // events: none repeated; every event for everyone (reaching two clients or more) on every
    // client that followed the meeting from its first hello to the last result
    long endSeq = confidence.publishSeq;
    Map<Long, Integer> reached = new HashMap<>();
    int repeated = 0;
    for (Client c : everyone) {
      List<Long> s;
      synchronized (c.seqs) {
        s = new ArrayList<>(c.seqs);
      }
      for (int i = 1; i < s.size(); i++) {
        if (s.get(i) <= s.get(i - 1)) {
          repeated++;
        }
      }
      new TreeSet<>(s).forEach(q -> reached.merge(q, 1, Integer::sum));
    }
    long lostEvents = 0;
    for (Client c : everyone) {
      Set<Long> mine;
      synchronized (c.seqs) {
        mine = new TreeSet<>(c.seqs);
      }
      for (Map.Entry<Long, Integer> e : reached.entrySet()) {
        if (e.getValue() >= 2
            && e.getKey() > c.firstSeq
            && e.getKey() <= endSeq
            && !mine.contains(e.getKey())) {
          lostEvents++;
        }
      }
    }
    double cpuB = cpuSeconds(pidB) * 1000 - cpuB0;
    double session = (System.nanoTime() - sessionStart) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "SUMMARY tablets=%d screens=%d quorum_s=%.1f pack_s=%.1f"
            + " vote1_p50_ms=%.1f vote1_p99_ms=%.1f vote1_result_p99_ms=%.0f vote1_result_max_ms=%.0f"
            + " vote2_p50_ms=%.1f vote2_p99_ms=%.1f vote2_result_p99_ms=%.0f vote2_result_max_ms=%.0f"
            + " reconnect_p99_s=%.2f reconnect_max_s=%.2f moved=%d not_back=%d"
            + " events_lost=%d events_repeated=%d ballots_lost=%d ballots_doubled=%d"
            + " results_missing=%d"
            + " a_cpu_pct=%.0f a_rss_mb=%d b_cpu_pct=%.0f b_rss_mb=%d session_s=%.0f%n",
        tablets,
        screens.size(),
        quorumSeconds,
        packSeconds,
        yesNo.p50,
        yesNo.p99,
        yesNo.resultP99,
        yesNo.resultMax,
        confidence.p50,
        confidence.p99,
        confidence.resultP99,
        confidence.resultMax,
        ms(reconnects, 0.99) / 1000,
        ms(reconnects, 1.0) / 1000,
        movedClients.size(),
        notBack,
        lostEvents,
        repeated,
        yesNo.lost + confidence.lost,
        yesNo.doubled + confidence.doubled,
        yesNo.missing + confidence.missing,
        cpuA / ((killedAt - sessionStart) / 1e9) / 10,
        rssA,
        cpuB / session / 10,
        rssMb(pidB),
        session);
    everyone.forEach(Client::stop);
  }

  record Vote(
      double p50,
      double p99,
      double resultP99,
      double resultMax,
      int lost,
      int doubled,
      int missing,
      long publishSeq) {}

  /**
   * Creates and opens a poll, every tablet casts within 2 s on its socket (retrying on another
   * socket when its own went away before the answer), waits for the close (everyone voted), then
   * publishes and waits for the result on every client.
   */
  static Vote vote(
      String chair, List<Client> pads, List<Client> everyone, String kind, boolean secret, String label)
      throws Exception {
    String m = "/api/meetings/" + meeting;
    Map<String, Object> poll = new HashMap<>();
    poll.put("title", "Biểu quyết diễn tập: " + label);
    poll.put("kind", kind);
    poll.put("secret", secret);
    if (kind.equals("CONFIDENCE")) {
      poll.put("candidates", List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"));
    }
    poll.put(
        "rule", Map.of("base", "ALL_MEMBERS", "threshold", "MORE_THAN_HALF", "tie", "NOT_ADOPTED"));
    JsonNode created = call("POST", m + "/polls", chair, poll);
    long id = created.path("id").asLong();
    List<Long> options = new ArrayList<>();
    for (JsonNode o : created.path("options")) {
      options.add(o.path("id").asLong());
    }
    call("POST", "/api/polls/" + id + "/open", chair, null);
    Thread.sleep(500);

    Random random = new Random(id);
    List<Client> order = new ArrayList<>(pads);
    Collections.shuffle(order, random);
    List<Long> acks = Collections.synchronizedList(new ArrayList<>());
    Map<Client, String> receipts = new ConcurrentHashMap<>();
    AtomicInteger refs = new AtomicInteger();
    // open loop: each ballot leaves when it is due, whatever the answers before it; the answers
    // come back on the socket (no thread waits for one); an unanswered ballot (its socket went
    // away) is sent again with the same ballot id on the client's next socket
    java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(order.size());
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    long v0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    for (int i = 0; i < order.size(); i++) {
      Client c = order.get(i);
      long due = v0 + TimeUnit.MILLISECONDS.toNanos(i * 2000L / order.size());
      ObjectNode ballot = JSON.createObjectNode();
      ballot.put("ballotId", UUID.randomUUID().toString());
      if (kind.equals("YES_NO")) {
        ballot.put("value", i % 5 == 4 ? "NO" : "YES");
      } else {
        ObjectNode ratings = ballot.putObject("ratings");
        for (int k = 0; k < options.size(); k++) {
          ratings.put(Long.toString(options.get(k)), (i + k) % 7 == 0 ? "LOW" : "HIGH");
        }
      }
      Runnable[] send = new Runnable[1];
      AtomicInteger attempts = new AtomicInteger();
      send[0] =
          () -> {
            String ref = "b" + refs.incrementAndGet();
            CompletableFuture<String> answer = new CompletableFuture<>();
            c.answers.put(ref, answer);
            ObjectNode msg = JSON.createObjectNode();
            msg.put("type", "ballot");
            msg.put("ref", ref);
            msg.put("pollId", id);
            msg.set("ballot", ballot);
            WebSocket w = c.ws;
            CompletableFuture<?> out;
            try {
              out = w.sendText(JSON.writeValueAsString(msg), true);
            } catch (Exception e) {
              out = CompletableFuture.failedFuture(e);
            }
            out.thenCompose(x -> answer)
                .orTimeout(10, TimeUnit.SECONDS)
                .whenComplete(
                    (a, failure) -> {
                      if (failure == null && a.contains("\"type\":\"ballot.ack\"")) {
                        if (attempts.get() == 0) {
                          acks.add(System.nanoTime() - due);
                        }
                        try {
                          receipts.put(
                              c, JSON.readTree(a).path("acks").path(0).path("receipt").asText());
                        } catch (Exception e) {
                          failures.add(c.name + ": " + a);
                        }
                        answered.countDown();
                      } else if (failure == null) {
                        failures.add(c.name + ": refused " + a);
                        answered.countDown();
                      } else if (attempts.incrementAndGet() < 40) {
                        c.answers.remove(ref);
                        TIMER.schedule(send[0], 500, TimeUnit.MILLISECONDS);
                      } else {
                        failures.add(c.name + ": no answer");
                        answered.countDown();
                      }
                    });
          };
      TIMER.schedule(send[0], Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    if (!answered.await(120, TimeUnit.SECONDS) || !failures.isEmpty()) {
      throw new IllegalStateException(label + ": " + failures + ", " + answered.getCount() + " unanswered");
    }
    String p = "/api/polls/" + id;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!call("GET", p, chair, null).path("state").asText().equals("CLOSED")
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    if (!call("GET", p, chair, null).path("state").asText().equals("CLOSED")) {
      call("POST", p + "/close", chair, null);
    }
    Thread.sleep(500);
    long published = System.nanoTime();
    call("POST", p + "/publish", chair, null);
    String key = "poll.published:" + id;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until && !everyone.stream().allMatch(c -> c.seen.containsKey(key))) {
      Thread.sleep(5);
    }
    List<Long> results = new ArrayList<>();
    int missing = 0;
    for (Client c : everyone) {
      Long at = c.seen.get(key);
      if (at == null) {
        missing++;
      } else {
        results.add(at - published);
      }
    }
    long publishSeq = 0;
    for (Client c : everyone) {
      synchronized (c.seqs) {
        if (!c.seqs.isEmpty()) {
          publishSeq = Math.max(publishSeq, c.seqs.get(c.seqs.size() - 1));
        }
      }
    }
    JsonNode counted = call("GET", p + "/receipts", chair, null);
    Map<String, Integer> listed = new HashMap<>();
    for (JsonNode e : counted.path("entries")) {
      listed.merge(e.path("receipt").asText(), 1, Integer::sum);
    }
    int lost = 0;
    int doubled = 0;
    for (String r : receipts.values()) {
      int n = listed.getOrDefault(r, 0);
      if (n == 0) {
        lost++;
      } else if (n > 1) {
        doubled++;
      }
    }
    doubled += Math.max(0, counted.path("entries").size() - receipts.size());
    Vote v =
        new Vote(
            ms(acks, 0.5),
            ms(acks, 0.99),
            ms(results, 0.99),
            ms(results, 1.0),
            lost,
            doubled,
            missing,
            publishSeq);
    System.out.printf(
        Locale.ROOT,
        "%s vote: %d ballots within 2 s, acknowledged p50 %.1f ms, p99 %.1f ms; %d published"
            + " (lost %d, doubled %d); publish -> result on %d clients p99 %.0f ms, max %.0f ms,"
            + " missing %d%n",
        label,
        receipts.size(),
        v.p50,
        v.p99,
        counted.path("entries").size(),
        lost,
        doubled,
        results.size(),
        v.resultP99,
        v.resultMax,
        missing);
    return v;
  }
}
