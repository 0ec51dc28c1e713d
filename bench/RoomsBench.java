import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rooms' status benchmark client (run by bench/rooms.sh; issue 10). Every invited room's screen
 * connects to the meeting's live socket with its own device account and reports its status every
 * INTERVAL seconds, as the web app's display does; about one report in ten changes something (the
 * camera goes off or on again), the rest repeat the room's state. One runner (the secretary)
 * follows the meeting, as the chair's grid does. It measures, over DURATION seconds after a warm-up:
 *
 * <ul>
 *   <li>the grid's update delay: from a screen sending a change until the runner's socket has the
 *       {@code rooms.status} event with that room in that state (p50, p99, max; changes never
 *       seen within 10 s are counted as missing);
 *   <li>the server's CPU (from /proc: user + system time of its process) and resident memory;
 *   <li>reports sent and refused, events received.
 * </ul>
 *
 * java bench/RoomsBench.java BASE MEETING RUNNER_TOKEN DEVICE_PASSWORD SERVER_PID CLK_TCK DURATION
 * INTERVAL WARMUP
 */
public class RoomsBench {
  static final Pattern TICKET = Pattern.compile("\"ticket\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern ROOM = Pattern.compile("\"endpointId\":(\\d+),\"code\":\"([^\"]+)\"");
  static final Pattern ROOM_CAMERA =
      Pattern.compile("\\{\"endpointId\":(\\d+),[^{}]*?\"camera\":\"([A-Z]+)\"");

  static String base;
  static long meeting;
  static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** A change a screen sent and the grid has not shown yet: its state and when it was sent. */
  record Pending(String camera, long sentNanos) {}

  static final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  static final ConcurrentLinkedQueue<Long> delays = new ConcurrentLinkedQueue<>();
  static final AtomicInteger missing = new AtomicInteger();
  static final AtomicInteger refused = new AtomicInteger();
  static final AtomicLong reports = new AtomicLong();
  static final AtomicLong changes = new AtomicLong();
  static final AtomicLong events = new AtomicLong();
  static volatile boolean measuring;

