import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vote benchmark client (run by bench/vote.sh against the packaged app on PostgreSQL).
 *
 * <p>Set-up (not timed): VOTERS + 1 delegates in one unit, created through the people API with
 * a password, invited in one request (bulk invite of the unit), each signed in and checked in; the
 * meeting is started by its chair. One delegate checks in but never votes, so that a poll stays
 * open until the chair closes it (a poll also closes when every entitled principal has voted).
 * Every voter then opens the meeting's live channel with its own ticket, as a tablet does.
 *
 * <p>Each round (two polls of one {@link Kind}: yes/no named or secret, a secret election, a secret
 * confidence vote):
 *
 * <ol>
 *   <li>the chair creates and opens the poll; every tablet reads it (as the web app does on
 *       {@code poll.changed}; BENCH_READ=list: the meeting's whole list), which also leaves each
 *       voter a warm keep-alive connection;
 *   <li>the VOTERS ballots are sent within one second (open loop, evenly spaced, voters in random
 *       order), each as a {@code ballot} message on the voter's live socket (TRANSPORT socket, the
 *       default, as the web app sends them) or a POST to the API (http): each ballot's time to
 *       acknowledgement ({@code ballot.ack}, or HTTP 200, with its receipt) is counted from the
 *       moment it was due, so a client falling behind is not hidden; ballots per second =
 *       acknowledged ballots / (last acknowledgement - first ballot due);
 *   <li>the chair closes the poll: time from the close request leaving until {@code poll.changed}
 *       (CLOSED) has arrived on every connected client; then publishes it: the same until {@code
 *       poll.published} is everywhere; the published result must count every acknowledged ballot;
 *   <li>a second poll is opened and every voter casts on it at once: the capacity (acknowledged
 *       ballots / (last acknowledgement - first ballot sent)); closed, it must count them all.
 * </ol>
 *
 * WARMUPS rounds (default: one per kind) come first, taking the kinds in turn, and are not counted:
 * a server that has run a day of meetings has compiled the ballot path, one just started has not.
 * The first of them meets the cold server and is summarised on its own (kind "cold-named" …).
 * The measured rounds take the kinds in turn too.
 *
 * <p>During each cast, the CPU time used by the server process, by the PostgreSQL backends serving
 * its database and by this client is read from /proc: CPU milliseconds per ballot say how much of
 * the two cores a ballot costs, whatever else the machine is doing at the time.
 *
 * <p>java VoteBench.java BASE ADMIN_PASSWORD VOTERS KINDS ROUNDS SERVER_PID CLK_TCK DATABASE
 * [TRANSPORT [WARMUPS]] (KINDS: any of named,secret,election,confidence; TRANSPORT: socket or
 * http)
 */
public class VoteBench {
  static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern ID = Pattern.compile("^\\{\"id\"\\s*:\\s*(\\d+)");
  static final Pattern TICKET = Pattern.compile("\"ticket\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern EVENT = Pattern.compile("\"event\"\\s*:\\s*\"(poll\\.[a-z]+)\"");
  static final Pattern POLL_ID = Pattern.compile("\"pollId\"\\s*:\\s*(\\d+)");
  static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");
  static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern CAST = Pattern.compile("\"cast\"\\s*:\\s*(\\d+)");
  static final Pattern OPTIONS = Pattern.compile("\"options\"\\s*:\\s*\\[([^\\]]*)\\]");
  static final Pattern OPTION_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  static final String PASSWORD = "phieu-bau-do-2026";

  /**
   * A kind of poll the benchmark runs (its name on the command line): the yes/no polls the issue's
   * targets are about, named or secret, and the two other kinds a council votes on, so that a
   * cache trained with this generator (deploy/train-aot.sh) holds their paths too: a secret
   * election of 3 among 5 candidates (each ballot keeps 0 to 3 names) and a secret confidence vote
   * on 3 office holders (each ballot rates all three).
   */
  record Kind(String name, boolean secret, String pollKind, List<String> candidates, int seats) {
    static Kind of(String name) {
      return switch (name) {
        case "named" -> new Kind(name, false, "YES_NO", List.of(), 0);
        case "secret" -> new Kind(name, true, "YES_NO", List.of(), 0);
        case "election" ->
            new Kind(
                name,
                true,
                "ELECTION",
                List.of(
                    "Nguyễn Văn An",
                    "Trần Thị Bích",
                    "Lê Hoàng Cường",
                    "Phạm Thị Dung",
                    "Đặng Quốc Vinh"),
                3);
        case "confidence" ->
            new Kind(
                name,
                true,
                "CONFIDENCE",
                List.of("Hoàng Minh Đức", "Vũ Thị Hạnh", "Bùi Văn Khánh"),
                0);
        default ->
            throw new IllegalArgumentException(
                "unknown poll kind " + name + " (named, secret, election, confidence)");
      };
    }

    /** The poll's creation request. */
    String create(String title) {
      StringBuilder b =
          new StringBuilder("{\"title\":\"")
              .append(title)
              .append("\",\"kind\":\"")
              .append(pollKind)
              .append("\",\"analog\":false,\"secret\":")
              .append(secret)
              .append(",\"allowChange\":false");
      if (!candidates.isEmpty()) {
        b.append(",\"candidates\":[")
            .append(String.join(",", candidates.stream().map(c -> "\"" + c + "\"").toList()))
            .append(']');
      }
      if (seats > 0) {
        b.append(",\"seats\":").append(seats).append(",\"electionStyle\":\"CHOOSE\"");
      }
      return b.append(
              ",\"rule\":{\"base\":\"ALL_MEMBERS\",\"threshold\":\"MORE_THAN_HALF\","
                  + "\"tie\":\"NOT_ADOPTED\"}}")
          .toString();
    }

