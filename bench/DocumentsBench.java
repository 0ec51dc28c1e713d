import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.http.Method;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document benchmark client (run by bench/documents.sh with the app's libraries on the class
 * path, for the MinIO client that signs the direct links).
 *
 * <p>java DocumentsBench.java BASE ADMIN_PASSWORD TABLETS DATA_DIR S3_ENDPOINT BUCKET PID JCMD
 */
public class DocumentsBench {
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
  static String base;

  public static void main(String[] a) throws Exception {
    base = a[0];
    String adminPassword = a[1];
    int tablets = Integer.parseInt(a[2]);
    Path data = Path.of(a[3]);
    String s3 = a[4];
    String bucket = a[5];
    String pid = a[6];
    String jcmd = a[7];

    String admin = login("admin", adminPassword);
    String secretary = login("thuky1", "hopso-demo-2026");
    String chair = login("chutich", "hopso-demo-2026");
    long chairId = num(call("GET", "/api/auth/me", chair, null), "id");
    long secId = num(call("GET", "/api/auth/me", secretary, null), "id");
    long unitId = num(call("GET", "/api/units?q=TH&level=PROVINCE&size=1", admin, null), "id");
    int accounts = 20;
    List<String> delegates = new ArrayList<>();
    StringBuilder people = new StringBuilder();
    for (int i = 1; i <= accounts; i++) {
      String t = login(String.format("daibieu%03d", i), "hopso-demo-2026");
      delegates.add(t);
      long id = num(call("GET", "/api/auth/me", t, null), "id");
      people.append(people.length() == 0 ? "" : ",").append("{\"personId\":").append(id).append(",\"role\":\"DELEGATE\"}");
    }
    String start = java.time.Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    String end = java.time.Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    long meeting =
        num(
            call(
                "POST",
                "/api/meetings",
                secretary,
                "{\"title\":\"Đo tài liệu\",\"kind\":\"REGULAR\",\"hostUnitId\":" + unitId + ",\"chairId\":" + chairId
                    + ",\"secretaryId\":" + secId + ",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end
                    + "\",\"place\":\"Hội trường\"}"),
            "id");
    String m = "/api/meetings/" + meeting;
    call("POST", m + "/participants", secretary, "{\"participants\":[" + people + "]}");
    call("POST", m + "/agenda/items", secretary, "{\"title\":\"Báo cáo\",\"plannedMinutes\":30}");
    call("POST", m + "/agenda/publish", secretary, null);
    call("POST", m + "/schedule", secretary, null);
    long packBytes = 0;
    for (int i = 1; i <= 4; i++) {
      Path f = data.resolve("pack" + i + ".pdf");
      packBytes += Files.size(f);
      upload(m + "/documents?fileName=pack" + i + ".pdf", secretary, f);
    }
    System.out.printf("pack: 4 files, %.1f MB; %d tablets over %d delegate accounts%n", packBytes / 1048576.0, tablets, accounts);

    // the objects' keys, from one pack (for the direct links), and a check of the bytes
    String pack = call("GET", m + "/pack", delegates.get(0), null);
    List<String> urls = all(pack, "\"url\":\"([^\"]+)\"");
    List<String> hashes = all(pack, "\"sha256\":\"([0-9a-f]{64})\"");
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      URI u = URI.create(urls.get(i).replace("\\u0026", "&"));
      String path = u.getRawPath();
      keys.add(java.net.URLDecoder.decode(path.substring(path.indexOf('/', 1) + 1), "UTF-8"));
      String got = sha256(urls.get(i).replace("\\u0026", "&"));
      if (!got.equals(hashes.get(i))) {
        throw new IllegalStateException("bytes of " + keys.get(i) + " do not match the manifest");
      }
    }
    System.out.println("manifest hashes verified for " + keys.size() + " files");
    MinioClient minio = MinioClient.builder().endpoint(s3).credentials("bench", "bench-secret-key").build();