  static String post(String path, String token, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static String get(String path, String token) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static String group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("not found in: " + text);
    }
    return m.group(1);
  }

  /** A socket on the meeting, its text messages handed to {@code onText}. */
  static WebSocket connect(String token, java.util.function.Consumer<String> onText) throws Exception {
    String ticket = group(TICKET, post("/api/meetings/" + meeting + "/live-ticket", token, null));
    String ws = base.replaceFirst("^http", "ws") + "/ws/meetings/" + meeting + "?ticket=" + ticket;
    return http.newWebSocketBuilder()
        .buildAsync(
            URI.create(ws),
            new WebSocket.Listener() {
              final StringBuilder buffer = new StringBuilder();

              @Override
              public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                buffer.append(data);
                if (last) {
                  onText.accept(buffer.toString());
                  buffer.setLength(0);
                }
                w.request(1);
                return null;
              }
            })
        .get(30, TimeUnit.SECONDS);
  }

  /** One room's screen: its socket and its camera (flipped now and then). */
  static final class Screen {
    final long endpointId;
    final WebSocket ws;
    String camera = "ON";
    boolean checked;

    Screen(long endpointId, WebSocket ws) {
      this.endpointId = endpointId;
      this.ws = ws;
    }

    synchronized void report(Random random) {
      boolean change = checked && random.nextInt(10) == 0;
      if (change) {
        camera = camera.equals("ON") ? "MUTED" : "ON";
      }
      String message =
          "{\"type\":\"room.status\",\"conference\":\"JOINED\",\"camera\":\""
              + camera
              + "\",\"microphone\":\"MUTED\",\"quality\":\"GOOD\",\"jitsiId\":\"bench"
              + endpointId
              + "\",\"checks\":{\"camera\":true,\"microphone\":true,\"speakers\":true}}";
      if (change && measuring) {
        pending.put(endpointId, new Pending(camera, System.nanoTime()));
        changes.incrementAndGet();
      } else if (change) {
        pending.remove(endpointId);
      }
      checked = true;
      ws.sendText(message, true).join();
      reports.incrementAndGet();
    }
  }

  static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
  }

  static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  static double pct(List<Long> sorted, double p) {
    return sorted.isEmpty()
        ? 0
        : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
  }

  public static void main(String[] args) throws Exception {
    base = args[0];
    meeting = Long.parseLong(args[1]);
    String runner = args[2];
    String devicePassword = args[3];
    long pid = Long.parseLong(args[4]);
    long clkTck = Long.parseLong(args[5]);
    int duration = Integer.parseInt(args[6]);
    int interval = Integer.parseInt(args[7]);
    int warmup = Integer.parseInt(args[8]);

    // the meeting's rooms, from the grid; each room's device account is its code in lower case
    String board = get("/api/meetings/" + meeting + "/rooms/status", runner);
    List<Long> ids = new ArrayList<>();
    List<String> accounts = new ArrayList<>();
    Matcher m = ROOM.matcher(board);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
      accounts.add(m.group(2).toLowerCase(java.util.Locale.ROOT));
    }
    int n = ids.size();
    System.out.printf("%d rooms invited; signing their screens in…%n", n);

    // the runner's grid: each rooms.status event settles the changes it shows
    connect(
        runner,
        text -> {
          if (!text.contains("\"event\":\"rooms.status\"")) {
            return;
          }
          long now = System.nanoTime();
          events.incrementAndGet();
          Matcher r = ROOM_CAMERA.matcher(text);
          while (r.find()) {
            long id = Long.parseLong(r.group(1));
            Pending p = pending.get(id);
            if (p != null && p.camera().equals(r.group(2)) && pending.remove(id, p)) {
              delays.add(now - p.sentNanos());
            }
          }
        });

    var pool = Executors.newFixedThreadPool(8);
    List<CompletableFuture<Screen>> opening = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long id = ids.get(i);
      String account = accounts.get(i);
      opening.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  String token =
                      group(
                          TOKEN,
                          post(
                              "/api/auth/login",
                              null,
                              "{\"username\":\"" + account + "\",\"password\":\"" + devicePassword + "\"}"));
                  return new Screen(
                      id,
                      connect(
                          token,
                          text -> {
                            if (text.startsWith("{\"type\":\"room.status.refused\"")) {
                              if (refused.incrementAndGet() <= 3) {
                                System.out.println("refused: " + text);
                              }
                            }
                          }));
                } catch (Exception e) {
                  throw new RuntimeException(account + ": " + e.getMessage(), e);
                }
              },
              pool));
    }
    List<Screen> screens = new ArrayList<>();
    for (CompletableFuture<Screen> f : opening) {
      screens.add(f.get(600, TimeUnit.SECONDS));
    }
    pool.shutdown();
    System.out.printf("%d screens connected; reporting every %d s%n", screens.size(), interval);

    // each screen reports every INTERVAL seconds from its own random offset, as real ones would
    ScheduledExecutorService timers = Executors.newScheduledThreadPool(4);
    Random random = new Random(42);
    for (Screen s : screens) {
      long offset = random.nextInt(interval * 1000);
      timers.scheduleAtFixedRate(
          () -> {
            try {
              s.report(new Random());
            } catch (RuntimeException e) {
              // a closed socket: counted by its absence from the grid
            }
          },
          offset,
          interval * 1000L,
          TimeUnit.MILLISECONDS);
    }

    Thread.sleep(warmup * 1000L);
    measuring = true;
    long reports0 = reports.get();
    long events0 = events.get();
    long cpu0 = cpuTicks(pid);
    long t0 = System.nanoTime();
    long maxRss = 0;
    List<Double> cpuPerMinute = new ArrayList<>();
    long lastCpu = cpu0;
    long lastT = t0;
    for (int s = 1; s <= duration; s++) {
      Thread.sleep(1000);
      maxRss = Math.max(maxRss, rssKb(pid));
      // changes never shown within 10 s
      long now = System.nanoTime();
      for (Map.Entry<Long, Pending> e : pending.entrySet()) {
        if (now - e.getValue().sentNanos() > TimeUnit.SECONDS.toNanos(10)
            && pending.remove(e.getKey(), e.getValue())) {
          missing.incrementAndGet();
        }
      }
      if (s % 60 == 0 || s == duration) {
        long c = cpuTicks(pid);
        cpuPerMinute.add((c - lastCpu) * 100.0 / clkTck / ((now - lastT) / 1e9));
        lastCpu = c;
        lastT = now;
      }
    }
    measuring = false;
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuPct = (cpuTicks(pid) - cpu0) * 100.0 / clkTck / seconds;
    long reportsMeasured = reports.get() - reports0;
    long eventsMeasured = events.get() - events0;
    Thread.sleep(10_000); // the last changes' events
    timers.shutdownNow();
    missing.addAndGet(pending.size());

    List<Long> sorted = new ArrayList<>(delays);
    Collections.sort(sorted);
    System.out.printf(
        "measured %.0f s: %d reports (%.1f/s), %d changes, %d rooms.status events (%.2f/s), %d refused%n",
        seconds,
        reportsMeasured,
        reportsMeasured / seconds,
        changes.get(),
        eventsMeasured,
        eventsMeasured / seconds,
        refused.get());
    System.out.printf(
        "grid update delay: p50 %.0f ms, p99 %.0f ms, max %.0f ms over %d changes; missing %d%n",
        pct(sorted, 0.5),
        pct(sorted, 0.99),
        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
        sorted.size(),
        missing.get());
    StringBuilder minutes = new StringBuilder();
    for (double c : cpuPerMinute) {
      minutes.append(String.format(" %.1f", c));
    }
    System.out.printf(
        "server CPU: %.1f%% of one core on average (%d cores), per minute:%s; resident memory max %d MB%n",
        cpuPct, Runtime.getRuntime().availableProcessors(), minutes, maxRss / 1024);
    System.out.printf(
        "SUMMARY screens=%d reports_per_s=%.1f delay_p50_ms=%.0f delay_p99_ms=%.0f delay_max_ms=%.0f"
            + " changes=%d missing=%d refused=%d server_cpu_pct=%.1f rss_mb=%d%n",
        screens.size(),
        reportsMeasured / seconds,
        pct(sorted, 0.5),
        pct(sorted, 0.99),
        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
        sorted.size(),
        missing.get(),
        refused.get(),
        cpuPct,
        maxRss / 1024);
    System.exit(0);
  }
}