    /** One voter's choice, as the ballot's JSON fields (after the ballot id). */
    String choice(Random random, List<Long> options) {
      int d = random.nextInt(100);
      switch (pollKind) {
        case "YES_NO" -> {
          return "\"value\":\"" + (d < 70 ? "YES" : d < 90 ? "NO" : "ABSTAIN") + "\"";
        }
        case "ELECTION" -> {
          List<Long> kept = new ArrayList<>(options);
          Collections.shuffle(kept, random);
          int count = d < 80 ? seats : random.nextInt(seats); // most keep a full slate
          return "\"selected\":["
              + String.join(",", kept.subList(0, count).stream().map(String::valueOf).toList())
              + "]";
        }
        default -> {
          StringBuilder b = new StringBuilder("\"ratings\":{");
          for (int i = 0; i < options.size(); i++) {
            int r = random.nextInt(100);
            b.append(i == 0 ? "" : ",")
                .append('"')
                .append(options.get(i))
                .append("\":\"")
                .append(r < 60 ? "HIGH" : r < 90 ? "MEDIUM" : "LOW")
                .append('"');
          }
          return b.append('}').toString();
        }
      }
    }
  }

  /** The polls of the meeting so far. */
  static final AtomicInteger polls = new AtomicInteger();

  /** A poll opened: its id and, for an election or a confidence vote, its options' ids. */
  record Opened(long id, List<Long> options) {}

  /**
   * HTTP/1.1, as browsers speak to a plain-http server: each tablet has its own connection (the
   * JDK's default, HTTP/2 over one upgraded connection, would put every voter on one connection).
   * Voters are spread over several clients: each JDK client reads all its connections on one
   * selector thread, which would otherwise be what the benchmark measures. Each has a small fixed
   * executor: the default (a cached pool) starts a thread per concurrent answer. (The live sockets
   * are not theirs: see {@link Wire}.)
   */
  static final HttpClient[] HTTP = new HttpClient[8];