    double[] direct = new double[2];
    double[] hopso = new double[2];
    Links ownLinks = i -> {
      List<String> own = new ArrayList<>();
      for (String k : keys) {
        own.add(minio.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET).bucket(bucket).object(k).expiry(300).build()));
      }
      return own;
    };
    Links hopsoLinks = i -> {
      String p = call("GET", m + "/pack", delegates.get(i % delegates.size()), null);
      List<String> own = new ArrayList<>();
      for (String u : all(p, "\"url\":\"([^\"]+)\"")) {
        own.add(u.replace("\\u0026", "&"));
      }
      return own;
    };
    // what asking HopSo costs on its own: every tablet's pack request at once, no download
    {
      CountDownLatch all = new CountDownLatch(tablets);
      AtomicReference<Exception> failed = new AtomicReference<>();
      long t0 = System.nanoTime();
      for (int i = 0; i < tablets; i++) {
        int n = i;
        Thread t = new Thread(() -> {
          try {
            hopsoLinks.of(n);
          } catch (Exception e) {
            failed.compareAndSet(null, e);
          } finally {
            all.countDown();
          }
        });
        t.setDaemon(true);
        t.start();
      }
      all.await();
      if (failed.get() != null) {
        throw failed.get();
      }
      System.out.printf("%d pack requests at once (no download): %.1f s%n", tablets, (System.nanoTime() - t0) / 1e9);
    }
    // two rounds in alternating order, so that neither side always runs on a warmer machine
    for (int round = 0; round < 2; round++) {
      if (round == 0) {
        direct[round] = run("direct", tablets, ownLinks, false);
        hopso[round] = run("hopso", tablets, hopsoLinks, true);
      } else {
        hopso[round] = run("hopso", tablets, hopsoLinks, true);
        direct[round] = run("direct", tablets, ownLinks, false);
      }
    }
    double d = (direct[0] + direct[1]) / 2;
    double h = (hopso[0] + hopso[1]) / 2;
    System.out.printf("throughput: direct from S3Proxy %.0f MB/s, through HopSo's links %.0f MB/s; ratio hopso/direct %.2f (target >= 0.90)%n", d, h, h / d);

    // 200 MB upload with the heap sampled (after a GC each second, and raw)
    Path big = data.resolve("big.pdf");
    long baseline = liveHeap(jcmd, pid);
    AtomicLong maxLive = new AtomicLong(baseline);
    AtomicLong maxUsed = new AtomicLong(0);
    AtomicReference<Boolean> done = new AtomicReference<>(false);
    Thread sampler = new Thread(() -> {
      while (!done.get()) {
        try {
          maxUsed.accumulateAndGet(usedHeap(jcmd, pid), Math::max);
          maxLive.accumulateAndGet(liveHeap(jcmd, pid), Math::max);
          Thread.sleep(500);
        } catch (Exception e) {
          return;
        }
      }
    });
    sampler.start();
    long t0 = System.nanoTime();
    String r = upload(m + "/documents?fileName=big.pdf", secretary, big);
    double secs = (System.nanoTime() - t0) / 1e9;
    done.set(true);
    sampler.join();
    System.out.printf("upload of %.0f MB: %.1f s; %s pages recorded%n", Files.size(big) / 1048576.0, secs, find(r, "\"pages\":(\\d+)"));
    System.out.printf("server heap: live (after GC) before %.1f MB, highest during the upload %.1f MB: growth %.1f MB (target < 50); highest in use without forcing GC %.1f MB (-Xmx512m, -Xmn64m)%n",
        baseline / 1048576.0, maxLive.get() / 1048576.0, (maxLive.get() - baseline) / 1048576.0, maxUsed.get() / 1048576.0);
  }

  interface Links {
    List<String> of(int tablet) throws Exception;
  }

  /** All tablets at once: each gets its links (timed for HopSo: it asks HopSo) and downloads. */
  static double run(String name, int tablets, Links links, boolean linksTimed) throws Exception {
    List<List<String>> prepared = new ArrayList<>();
    if (!linksTimed) {
      for (int i = 0; i < tablets; i++) {
        prepared.add(links.of(i));
      }
    }
    AtomicLong bytes = new AtomicLong();
    AtomicReference<Exception> failure = new AtomicReference<>();
    CountDownLatch ready = new CountDownLatch(tablets);
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(tablets);
    for (int i = 0; i < tablets; i++) {
      int n = i;
      Thread t = new Thread(() -> {
        try {
          ready.countDown();
          go.await();
          List<String> own = linksTimed ? links.of(n) : prepared.get(n);
          byte[] buffer = new byte[64 * 1024];
          for (String u : own) {
            HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(u)).timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
              throw new IllegalStateException(name + ": HTTP " + r.statusCode() + " for " + u);
            }
            try (InputStream in = r.body()) {
              int k;
              while ((k = in.read(buffer)) > 0) {
                bytes.addAndGet(k);
              }
            }
          }
        } catch (Exception e) {
          failure.compareAndSet(null, e);
        } finally {
          finished.countDown();
        }
      }, name + "-" + i);
      t.setDaemon(true);
      t.start();
    }
    ready.await();
    long t0 = System.nanoTime();
    go.countDown();
    finished.await();
    double secs = (System.nanoTime() - t0) / 1e9;
    if (failure.get() != null) {
      throw failure.get();
    }
    double mbps = bytes.get() / 1048576.0 / secs;
    System.out.printf("%-6s %d tablets: %.0f MB in %.1f s = %.0f MB/s%n", name, tablets, bytes.get() / 1048576.0, secs, mbps);
    return mbps;
  }

  static long usedHeap(String jcmd, String pid) throws Exception {
    String out = run(jcmd, pid, "GC.heap_info");
    long total = 0;
    Matcher mm = Pattern.compile("used (\\d+)K").matcher(out);
    // serial GC prints "def new generation total …K, used …K" and "tenured generation total …K, used …K"
    int n = 0;
    while (mm.find() && n < 2) {
      total += Long.parseLong(mm.group(1)) * 1024;
      n++;
    }
    return total;
  }

  static long liveHeap(String jcmd, String pid) throws Exception {
    run(jcmd, pid, "GC.run");
    return usedHeap(jcmd, pid);
  }

  static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }

  static String upload(String path, String token, Path file) throws Exception {
    HttpResponse<String> r = HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
            .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("upload " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static String sha256(String url) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    return HexFormat.of().formatHex(sha.digest(r.body()));
  }

  static String login(String user, String password) throws Exception {
    String body = call("POST", "/api/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    return find(body, "\"accessToken\":\"([^\"]+)\"");
  }

  static String call(String method, String path, String token, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.header("Content-Type", "application/json");
    b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static long num(String json, String field) {
    return Long.parseLong(find(json, "\"" + field + "\":(\\d+)"));
  }

  static String find(String text, String regex) {
    Matcher mm = Pattern.compile(regex).matcher(text);
    if (!mm.find()) {
      throw new IllegalStateException("no " + regex + " in " + text.substring(0, Math.min(300, text.length())));
    }
    return mm.group(1);
  }

  static List<String> all(String text, String regex) {
    List<String> out = new ArrayList<>();
    Matcher mm = Pattern.compile(regex).matcher(text);
    while (mm.find()) {
      out.add(mm.group(1));
    }
    return out;
  }
}
