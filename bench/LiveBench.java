import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live-channel benchmark client (run by bench/live.sh). Opens N WebSocket clients on one meeting
 * (each with its own single-use ticket) and measures:
 *
 * <ul>
 *   <li>{@code fanout}: for each of R changes (the chair moves the current agenda item), the time
 *       from the REST call to each client's receipt of the event: p50, p99, max;
 *   <li>{@code restart}: after the script restarts the server, the time until every client has
 *       reconnected and resumed (new ticket, {@code after=} its last event), and whether any client
 *       missed or repeated an event.
 * </ul>
 *
 * java bench/LiveBench.java fanout BASE MEETING CHAIR_TOKEN VIEWER_TOKEN N ROUNDS
 * java bench/LiveBench.java restart BASE MEETING CHAIR_TOKEN VIEWER_TOKEN N CONTROL_FILE
 */
public class LiveBench {
  static final Pattern TICKET = Pattern.compile("\"ticket\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)");
  static final Pattern EVENT = Pattern.compile("\"event\"\\s*:\\s*\"([^\"]+)\"");

  /**
   * HTTP/1.1, as browsers speak to a plain-http server: each device's request has its own
   * connection (the JDK's default, HTTP/2 over one upgraded connection, would queue all 856
   * devices' requests on a single connection of the server).
   */
  static HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(20))
          .build();

  /**
   * The sockets are spread over several HTTP clients: each JDK client reads all its sockets on one
   * selector thread, which would otherwise be what the benchmark measures.
   */
  static final HttpClient[] SOCKETS = new HttpClient[8];

  static {
    for (int i = 0; i < SOCKETS.length; i++) {
      SOCKETS[i] = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    }
  }
  static String base;
  static long meeting;
  static String viewer;

  /** One simulated tablet or room screen. */
  static final class Client implements WebSocket.Listener {
    final int n;
    volatile WebSocket ws;
    volatile long lastSeq = -1;
    volatile boolean open;
    volatile long openedAtNanos;
    final StringBuilder partial = new StringBuilder();
    final Map<Long, Long> received = new ConcurrentHashMap<>();
    final AtomicInteger gaps = new AtomicInteger();
    final AtomicInteger repeats = new AtomicInteger();
    volatile CountDownLatch helloLatch;
    volatile Runnable onHello;

    Client(int n) {
      this.n = n;
    }

    void connect() throws Exception {
      connectAsync().get(60, TimeUnit.SECONDS);
    }

    /** A new ticket, then the socket (resuming after the last event seen), without blocking. */
    CompletableFuture<Void> connectAsync() {
      return ticketAsync()
          .thenCompose(
              ticket -> {
                String url =
                    base.replace("http", "ws")
                        + "/ws/meetings/"
                        + meeting
                        + "?ticket="
                        + ticket
                        + (lastSeq >= 0 ? "&after=" + lastSeq : "");
                return SOCKETS[n % SOCKETS.length]
                    .newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(20))
                    .buildAsync(URI.create(url), this);
              })
          .thenAccept(w -> ws = w);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      open = true;
      openedAtNanos = System.nanoTime();
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        handle(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    void handle(String msg) {
      long now = System.nanoTime();
      Matcher s = SEQ.matcher(msg);
      long seq = s.find() ? Long.parseLong(s.group(1)) : -1;
      if (msg.startsWith("{\"type\":\"event\"")) {
        if (lastSeq >= 0 && seq != lastSeq + 1) {
          if (seq <= lastSeq) {
            repeats.incrementAndGet();
          } else {
            gaps.incrementAndGet();
          }
        }
        lastSeq = Math.max(lastSeq, seq);
        received.put(seq, now);
      } else if (msg.startsWith("{\"type\":\"hello\"") || msg.startsWith("{\"type\":\"snapshot\"")) {
        if (msg.startsWith("{\"type\":\"snapshot\"")) {
          gaps.incrementAndGet();
        }
        lastSeq = Math.max(lastSeq, seq);
        CountDownLatch l = helloLatch;
        if (l != null) {
          l.countDown();
        }
        Runnable r = onHello;
        if (r != null) {
          onHello = null;
          r.run();
        }
      }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      open = false;
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      open = false;
    }
  }

  static CompletableFuture<String> ticketAsync() {
    return http.sendAsync(
            HttpRequest.newBuilder(URI.create(base + "/api/meetings/" + meeting + "/live-ticket"))
                .header("Authorization", "Bearer " + viewer)
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .thenApply(
            r -> {
              Matcher m = TICKET.matcher(r.body());
              if (r.statusCode() == 200 && m.find()) {
                return m.group(1);
              }
              throw new IllegalStateException(r.statusCode() + " " + r.body());
            });
  }

  static List<Client> open(int count) throws Exception {
    List<Client> clients = new ArrayList<>();
    CountDownLatch hello = new CountDownLatch(count);
    var pool = Executors.newFixedThreadPool(16);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Client c = new Client(i);
      c.helloLatch = hello;
      clients.add(c);
      all.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  c.connect();
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              },
              pool));
    }
    CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(300, TimeUnit.SECONDS);
    if (!hello.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("not every client was greeted: " + hello.getCount() + " left");
    }
    pool.shutdown();
    return clients;
  }

  static long change(String chair) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/meetings/" + meeting + "/agenda/next"))
                .header("Authorization", "Bearer " + chair)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("change failed: " + r.statusCode() + " " + r.body());
    }
    return System.nanoTime();
  }

  static long raw(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size()));
  }

  static double pct(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    base = args[1];
    meeting = Long.parseLong(args[2]);
    String chair = args[3];
    viewer = args[4];
    int count = Integer.parseInt(args[5]);
    long t0 = System.nanoTime();
    List<Client> clients = open(count);
    System.out.printf("connected %d clients in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
    System.out.println("READY");
    System.out.flush();
    if (mode.equals("fanout")) {
      int rounds = Integer.parseInt(args[6]);
      List<Long> latencies = new ArrayList<>();
      int missing = 0;
      // round 0 warms up both JVMs (first use of the code paths) and is reported on its own
      for (int r = -1; r < rounds; r++) {
        List<Long> round = new ArrayList<>();
        long before = clients.stream().mapToLong(c -> c.lastSeq).max().orElse(0);
        // from the moment the chair's request leaves until each client has the event
        long sent = System.nanoTime();
        change(chair);
        // the change is one event (session.changed)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long target = -1;
        while (System.nanoTime() < deadline) {
          long max = clients.stream().mapToLong(c -> c.lastSeq).max().orElse(0);
          if (max >= before + 1 && clients.stream().allMatch(c -> c.lastSeq >= before + 1)) {
            target = before + 1;
            break;
          }
          Thread.sleep(5);
        }
        for (Client c : clients) {
          Long at = target < 0 ? null : c.received.get(target);
          if (at == null) {
            missing++;
          } else {
            round.add(at - sent);
          }
        }
        Collections.sort(round);
        System.out.printf(
            "  %s: p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
            r < 0 ? "warm-up" : "change " + (r + 1),
            pct(round, 0.5),
            pct(round, 0.99),
            pct(round, 1.0));
        if (r >= 0) {
          latencies.addAll(round);
        }
        Thread.sleep(300);
      }
      Collections.sort(latencies);
      int gaps = clients.stream().mapToInt(c -> c.gaps.get() + c.repeats.get()).sum();
      System.out.printf(
          "fanout clients=%d rounds=%d deliveries=%d missing=%d out_of_order=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
          count, rounds, latencies.size(), missing, gaps, pct(latencies, 0.5), pct(latencies, 0.99), pct(latencies, 1.0));
      clients.forEach(c -> c.ws.abort());
      System.exit(0);
    }
    // restart: wait for the script to restart the server, then resume everyone
    String control = args[6];
    java.nio.file.Path file = java.nio.file.Path.of(control);
    while (!java.nio.file.Files.exists(file)) {
      Thread.sleep(50);
    }
    long killedAt = Long.parseLong(java.nio.file.Files.readString(file).trim()); // epoch millis
    long seen = clients.stream().mapToLong(c -> c.lastSeq).min().orElse(0);
    ScheduledExecutorService retry = Executors.newScheduledThreadPool(32);
    List<Long> resumed = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch back = new CountDownLatch(count);
    for (Client c : clients) {
      // resumed when the server greets it again (hello, after its missed events)
      c.helloLatch = null;
      c.onHello =
          () -> {
            resumed.add(System.currentTimeMillis() - killedAt);
            back.countDown();
          };
      // every client retries on its own, as 856 independent devices do: nothing here waits for
      // one client before trying another
      Runnable attempt =
          new Runnable() {
            int tries;

            @Override
            public void run() {
              if (c.open) {
                retry.schedule(this, 100, TimeUnit.MILLISECONDS);
                return;
              }
              Runnable self = this;
              c.connectAsync()
                  .whenComplete(
                      (ok, e) -> {
                        if (e != null) {
                          // not back yet: wait as the web app does (frontend/src/live/
                          // backoff.ts): a ceiling doubling from 1 s up to 3 s, each wait drawn
                          // between half and all of it
                          long ceiling = Math.min(3000, 1000L << Math.min(tries++, 4));
                          long wait = Math.max(500, ceiling / 2 + (long) (Math.random() * ceiling / 2));
                          retry.schedule(self, wait, TimeUnit.MILLISECONDS);
                        }
                      });
            }
          };
      retry.schedule(attempt, (long) (Math.random() * 200), TimeUnit.MILLISECONDS);
    }
    boolean all = back.await(120, TimeUnit.SECONDS);
    long after = change(chair);
    Thread.sleep(2000);
    long lost = clients.stream().filter(c -> c.lastSeq < seen + 1).count();
    int gaps = clients.stream().mapToInt(c -> c.gaps.get() + c.repeats.get()).sum();
    List<Long> sorted = new ArrayList<>(resumed);
    Collections.sort(sorted);
    System.out.printf(
        "restart clients=%d resumed=%d all=%s p50_s=%.2f p99_s=%.2f max_s=%.2f clients_missing_new_event=%d out_of_order=%d%n",
        count,
        sorted.size(),
        all,
        raw(sorted, 0.5) / 1000.0,
        raw(sorted, 0.99) / 1000.0,
        raw(sorted, 1.0) / 1000.0,
        lost,
        gaps);
    System.exit(0);
  }
}