  static {
    for (int i = 0; i < HTTP.length; i++) {
      HTTP[i] =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(30))
              .executor(Executors.newFixedThreadPool(2))
              .build();
    }
  }

  static String base;
  static long meeting;
  static long serverPid;
  static double ticksPerSecond;
  static String database;

  /** The voters who cast (for the summary's count of sockets closed). */
  static List<Voter> castingVoters = List.of();

  /**
   * One delegate with a tablet: signed in, checked in, following the meeting live on its own
   * socket ({@link Wire}).
   */
  static final class Voter {
    final int n;
    final String username;
    volatile String token;
    volatile boolean open;
    /** "poll.changed:ID:STATE" or "poll.published:ID" → when it first arrived (nanoTime). */
    final Map<String, Long> seen = new ConcurrentHashMap<>();
    volatile CountDownLatch hello;
    /** Where this voter's ballot answers on the socket go during a cast. */
    volatile Answers answers;

    // the socket, read by its wire's thread only (writes are synchronized on the voter)
    SocketChannel channel;
    ByteBuffer in = ByteBuffer.allocate(4096);
    final java.io.ByteArrayOutputStream fragments = new java.io.ByteArrayOutputStream();

    Voter(int n, String username) {
      this.n = n;
      this.username = username;
    }

    HttpClient http() {
      return HTTP[n % HTTP.length];
    }

    /**
     * Opens the socket (blocking, not timed): the HTTP upgrade, its answer checked; bytes that
     * came after the answer's head stay in {@link #in} for the wire to read.
     */
    void connect(URI uri) throws IOException {
      SocketChannel ch = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
      ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      String key = Base64.getEncoder().encodeToString(nonce);
      String head =
          "GET "
              + uri.getRawPath()
              + "?"
              + uri.getRawQuery()
              + " HTTP/1.1\r\nHost: "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
              + key
              + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
      ByteBuffer out = ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII));
      while (out.hasRemaining()) {
        ch.write(out);
      }
      int end;
      while ((end = headEnd(in)) < 0) {
        if (!in.hasRemaining()) {
          throw new IOException("the upgrade's answer is too long");
        }
        if (ch.read(in) < 0) {
          throw new IOException("the server closed the upgrade");
        }
      }
      String answer = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
      String accept;
      try {
        accept =
            Base64.getEncoder()
                .encodeToString(
                    MessageDigest.getInstance("SHA-1")
                        .digest(
                            (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                                .getBytes(StandardCharsets.US_ASCII)));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      if (!answer.startsWith("HTTP/1.1 101")
          || !answer.toLowerCase(Locale.ROOT).contains("sec-websocket-accept: " + accept.toLowerCase(Locale.ROOT))) {
        throw new IOException("upgrade refused: " + answer.lines().findFirst().orElse(""));
      }
      in.flip();
      in.position(end);
      in.compact(); // what follows the head: the first frames
      ch.configureBlocking(false);
      channel = ch;
      open = true;
    }

    /** Where the head of an HTTP answer in {@code b} (write mode) ends, or -1. */
    static int headEnd(ByteBuffer b) {
      byte[] a = b.array();
      for (int i = 3; i < b.position(); i++) {
        if (a[i - 3] == '\r' && a[i - 2] == '\n' && a[i - 1] == '\r' && a[i] == '\n') {
          return i + 1;
        }
      }
      return -1;
    }

    /** One masked frame, written whole (a frame here is small: the socket buffer takes it). */
    void send(int opcode, byte[] payload) throws IOException {
      int len = payload.length;
      ByteBuffer f = ByteBuffer.allocate(14 + len);
      f.put((byte) (0x80 | opcode));
      if (len < 126) {
        f.put((byte) (0x80 | len));
      } else if (len < 65536) {
        f.put((byte) (0x80 | 126)).putShort((short) len);
      } else {
        f.put((byte) (0x80 | 127)).putLong(len);
      }
      int mask = ThreadLocalRandom.current().nextInt();
      f.putInt(mask);
      for (int i = 0; i < len; i++) {
        f.put((byte) (payload[i] ^ (mask >>> (24 - 8 * (i & 3)))));
      }
      f.flip();
      synchronized (this) {
        while (f.hasRemaining()) {
          if (channel.write(f) == 0) {
            LockSupport.parkNanos(20_000);
          }
        }
      }
    }

    void sendText(String text) throws IOException {
      send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** On the wire's thread: reads what arrived and handles each whole message. */
    void readable(SelectionKey k, long now) {
      int r;
      try {
        r = channel.read(in);
      } catch (IOException e) {
        r = -1;
      }
      if (r < 0) {
        gone(k);
        return;
      }
      frames(k, now);
    }

    /** Handles every whole frame in {@link #in}; keeps a partial one (growing the buffer for it). */
    void frames(SelectionKey k, long now) {
      in.flip();
      int need = 0;
      try {
        while (in.remaining() >= 2) {
          int p = in.position();
          int b0 = in.get(p) & 0xff;
          int b1 = in.get(p + 1) & 0xff;
          if ((b1 & 0x80) != 0) {
            throw new IOException("a masked frame from the server");
          }
          long len = b1 & 0x7f;
          int headLen = 2;
          if (len == 126) {
            if (in.remaining() < 4) {
              break;
            }
            len = in.getShort(p + 2) & 0xffff;
            headLen = 4;
          } else if (len == 127) {
            if (in.remaining() < 10) {
              break;
            }
            len = in.getLong(p + 2);
            headLen = 10;
          }
          if (len > 64 << 20) {
            throw new IOException("a frame of " + len + " bytes");
          }
          if (in.remaining() < headLen + len) {
            need = (int) (headLen + len);
            break;
          }
          byte[] payload = new byte[(int) len];
          in.position(p + headLen);
          in.get(payload);
          boolean fin = (b0 & 0x80) != 0;
          switch (b0 & 0x0f) {
            case 0x1, 0x0 -> {
              if (fin && fragments.size() == 0) {
                handle(new String(payload, StandardCharsets.UTF_8), now);
              } else {
                fragments.write(payload);
                if (fin) {
                  handle(fragments.toString(StandardCharsets.UTF_8), now);
                  fragments.reset();
                }
              }
            }
            case 0x8 -> throw new IOException("closed by the server");
            case 0x9 -> { // the server's keep-alive: answered, as browsers do
              PINGS.incrementAndGet();
              send(0xA, payload);
            }
            default -> {} // a pong, or a binary frame (the protocol sends none)
          }
        }
      } catch (IOException e) {
        gone(k);
        return;
      }
      in.compact();
      if (need > in.capacity()) {
        ByteBuffer bigger = ByteBuffer.allocate(need);
        in.flip();
        bigger.put(in);
        in = bigger;
      }
    }

    void gone(SelectionKey k) {
      open = false;
      if (k != null) {
        k.cancel();
      }
      try {
        channel.close();
      } catch (IOException e) {
        // closing anyway
      }
    }

    void handle(String msg, long now) {
      if (msg.startsWith("{\"type\":\"ballot.")) {
        Answers a = answers;
        if (a != null) {
          a.answer(msg, now);
        }
        return;
      }
      if (msg.startsWith("{\"type\":\"hello\"")) {
        CountDownLatch l = hello;
        if (l != null) {
          l.countDown();
        }
        return;
      }
      if (!msg.startsWith("{\"type\":\"event\"") || !msg.contains("\"event\":\"poll.")) {
        return;
      }
      Matcher e = EVENT.matcher(msg);
      Matcher p = POLL_ID.matcher(msg);
      if (!e.find() || !p.find()) {
        return;
      }
      String key = e.group(1) + ":" + p.group(1);
      if (e.group(1).equals("poll.changed")) {
        Matcher s = STATE.matcher(msg);
        key += ":" + (s.find() ? s.group(1) : "");
      }
      seen.putIfAbsent(key, now);
    }
  }

  /**
   * The load generator's WebSocket client: a few threads, each reading its share of the sockets
   * on one selector, frames written straight from the caller (RFC 6455, text frames, pings
   * answered). The JDK's client (java.net.http.WebSocket) cost 0.1–0.3 ms of CPU per ballot on
   * the two cores the server and the database also need (its per-message futures and
   * executors); 2,000 tablets bring their own CPUs, so the generator should take as little of the
   * server's machine as it can. The ballots' bytes and the server's work are the same.
   */
  static final class Wire implements Runnable {
    final Selector selector;
    final java.util.Queue<Voter> joining = new java.util.concurrent.ConcurrentLinkedQueue<>();

    Wire(int i) throws IOException {
      selector = Selector.open();
      Thread t = new Thread(this, "wire-" + i);
      t.setDaemon(true);
      t.start();
    }

    void add(Voter v) {
      joining.add(v);
      selector.wakeup();
    }

    @Override
    public void run() {
      while (true) {
        try {
          selector.select();
          long now = System.nanoTime();
          Voter v;
          while ((v = joining.poll()) != null) {
            SelectionKey k = v.channel.register(selector, SelectionKey.OP_READ, v);
            v.frames(k, now); // frames that came with the upgrade's answer
          }
          for (SelectionKey k : selector.selectedKeys()) {
            if (k.isValid()) {
              ((Voter) k.attachment()).readable(k, now);
            }
          }
          selector.selectedKeys().clear();
        } catch (IOException | RuntimeException e) {
          e.printStackTrace();
        }
      }
    }
  }

  static final Wire[] WIRES = new Wire[2];

  /** The server's pings answered so far (each cast reports how many came during it). */
  static final AtomicInteger PINGS = new AtomicInteger();

  static {
    try {
      for (int i = 0; i < WIRES.length; i++) {
        WIRES[i] = new Wire(i);
      }
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** A ballot's answer on the socket: {"type":"ballot.ack"|"ballot.refused","ref":"K",…}. */
  interface Answers {
    void answer(String msg, long now);
  }

  static final Pattern REF = Pattern.compile("\"ref\"\\s*:\\s*\"(\\d+)\"");

  // --- HTTP -----------------------------------------------------------------------------------

  static HttpRequest request(String method, String path, String token, String json) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
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

  static String call(HttpClient http, String method, String path, String token, String json)
      throws Exception {
    HttpResponse<String> r =
        http.send(request(method, path, token, json), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static String call(String method, String path, String token, String json) throws Exception {
    return call(HTTP[0], method, path, token, json);
  }

  static long id(String json) {
    Matcher m = ID.matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no id in " + json);
    }
    return Long.parseLong(m.group(1));
  }

  static String login(HttpClient http, String username, String password) throws Exception {
    String body =
        call(
            http,
            "POST",
            "/api/auth/login",
            null,
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    Matcher m = TOKEN.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("sign-in of " + username + " failed: " + body);
    }
    return m.group(1);
  }

  interface Task {
    void run(int i) throws Exception;
  }

  /** Runs task(0..count-1) on {@code threads} threads, as that many browsers would; fails fast. */
  static void parallel(String what, int count, int threads, Task task) throws Exception {
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int k = i;
        all.add(
            pool.submit(
                () -> {
                  task.run(k);
                  return null;
                }));
      }
      for (Future<?> f : all) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("  set-up: %s (%d) in %.1f s%n", what, count, (System.nanoTime() - t0) / 1e9);
  }

  // --- figures --------------------------------------------------------------------------------

  static double ms(List<Long> sortedNanos, double p) {
    if (sortedNanos.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, Math.min(sortedNanos.size() - 1, i))) / 1e6;
  }

  static String figures(String prefix, List<Long> nanos) {
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    return String.format(
        Locale.ROOT,
        "%s_p50_ms=%.1f %s_p99_ms=%.1f %s_max_ms=%.1f",
        prefix,
        ms(s, 0.50),
        prefix,
        ms(s, 0.99),
        prefix,
        ms(s, 1.0));
  }

  /** What one kind of poll measured over its counted rounds. */
  static final class Totals {
    final List<Long> acks = new ArrayList<>();
    final List<Long> burstAcks = new ArrayList<>();
    final List<Long> closes = new ArrayList<>();
    final List<Long> publishes = new ArrayList<>();
    long acked;
    long burstAcked;
    double burstSeconds;
    long failed;
    long missing;
    double castSeconds;
    double serverCpu;
    double databaseCpu;
    double clientCpu;
    int rounds;
  }

  /** This JVM's garbage collections so far: how many, and their time in ms. */
  static long[] generatorCollections() {
    long count = 0;
    long ms = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      ms += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, ms};
  }

  /**
   * The whole machine's CPU seconds so far, from /proc/stat: busy (every state but idle and
   * iowait) and stolen by the hypervisor. Less the three processes' own CPU, they say how much
   * else the machine did during a cast (PostgreSQL's WAL writer, the kernel's loopback traffic, any
   * other process): a round slower than its neighbours can be told from one that had company.
   */
  static double[] machineCpu() throws Exception {
    String[] f =
        java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
    // cpu user nice system idle iowait irq softirq steal ...
    long busy = 0;
    for (int i = 1; i <= 8 && i < f.length; i++) {
      if (i != 4 && i != 5) {
        busy += Long.parseLong(f[i]);
      }
    }
    long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
    return new double[] {busy / ticksPerSecond, steal / ticksPerSecond};
  }

  /** CPU seconds (user + system) a process has used so far, from /proc/PID/stat. */
  static double cpuSeconds(long pid) throws Exception {
    String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
    // fields after the command name (which may hold spaces), from field 3 on: utime is 14, stime 15
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / ticksPerSecond;
  }

  /**
   * CPU seconds so far of each PostgreSQL backend serving the server's database, by process id
   * (a backend's process title names its database).
   */
  static Map<Long, Double> databaseCpu() throws Exception {
    Map<Long, Double> out = new java.util.HashMap<>();
    try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
      for (java.nio.file.Path d : (Iterable<java.nio.file.Path>) dirs::iterator) {
        String name = d.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String title = java.nio.file.Files.readString(d.resolve("cmdline")).replace('\0', ' ');
          if (title.startsWith("postgres: ") && title.contains(" " + database + " ")) {
            out.put(Long.parseLong(name), cpuSeconds(Long.parseLong(name)));
          }
        } catch (java.io.IOException e) {
          // the process ended meanwhile
        }
      }
    }
    return out;
  }

  /** CPU seconds the backends used since {@code before} (those started since count from zero). */
  static double databaseCpuSince(Map<Long, Double> before) throws Exception {
    double sum = 0;
    for (Map.Entry<Long, Double> e : databaseCpu().entrySet()) {
      sum += e.getValue() - before.getOrDefault(e.getKey(), 0.0);
    }
    return sum;
  }

  // --- the run --------------------------------------------------------------------------------

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable e) {
      // the clients' executor threads would keep the JVM alive
      e.printStackTrace();
      System.exit(1);
    }
  }

  static void run(String[] args) throws Exception {
    base = args[0];
    String adminPassword = args[1];
    int voters = Integer.parseInt(args[2]);
    List<Kind> kinds = java.util.Arrays.stream(args[3].split(",")).map(Kind::of).toList();
    int rounds = Integer.parseInt(args[4]);
    int warmUps = args.length > 9 ? Integer.parseInt(args[9]) : kinds.size();
    serverPid = Long.parseLong(args[5]);
    ticksPerSecond = Double.parseDouble(args[6]);
    database = args[7];
    boolean socket = args.length <= 8 || !args[8].equals("http");
    String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    String admin = login(HTTP[0], "admin", adminPassword);
    long unit =
        id(
            call(
                "POST",
                "/api/units",
                admin,
                "{\"code\":\"VB-"
                    + run.toUpperCase(Locale.ROOT)
                    + "\",\"name\":\"Hội đồng đo biểu quyết "
                    + run
                    + "\",\"level\":\"PROVINCE\"}"));
    String chairName = "vb" + run + "-chair";
    long chairId =
        id(
            call(
                "POST",
                "/api/people",
                admin,
                "{\"username\":\""
                    + chairName
                    + "\",\"fullName\":\"Chủ tọa Đo\",\"roles\":[\"CHAIR\"],\"password\":\""
                    + PASSWORD
                    + "\"}"));
    List<Voter> all = new ArrayList<>();
    for (int i = 0; i <= voters; i++) {
      all.add(new Voter(i, String.format(Locale.ROOT, "vb%s-%05d", run, i)));
    }
    System.out.printf(
        "set-up: %d voters + 1 member who does not vote, one meeting (not timed)%n", voters);
    parallel(
        "people created (people API, with password)",
        all.size(),
        8,
        i ->
            call(
                all.get(i).http(),
                "POST",
                "/api/people",
                admin,
                "{\"username\":\""
                    + all.get(i).username
                    + "\",\"fullName\":\"Đại biểu Đo "
                    + i
                    + "\",\"unitId\":"
                    + unit
                    + ",\"roles\":[\"DELEGATE\"],\"password\":\""
                    + PASSWORD
                    + "\"}"));
    Instant start = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
    meeting =
        id(
            call(
                "POST",
                "/api/meetings",
                admin,
                "{\"title\":\"Kỳ họp đo biểu quyết\",\"kind\":\"REGULAR\",\"hostUnitId\":"
                    + unit
                    + ",\"chairId\":"
                    + chairId
                    + ",\"startsAt\":\""
                    + start
                    + "\",\"endsAt\":\""
                    + start.plus(Duration.ofHours(4))
                    + "\",\"place\":\"Hội trường\"}"));
    String m = "/api/meetings/" + meeting;
    long t0 = System.nanoTime();
    String bulk =
        call(
            "POST",
            m + "/participants/bulk",
            admin,
            "{\"unitId\":"
                + unit
                + ",\"includeSubunits\":false,\"role\":\"DELEGATE\",\"voting\":true}");
    System.out.printf(
        "  set-up: bulk invite of the unit in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, bulk);
    call("POST", m + "/schedule", admin, null);
    String chair = login(HTTP[0], chairName, PASSWORD);
    call("POST", m + "/start", chair, null);
    parallel(
        "sign-ins",
        all.size(),
        8,
        i -> all.get(i).token = login(all.get(i).http(), all.get(i).username, PASSWORD));
    parallel(
        "check-ins",
        all.size(),
        8,
        i -> call(all.get(i).http(), "POST", m + "/check-in", all.get(i).token, "{}"));
    List<Voter> casting = all.subList(0, voters);
    castingVoters = casting;
    connect(casting);

    Map<String, Totals> totals = new ConcurrentHashMap<>();
    Random random = new Random(20261122L);
    // Warm-up rounds take the kinds in turn, as a day of meetings mixes them (one kind's rounds
    // in a row would let the JIT specialise shared code for it, then throw that away). The very
    // first round meets a server that has just started: it is reported on its own as the cold
    // vote. Then the measured rounds, also taking the kinds in turn.
    for (int w = 0; w < warmUps; w++) {
      Kind kind = kinds.get(w % kinds.size());
      Totals cold = w == 0 ? new Totals() : null;
      round(kind.name() + " warm-up " + (w + 1), kind, chair, casting, random, socket, cold);
      if (cold != null) {
        summary("cold-" + kind.name(), voters, cold);
      }
    }
    for (int r = 1; r <= rounds; r++) {
      for (Kind kind : kinds) {
        round(
            kind.name() + " round " + r,
            kind,
            chair,
            casting,
            random,
            socket,
            totals.computeIfAbsent(kind.name(), k -> new Totals()));
      }
    }
    for (Kind kind : kinds) {
      Totals t = totals.get(kind.name());
      if (t != null) {
        summary(kind.name(), voters, t);
      }
    }
    for (Voter v : casting) {
      if (v.channel != null) {
        v.gone(null);
      }
    }
    System.exit(0);
  }

  /** The figures of one kind's rounds, as one line for bench/vote.sh. */
  static void summary(String kind, int voters, Totals t) {
    int closed = (int) castingVoters.stream().filter(v -> !v.open).count();
    System.out.printf(
        Locale.ROOT,
        "SUMMARY kind=%s rounds=%d voters=%d acked=%d failed=%d %s ballots_per_s=%.0f"
            + " %s capacity_ballots_per_s=%.0f"
            + " server_cpu_ms_per_ballot=%.2f database_cpu_ms_per_ballot=%.2f"
            + " client_cpu_ms_per_ballot=%.2f %s %s"
            + " events_missing=%d sockets_closed=%d%n",
        kind,
        t.rounds,
        voters,
        t.acked,
        t.failed,
        figures("ack", t.acks),
        t.acked / t.castSeconds,
        figures("burst", t.burstAcks),
        t.burstAcked / t.burstSeconds,
        t.serverCpu * 1000 / (t.acked + t.burstAcked),
        t.databaseCpu * 1000 / (t.acked + t.burstAcked),
        t.clientCpu * 1000 / (t.acked + t.burstAcked),
        figures("close", t.closes),
        figures("publish", t.publishes),
        t.missing,
        closed);
  }

  /** Every voter opens the meeting's live channel with its own single-use ticket. */
  static void connect(List<Voter> voters) throws Exception {
    long t0 = System.nanoTime();
    CountDownLatch hello = new CountDownLatch(voters.size());
    String ws = base.replaceFirst("^http", "ws") + "/ws/meetings/" + meeting + "?ticket=";
    List<CompletableFuture<Void>> opening = new ArrayList<>();
    // a few at a time, as tablets arriving in a hall do; each waits for its ticket first
    ExecutorService pool = Executors.newFixedThreadPool(16);
    for (Voter v : voters) {
      v.hello = hello;
      CompletableFuture<Void> f = new CompletableFuture<>();
      opening.add(f);
      pool.execute(
          () -> {
            try {
              Matcher t =
                  TICKET.matcher(
                      call(v.http(), "POST", "/api/meetings/" + meeting + "/live-ticket", v.token, null));
              if (!t.find()) {
                throw new IllegalStateException("no ticket");
              }
              v.connect(URI.create(ws + t.group(1)));
              WIRES[v.n % WIRES.length].add(v);
              f.complete(null);
            } catch (Exception e) {
              f.completeExceptionally(e);
            }
          });
    }
    CompletableFuture.allOf(opening.toArray(new CompletableFuture[0])).get(5, TimeUnit.MINUTES);
    pool.shutdown();
    if (!hello.await(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException(hello.getCount() + " clients were not greeted");
    }
    System.out.printf(
        "  set-up: %d live clients connected in %.1f s%n",
        voters.size(), (System.nanoTime() - t0) / 1e9);
  }

  /** What one cast measured. */
  record Cast(
      List<Long> acks,
      int failed,
      double seconds,
      double serverCpu,
      double databaseCpu,
      double clientCpu) {}

  /** A poll created and opened by the chair, fetched by every tablet; its id. */
  static Opened openPoll(String chair, List<Voter> voters, Kind kind, Random random)
      throws Exception {
    String created =
        call(
            "POST",
            "/api/meetings/" + meeting + "/polls",
            chair,
            kind.create("Biểu quyết đo số " + random.nextInt(1000)));
    long poll = id(created);
    List<Long> options = new ArrayList<>();
    Matcher listed = OPTIONS.matcher(created);
    if (listed.find()) {
      Matcher o = OPTION_ID.matcher(listed.group(1));
      while (o.find()) {
        options.add(Long.parseLong(o.group(1)));
      }
    }
    if (options.size() != kind.candidates().size()) {
      throw new IllegalStateException("poll " + poll + " has options " + options + ": " + created);
    }
    String p = "/api/polls/" + poll;
    long opened = System.nanoTime();
    call("POST", p + "/open", chair, null);
    awaitEverywhere(voters, "poll.changed:" + poll + ":OPEN", opened);
    // every tablet reads the poll again, all at once, as the web app does on poll.changed (and
    // puts it in its list): the time from the reads leaving until each is answered (not a target;
    // printed on its own line). BENCH_READ=list reads the meeting's whole list instead, as a
    // tablet does when it opens the meeting or has lost its place in the channel; the meeting
    // gathers two polls a round, as a day's session gathers its resolutions, so the list grows.
    boolean whole = "list".equals(System.getenv("BENCH_READ"));
    String read = whole ? "/api/meetings/" + meeting + "/polls" : p;
    int known = polls.incrementAndGet();
    List<Long> fetched = java.util.Collections.synchronizedList(new ArrayList<>());
    long fetchSent = System.nanoTime();
    CompletableFuture.allOf(
            voters.stream()
                .map(
                    v ->
                        v.http()
                            .sendAsync(
                                request("GET", read, v.token, null),
                                HttpResponse.BodyHandlers.discarding())
                            .thenRun(() -> fetched.add(System.nanoTime() - fetchSent)))
                .toArray(CompletableFuture[]::new))
        .get(2, TimeUnit.MINUTES);
    System.out.printf(
        Locale.ROOT,
        "  poll %d opened; every tablet read %s at once (%d reads): %s%n",
        poll,
        whole ? "the meeting's " + known + " polls" : "it",
        fetched.size(),
        figures("fetch", fetched));
    Thread.sleep(500);
    return new Opened(poll, options);
  }

  /**
   * Every voter casts one ballot, in random order: spread evenly over one second, or all at once
   * ({@code burst}: what the server can take, its capacity). A ballot's time to acknowledgement
   * counts from the moment it was due, so a client falling behind is not hidden. On the socket
   * (as the web app sends when its live channel is connected) or over HTTP.
   */
  static Cast cast(
      String label,
      Kind kind,
      Opened opened,
      List<Voter> voters,
      Random random,
      boolean burst,
      boolean socket)
      throws Exception {
    long poll = opened.id();
    String p = "/api/polls/" + poll;
    List<Voter> order = new ArrayList<>(voters);
    Collections.shuffle(order, random);
    int n = order.size();
    String[] bodies = new String[n];
    for (int i = 0; i < n; i++) {
      bodies[i] =
          "{\"ballotId\":\"" + UUID.randomUUID() + "\"," + kind.choice(random, opened.options()) + "}";
    }
    long[] due = new long[n];
    long[] acked = new long[n];
    String[] problems = new String[n];
    AtomicInteger failed = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(n);
    Answers answers =
        (msg, now) -> {
          Matcher r = REF.matcher(msg);
          if (!r.find()) {
            return;
          }
          int k = Integer.parseInt(r.group(1));
          if (msg.startsWith("{\"type\":\"ballot.ack\"") && RECEIPT.matcher(msg).find()) {
            acked[k] = now;
          } else {
            failed.incrementAndGet();
            problems[k] = msg;
          }
          done.countDown();
        };
    order.forEach(v -> v.answers = answers);
    long spacing = burst ? 0 : TimeUnit.SECONDS.toNanos(1) / n;
    long self = ProcessHandle.current().pid();
    double[] batches0 = batches(); // read outside the windows of CPU: a scrape costs the server some
    // This generator's own collections must not fall in a cast: a pause delays its sends and its
    // reading of the answers, which would count as the server's latency (vote.sh gives it a young
    // generation that a round does not fill, and each cast starts with it empty).
    System.gc();
    long[] gc0 = generatorCollections();
    double serverCpu0 = cpuSeconds(serverPid);
    Map<Long, Double> databaseCpu0 = databaseCpu();
    double clientCpu0 = cpuSeconds(self);
    int pings0 = PINGS.get();
    double[] machine0 = machineCpu();
    long first = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    // wall-clock time of the first ballot, to find the cast in the server's log or a recording
    String castAt = Instant.now().plusMillis(20).toString().substring(11, 23);
    for (int i = 0; i < n; i++) {
      int k = i;
      due[k] = first + k * spacing;
      long wait;
      while ((wait = due[k] - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      Voter v = order.get(k);
      if (socket) {
        try {
          v.sendText(
              "{\"type\":\"ballot\",\"ref\":\""
                  + k
                  + "\",\"pollId\":"
                  + poll
                  + ",\"ballot\":"
                  + bodies[k]
                  + "}");
        } catch (IOException e) {
          failed.incrementAndGet();
          problems[k] = e.toString();
          done.countDown();
        }
        continue;
      }
      v.http()
          .sendAsync(
              request("POST", p + "/ballots", v.token, bodies[k]),
              HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (r, e) -> {
                long now = System.nanoTime();
                if (e == null && r.statusCode() == 200 && RECEIPT.matcher(r.body()).find()) {
                  acked[k] = now;
                } else {
                  failed.incrementAndGet();
                  problems[k] = e != null ? e.toString() : r.statusCode() + " " + r.body();
                }
                done.countDown();
              });
    }
    long sentAll = System.nanoTime();
    if (!done.await(3, TimeUnit.MINUTES)) {
      throw new IllegalStateException(label + ": " + done.getCount() + " ballots unanswered");
    }
    order.forEach(v -> v.answers = null);
    double serverCpu = cpuSeconds(serverPid) - serverCpu0;
    double databaseCpu = databaseCpuSince(databaseCpu0);
    double clientCpu = cpuSeconds(self) - clientCpu0;
    int pings = PINGS.get() - pings0;
    double[] machine1 = machineCpu();
    long[] gc1 = generatorCollections(); // before the scrape below, which allocates
    double[] batches1 = batches();
    double others =
        machine1[0] - machine0[0] - (machine1[1] - machine0[1]) - serverCpu - databaseCpu - clientCpu;
    List<Long> ackLatencies = new ArrayList<>();
    long lastAck = first;
    for (int i = 0; i < n; i++) {
      if (acked[i] != 0) {
        ackLatencies.add(acked[i] - due[i]);
        lastAck = Math.max(lastAck, acked[i]);
      }
    }
    for (int i = 0, shown = 0; i < n && shown < 3; i++) {
      if (problems[i] != null) {
        System.out.println("  refused or failed ballot: " + problems[i]);
        shown++;
      }
    }
    double seconds = (lastAck - first) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s, %s on the %s (from %s UTC): %d ballots sent in %.2f s, %d acknowledged, %d failed;"
            + " %s ballots_per_s=%.0f (all answered after %.2f s); CPU per ballot: server %.2f ms,"
            + " database %.2f ms, this client %.2f ms; the ballot desk's group commits: %s;"
            + " the server's pings during it: %d; this client's collections during it: %d (%d ms);"
            + " the rest of the machine meanwhile (PostgreSQL's writers, the kernel, anything else):"
            + " %.0f ms of CPU, stolen by the host %.0f ms%n",
        label,
        burst ? "all at once" : "within one second",
        socket ? "live socket" : "API",
        castAt,
        n,
        (sentAll - first) / 1e9,
        ackLatencies.size(),
        failed.get(),
        figures("ack", ackLatencies),
        ackLatencies.size() / seconds,
        seconds,
        serverCpu * 1000 / n,
        databaseCpu * 1000 / n,
        clientCpu * 1000 / n,
        groupCommits(batches0, batches1),
        pings,
        gc1[0] - gc0[0],
        gc1[1] - gc0[1],
        others * 1000,
        (machine1[1] - machine0[1]) * 1000);
    return new Cast(ackLatencies, failed.get(), seconds, serverCpu, databaseCpu, clientCpu);
  }

  /**
   * One round: a poll cast within one second (latency), closed and published (the result on every
   * client); then a second poll cast all at once (capacity), closed.
   */
  static void round(
      String label,
      Kind kind,
      String chair,
      List<Voter> voters,
      Random random,
      boolean socket,
      Totals totals)
      throws Exception {
    Opened opened = openPoll(chair, voters, kind, random);
    long poll = opened.id();
    String p = "/api/polls/" + poll;
    Cast spread = cast(label, kind, opened, voters, random, false, socket);
    Thread.sleep(1000);

    long closeSent = System.nanoTime();
    call("POST", p + "/close", chair, null);
    long closeAnswered = System.nanoTime();
    List<Long> closes = awaitEverywhere(voters, "poll.changed:" + poll + ":CLOSED", closeSent);
    Thread.sleep(500);
    long publishSent = System.nanoTime();
    call("POST", p + "/publish", chair, null);
    long publishAnswered = System.nanoTime();
    List<Long> publishes = awaitEverywhere(voters, "poll.published:" + poll, publishSent);
    int missing = (voters.size() - closes.size()) + (voters.size() - publishes.size());
    String counted = counted(chair, poll);
    System.out.printf(
        Locale.ROOT,
        "  close answered in %.0f ms, -> %d clients: %s; publish answered in %.0f ms, -> clients:"
            + " %s; missing events %d; poll counts %s ballots%n",
        (closeAnswered - closeSent) / 1e6,
        voters.size(),
        figures("p", closes),
        (publishAnswered - publishSent) / 1e6,
        figures("p", publishes),
        missing,
        counted);
    warnUnless(counted, spread.acks().size());

    Opened second = openPoll(chair, voters, kind, random);
    long secondId = second.id();
    Cast burst = cast(label, kind, second, voters, random, true, socket);
    Thread.sleep(500);
    call("POST", "/api/polls/" + secondId + "/close", chair, null);
    warnUnless(counted(chair, secondId), burst.acks().size());
    if (totals != null) {
      synchronized (totals) {
        totals.acks.addAll(spread.acks());
        totals.burstAcks.addAll(burst.acks());
        totals.closes.addAll(closes);
        totals.publishes.addAll(publishes);
        totals.acked += spread.acks().size();
        totals.burstAcked += burst.acks().size();
        totals.failed += spread.failed() + burst.failed();
        totals.missing += missing;
        totals.castSeconds += spread.seconds();
        totals.burstSeconds += burst.seconds();
        totals.serverCpu += spread.serverCpu() + burst.serverCpu();
        totals.databaseCpu += spread.databaseCpu() + burst.databaseCpu();
        totals.clientCpu += spread.clientCpu() + burst.clientCpu();
        totals.rounds++;
      }
    }
    Thread.sleep(500);
  }

  /**
   * The ballot desk's batches so far ({@code hopso_ballots_batch} on /q/metrics: how many, and the
   * submissions they took), or null when the figures cannot be read.
   */
  static double[] batches() {
    try {
      String metrics = call("GET", "/q/metrics", null, null);
      Matcher count = BATCH_COUNT.matcher(metrics);
      Matcher sum = BATCH_SUM.matcher(metrics);
      return count.find() && sum.find()
          ? new double[] {Double.parseDouble(count.group(1)), Double.parseDouble(sum.group(1))}
          : null;
    } catch (Exception e) {
      return null;
    }
  }

  static final Pattern BATCH_COUNT =
      Pattern.compile("(?m)^hopso_ballots_batch_count(?:\\{[^}]*\\})? ([0-9.eE+]+)$");
  static final Pattern BATCH_SUM =
      Pattern.compile("(?m)^hopso_ballots_batch_sum(?:\\{[^}]*\\})? ([0-9.eE+]+)$");

  /** "N, M ballots each" between two readings of {@link #batches()}. */
  static String groupCommits(double[] before, double[] after) {
    if (before == null || after == null || after[0] <= before[0]) {
      return "?";
    }
    double commits = after[0] - before[0];
    return String.format(
        Locale.ROOT, "%.0f, %.1f ballots each", commits, (after[1] - before[1]) / commits);
  }

  static String counted(String chair, long poll) throws Exception {
    Matcher cast = CAST.matcher(call("GET", "/api/polls/" + poll, chair, null));
    return cast.find() ? cast.group(1) : "?";
  }

  static void warnUnless(String counted, int acknowledged) {
    if (!counted.equals(Integer.toString(acknowledged))) {
      System.out.println(
          "  WARNING: the poll counts " + counted + " ballots, " + acknowledged + " were acknowledged");
    }
  }

  /** Waits (30 s at most) until every voter's socket has {@code key}; the delays from {@code since}. */
  static List<Long> awaitEverywhere(List<Voter> voters, String key, long since) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline
        && !voters.stream().allMatch(v -> v.seen.containsKey(key))) {
      Thread.sleep(5);
    }
    List<Long> out = new ArrayList<>();
    for (Voter v : voters) {
      Long at = v.seen.get(key);
      if (at != null) {
        out.add(at - since);
      }
    }
    return out;
  }
}
