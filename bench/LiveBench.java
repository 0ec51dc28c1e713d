import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
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
 * <p>The clients share the server's two cores, so they are kept lean: every socket is read by one
 * selector thread ({@link Sockets}, a minimal RFC 6455 client: handshake, unmasked server frames,
 * masked pong and close), as 2,000 tablets would each read their own with no cost to the server.
 * The JDK's WebSocket client, used before, spent about as much CPU per message as the server and
 * ran one selector per client instance plus a thread hand-off per message, which the fan-out
 * figures then measured (p99 324–345 ms with it; see docs/live-performance.md).
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
          // a small fixed pool: the default executor starts a thread per burst of async calls
          // (8,863 threads in one restart run), CPU taken from the server being measured
          .executor(Executors.newFixedThreadPool(4))
          .build();

  static String base;
  static long meeting;
  static String viewer;

  /** One simulated tablet or room screen. */
  static final class Client {
    final int n;
    volatile Sockets.Conn ws;
    volatile long lastSeq = -1;
    volatile boolean open;
    volatile long openedAtNanos;
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
              ticket ->
                  Sockets.open(
                      this,
                      "/ws/meetings/"
                          + meeting
                          + "?ticket="
                          + ticket
                          + (lastSeq >= 0 ? "&after=" + lastSeq : "")))
          .thenAccept(
              w -> {
                ws = w;
                open = true;
                openedAtNanos = System.nanoTime();
              });
    }

    /** Called on the selector thread for each complete text message, when it was read. */
    void handle(String msg, long now) {
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

    void closed() {
      open = false;
    }
  }

  /**
   * A minimal WebSocket client (RFC 6455) on one selector thread, for the benchmark only: it
   * speaks to HopSo's server over loopback, sends the upgrade request, checks the 101, reads the
   * server's unmasked frames (text, continuation, ping, close) and answers pings and closes with
   * masked frames. Nothing else (no extensions, no TLS).
   */
  static final class Sockets implements Runnable {
    static final Sockets LOOP = new Sockets();
    static InetSocketAddress address;
    static String hostHeader;

    final Selector selector;
    final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    Sockets() {
      try {
        selector = Selector.open();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Thread t = new Thread(this, "ws-clients");
      t.setDaemon(true);
      t.start();
    }

    static CompletableFuture<Conn> open(Client client, String pathAndQuery) {
      CompletableFuture<Conn> opened = new CompletableFuture<>();
      connect(opened, ch -> new Conn(ch, client, opened, pathAndQuery, null, null));
      return opened;
    }

    /** Sends one HTTP request on a new connection and answers everything read until it closes. */
    static CompletableFuture<String> exchange(String request) {
      CompletableFuture<String> answer = new CompletableFuture<>();
      connect(answer, ch -> new Conn(ch, null, null, null, request, answer));
      return answer;
    }

    /** Opens a connection on the selector thread; {@code result} fails when it cannot. */
    private static void connect(
        CompletableFuture<?> result, java.util.function.Function<SocketChannel, Conn> conn) {
      LOOP.submit(
          () -> {
            try {
              SocketChannel ch = SocketChannel.open();
              ch.configureBlocking(false);
              ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
              Conn c = conn.apply(ch);
              if (ch.connect(address)) {
                c.connected();
              } else {
                ch.register(LOOP.selector, SelectionKey.OP_CONNECT, c);
              }
            } catch (IOException e) {
              result.completeExceptionally(e);
            }
          });
    }

    void submit(Runnable r) {
      tasks.add(r);
      selector.wakeup();
    }

    @Override
    public void run() {
      while (true) {
        try {
          selector.select();
          Runnable r;
          while ((r = tasks.poll()) != null) {
            r.run();
          }
          var it = selector.selectedKeys().iterator();
          while (it.hasNext()) {
            SelectionKey k = it.next();
            it.remove();
            Conn c = (Conn) k.attachment();
            try {
              if (!k.isValid()) {
                continue;
              }
              if (k.isConnectable()) {
                c.ch.finishConnect();
                c.connected();
              } else if (k.isReadable()) {
                c.read();
              }
            } catch (IOException | RuntimeException e) {
              c.fail(e);
            }
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }

    static final class Conn {
      final SocketChannel ch;
      final Client client;
      final CompletableFuture<Conn> opened;
      final String pathAndQuery;
      ByteBuffer in = ByteBuffer.allocate(16 * 1024);
      boolean upgraded;
      final java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
      boolean closed;
      /** For a plain HTTP exchange ({@link #exchange}): the request, and its answer. */
      final String request;
      final CompletableFuture<String> answer;

      Conn(
          SocketChannel ch,
          Client client,
          CompletableFuture<Conn> opened,
          String pathAndQuery,
          String request,
          CompletableFuture<String> answer) {
        this.ch = ch;
        this.client = client;
        this.opened = opened;
        this.pathAndQuery = pathAndQuery;
        this.request = request;
        this.answer = answer;
      }

      void connected() throws IOException {
        if (answer != null) {
          write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
          ch.register(LOOP.selector, SelectionKey.OP_READ, this);
          return;
        }
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String req =
            "GET "
                + pathAndQuery
                + " HTTP/1.1\r\nHost: "
                + hostHeader
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        write(ByteBuffer.wrap(req.getBytes(StandardCharsets.US_ASCII)));
        ch.register(LOOP.selector, SelectionKey.OP_READ, this);
      }

      /** Small writes only (upgrade, pong, close): loopback takes them whole. */
      void write(ByteBuffer b) throws IOException {
        int spins = 0;
        while (b.hasRemaining()) {
          if (ch.write(b) == 0 && ++spins > 1000) {
            throw new IOException("socket not writable");
          }
        }
      }

      void read() throws IOException {
        if (!in.hasRemaining()) {
          ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
          in.flip();
          bigger.put(in);
          in = bigger;
        }
        int r = ch.read(in);
        if (answer != null) {
          if (r < 0) {
            ch.close();
            answer.complete(new String(in.array(), 0, in.position(), StandardCharsets.UTF_8));
          }
          return;
        }
        if (r < 0) {
          fail(new IOException("closed by the server"));
          return;
        }
        long now = System.nanoTime();
        in.flip();
        if (!upgraded) {
          int end = headerEnd(in);
          if (end < 0) {
            in.compact();
            return;
          }
          String head = new String(in.array(), 0, end, StandardCharsets.US_ASCII);
          in.position(end);
          if (!head.startsWith("HTTP/1.1 101")) {
            in.compact();
            fail(new IOException(head.lines().findFirst().orElse("no answer")));
            return;
          }
          upgraded = true;
          opened.complete(this);
        }
        while (frame(now)) {
          // one more
        }
        in.compact();
      }

      static int headerEnd(ByteBuffer b) {
        for (int i = b.position(); i + 3 < b.limit(); i++) {
          if (b.get(i) == '\r' && b.get(i + 1) == '\n' && b.get(i + 2) == '\r' && b.get(i + 3) == '\n') {
            return i + 4;
          }
        }
        return -1;
      }

      /** Consumes one complete frame from {@code in} (flipped); false when more bytes are needed. */
      boolean frame(long now) throws IOException {
        int start = in.position();
        if (in.remaining() < 2) {
          return false;
        }
        int b0 = in.get(start) & 0xff;
        int b1 = in.get(start + 1) & 0xff;
        long len = b1 & 0x7f;
        int header = 2;
        if (len == 126) {
          if (in.remaining() < 4) {
            return false;
          }
          len = ((in.get(start + 2) & 0xff) << 8) | (in.get(start + 3) & 0xff);
          header = 4;
        } else if (len == 127) {
          if (in.remaining() < 10) {
            return false;
          }
          len = in.getLong(start + 2);
          header = 10;
        }
        if (in.remaining() < header + len) {
          return false;
        }
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0f;
        byte[] payload = new byte[(int) len];
        in.position(start + header);
        in.get(payload);
        switch (opcode) {
          case 0x0, 0x1 -> {
            message.write(payload, 0, payload.length);
            if (fin) {
              String text = message.toString(StandardCharsets.UTF_8);
              message.reset();
              client.handle(text, now);
            }
          }
          case 0x8 -> {
            if (!closed) {
              closed = true;
              write(masked(0x8, payload));
            }
            fail(new IOException("closed by the server"));
          }
          case 0x9 -> write(masked(0xA, payload));
          default -> {
            // pong or binary: nothing to do
          }
        }
        return true;
      }

      static ByteBuffer masked(int opcode, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(6 + payload.length); // control frames are < 126 bytes
        b.put((byte) (0x80 | opcode));
        b.put((byte) (0x80 | payload.length));
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        b.put(mask);
        for (int i = 0; i < payload.length; i++) {
          b.put((byte) (payload[i] ^ mask[i & 3]));
        }
        return b.flip();
      }

      void fail(Exception e) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // closing anyway
        }
        if (answer != null) {
          answer.completeExceptionally(e);
          return;
        }
        client.closed();
        opened.completeExceptionally(e);
      }

      /** Drops the connection at once, as a tablet that goes away does. */
      void abort() {
        LOOP.submit(() -> fail(new IOException("aborted")));
      }
    }
  }

  /**
   * A ticket over its own short HTTP/1.1 connection on the selector thread (as a device's fetch; a
   * refused connection while the server is down costs next to nothing here, where the JDK client
   * spent close to a core on 856 devices retrying, slowing the restarting server it shares the
   * machine with).
   */
  static CompletableFuture<String> ticketAsync() {
    String request =
        "POST /api/meetings/"
            + meeting
            + "/live-ticket HTTP/1.1\r\nHost: "
            + Sockets.hostHeader
            + "\r\nAuthorization: Bearer "
            + viewer
            + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    return Sockets.exchange(request)
        .thenApply(
            r -> {
              Matcher m = TICKET.matcher(r);
              if (r.startsWith("HTTP/1.1 200") && m.find()) {
                return m.group(1);
              }
              throw new IllegalStateException(r.lines().findFirst().orElse("no answer"));
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
    URI u = URI.create(base);
    Sockets.address = new InetSocketAddress(u.getHost(), u.getPort());
    Sockets.hostHeader = u.getHost() + ":" + u.getPort();
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
