import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audited-write throughput: N writers, each renaming its own unit over and over (PUT
 * /api/units/{id}, an administrative change that every HopSo version audits), for a fixed time.
 * Works against the old API (no versions) and the new one (sends back the version it read).
 * Prints writes per second and latency percentiles. Run by bench/audit.sh.
 *
 * <p>java bench/AuditBench.java BASE_URL ADMIN_PASSWORD WRITERS SECONDS
 */
public class AuditBench {
  static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String password = args[1];
    int writers = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String login =
        send(http, post(base + "/api/auth/login", null, "{\"username\":\"admin\",\"password\":\"" + password + "\"}")).body();
    Matcher tm = TOKEN.matcher(login);
    if (!tm.find()) {
      throw new IllegalStateException("sign-in failed: " + login);
    }
    String token = tm.group(1);
    String run = Long.toString(System.nanoTime() % 100000);
    List<Long> units = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String body =
          "{\"code\":\"BENCH-" + run + "-" + i + "\",\"name\":\"Tỉnh Đo " + i + "\",\"level\":\"PROVINCE\"}";
      HttpResponse<String> r = send(http, post(base + "/api/units", token, body));
      Matcher m = ID.matcher(r.body());
      if (r.statusCode() != 201 || !m.find()) {
        throw new IllegalStateException("cannot create a unit: " + r.statusCode() + " " + r.body());
      }
      units.add(Long.parseLong(m.group(1)));
    }
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    CountDownLatch done = new CountDownLatch(writers);
    long t0 = System.nanoTime();
    for (int w = 0; w < writers; w++) {
      long unit = units.get(w);
      String code = "BENCH-" + run + "-" + w;
      Thread t =
          new Thread(
              () -> {
                try {
                  String current = send(http, get(base + "/api/units/" + unit, token)).body();
                  Matcher vm = VERSION.matcher(current);
                  Long version = vm.find() ? Long.parseLong(vm.group(1)) : null;
                  int n = 0;
                  while (System.nanoTime() < end) {
                    String body =
                        "{\"code\":\"" + code + "\",\"name\":\"Tỉnh Đổi Tên " + (n++) + "\",\"level\":\"PROVINCE\""
                            + (version == null ? "" : ",\"version\":" + version)
                            + "}";
                    long s = System.nanoTime();
                    HttpResponse<String> r = send(http, put(base + "/api/units/" + unit, token, body));
                    latencies.add(System.nanoTime() - s);
                    if (r.statusCode() == 200) {
                      ok.incrementAndGet();
                      if (version != null) {
                        Matcher m = VERSION.matcher(r.body());
                        version = m.find() ? Long.parseLong(m.group(1)) : version + 1;
                      }
                    } else {
                      failed.incrementAndGet();
                      if (failed.get() < 5) {
                        System.err.println("write failed: " + r.statusCode() + " " + r.body());
                      }
                    }
                  }
                } catch (Exception e) {
                  failed.incrementAndGet();
                  System.err.println("writer stopped: " + e);
                } finally {
                  done.countDown();
                }
              });
      t.start();
    }
    done.await();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        "writers=%d seconds=%.1f audited_writes=%d failed=%d writes_per_s=%.0f p50_ms=%.1f p99_ms=%.1f%n",
        writers,
        elapsed,
        ok.get(),
        failed.get(),
        ok.get() / elapsed,
        pct(sorted, 0.50),
        pct(sorted, 0.99));
  }

  static double pct(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
  }

  static HttpRequest.Builder get(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET();
  }

  static HttpRequest.Builder post(String url, String token, String json) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  static HttpRequest.Builder put(String url, String token, String json) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .PUT(HttpRequest.BodyPublishers.ofString(json));
  }

  static HttpResponse<String> send(HttpClient http, HttpRequest.Builder b) throws Exception {
    return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
