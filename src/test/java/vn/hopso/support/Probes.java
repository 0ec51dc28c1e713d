package vn.hopso.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates malformed requests for every operation of the server's own OpenAPI document, sends them
 * and checks the answers (issue 6, §1): used by {@code MalformedRequestsIT} (jqwik, random, the
 * packaged app) and {@code MalformedRequestsTest} (every operation × every breakage, PostgreSQL).
 */
public final class Probes {
  private Probes() {}

  static String base;
  static String adminPassword;
  static String suffix;

  /** At least this many generated requests per run (issue 6 asks for 2,000). */
  static final int TRIES = 3000;

  static final ObjectMapper JSON = new ObjectMapper();

  /** Every password the probes use or set: setting it again changes nothing. */
  static final String PASSWORD = "a-long-fuzz-password-1";

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What must never appear in an answer: Java internals. */
  static final Pattern INTERNALS =
      Pattern.compile(
          "Exception|\\bjava\\.|\\bjakarta\\.|org\\.hibernate|io\\.quarkus|com\\.fasterxml"
              + "|io\\.vertx|org\\.postgresql|org\\.h2\\.|\\bat vn\\.|\\tat |Caused by");

  static HttpClient http;
  static List<Operation> operations;
  static Map<String, String> tokens = new LinkedHashMap<>();
  static Map<String, Long> ids = new LinkedHashMap<>();
  static final Map<String, AtomicInteger> probed = new ConcurrentHashMap<>();
  static final AtomicInteger sent = new AtomicInteger();
  static final Map<Integer, AtomicInteger> statuses = new java.util.TreeMap<>();

  public record Param(String name, String in, JsonNode schema) {}

  public record Operation(
      String method, String path, List<Param> params, JsonNode body, String mediaType) {
    String key() {
      return method + " " + path;
    }
  }

  /** One generated request: which operation, as whom, and how it is broken. */
  public record Probe(
      Operation op, String caller, Breakage breakage, int pick, String text, long number) {
    @Override
    public String toString() {
      return op.key() + " as " + caller + ", " + breakage + " #" + pick + " [" + text + ", "
          + number + "]";
    }
  }

  public enum Breakage {
    TRUNCATED,
    TRAILING_DATA,
    DUPLICATE_KEY,
    EMPTY_BODY,
    NOT_AN_OBJECT,
    DEEP_NESTING,
    INVALID_UTF8,
    OVERLONG_UTF8,
    UTF16,
    BYTE_ORDER_MARK,
    WRONG_CONTENT_TYPE,
    LATIN1_CHARSET,
    FIELD_WRONG_TYPE,
    FIELD_NULL,
    FIELD_TOO_LONG,
    FIELD_AT_MAXIMUM,
    FIELD_CONTROL_CHARACTERS,
    FIELD_HUGE_NUMBER,
    FIELD_NEGATIVE,
    FIELD_FAR_DATE,
    FIELD_BAD_ENUM,
    ALL_DATES_FAR,
    UNKNOWN_FIELD,
    QUERY_VALUE,
    PATH_VALUE
  }

  // ------------------------------------------------------------------ the server and its document

  /**
   * Aims the probes at a running server: reads its OpenAPI document, signs in as admin and builds a
   * fixture. Right after a start, a request carrying any bearer token must be a 401.
   */
  public static void init(String baseUrl, String adminPass) throws Exception {
    base = baseUrl;
    adminPassword = adminPass;
    suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (String token : List.of("eyJhbGciOiJIUzI1NiJ9.e30.x", "garbage")) {
      HttpResponse<String> first =
          send(
              HttpRequest.newBuilder(URI.create(url("/api/auth/me")))
                  .header("Authorization", "Bearer " + token)
                  .GET());
      assertEquals(401, first.statusCode(), first.body());
    }
    operations = operations(JSON.readTree(get("/q/openapi?format=json", null)));
    tokens.put("admin", login("admin", adminPassword));
    fixture();
  }

  static String url(String path) {
    return base + path;
  }

  /** The server still answers ready and signs in; every operation was probed. */
  public static void assertHealthyAndCovered(int minimumRequests, int minimumPerOperation)
      throws Exception {
    HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create(url("/q/health/ready"))));
    assertEquals(
        200, ready.statusCode(), "ready after " + sent.get() + " requests: " + ready.body());
    assertTrue(login("admin", adminPassword).length() > 20, "and still signs in");
    assertTrue(sent.get() >= minimumRequests, "sent " + sent.get());
    List<String> missed = new ArrayList<>();
    for (Operation op : operations) {
      if (probed.getOrDefault(op.key(), new AtomicInteger()).get() < minimumPerOperation) {
        missed.add(op.key());
      }
    }
    assertTrue(missed.isEmpty(), "operations probed too rarely: " + missed);
    System.out.printf(
        "Probes: %d malformed requests to %d operations, none answered 5xx; statuses %s%n",
        sent.get(), operations.size(), statuses);
  }

  public static List<Operation> operations() {
    return operations;
  }

  /** How many fields the operation's JSON body has (what a field breakage picks among). */
  public static int fieldCount(Operation op) {
    return op.body() == null ? 0 : Math.max(1, op.body().path("properties").size());
  }

  /** How many query parameters the operation has. */
  public static int queryCount(Operation op) {
    return (int) op.params().stream().filter(x -> x.in().equals("query")).count();
  }

  /** Breakages of one field of the body: swept field by field. */
  public static boolean perField(Breakage b) {
    return b.name().startsWith("FIELD_") || b == Breakage.DUPLICATE_KEY;
  }

  /** Every operation with a body or parameters, from the server's own OpenAPI document. */
  static List<Operation> operations(JsonNode doc) {
    List<Operation> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
      while (methods.hasNext()) {
        Map.Entry<String, JsonNode> m = methods.next();
        JsonNode spec = m.getValue();
        List<Param> params = new ArrayList<>();
        for (JsonNode p : spec.path("parameters")) {
          params.add(
              new Param(
                  p.get("name").asText(), p.get("in").asText(), resolve(doc, p.path("schema"))));
        }
        JsonNode body = null;
        String mediaType = null;
        JsonNode content = spec.path("requestBody").path("content");
        if (content.has("application/json")) {
          body = resolveDeep(doc, content.get("application/json").path("schema"), 0);
          mediaType = "application/json";
        } else if (content.fieldNames().hasNext()) {
          mediaType = content.fieldNames().next();
          body = NODES.objectNode();
        }
        if (!params.isEmpty() || body != null) {
          out.add(new Operation(m.getKey().toUpperCase(), path.getKey(), params, body, mediaType));
        }
      }
    }
    assertTrue(out.size() > 30, "operations found: " + out.size());
    return out;
  }

  static JsonNode resolve(JsonNode doc, JsonNode schema) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      return doc.path("components").path("schemas").path(name);
    }
    return schema;
  }

  /** The schema with every $ref replaced, so generation needs no document. */
  static JsonNode resolveDeep(JsonNode doc, JsonNode schema, int depth) {
    JsonNode s = resolve(doc, schema);
    if (depth > 8 || !s.isObject()) {
      return s;
    }
    ObjectNode copy = ((ObjectNode) s).deepCopy();
    if (copy.has("properties")) {
      ObjectNode props = NODES.objectNode();
      copy.get("properties")
          .fields()
          .forEachRemaining(e -> props.set(e.getKey(), resolveDeep(doc, e.getValue(), depth + 1)));
      copy.set("properties", props);
    }
    if (copy.has("items")) {
      copy.set("items", resolveDeep(doc, copy.get("items"), depth + 1));
    }
    if (copy.has("allOf") && copy.get("allOf").size() == 1) {
      return resolveDeep(doc, copy.get("allOf").get(0), depth + 1);
    }
    return copy;
  }

  /** A unit, people, a room and a meeting with a participant and an agenda item to aim at. */
  static void fixture() throws Exception {
    String admin = tokens.get("admin");
    long unit =
        id(
            post(
                "/api/units",
                admin,
                "{\"code\":\"FUZZ-P-"
                    + suffix
                    + "\",\"name\":\"Tỉnh Thử Lỗi\",\"level\":\"PROVINCE\"}"));
    ids.put("unit", unit);
    ids.put(
        "unit2",
        id(
            post(
                "/api/units",
                admin,
                "{\"code\":\"FUZZ-X-"
                    + suffix
                    + "\",\"name\":\"Xã Thử Lỗi\",\"level\":\"COMMUNE\",\"parentId\":"
                    + unit
                    + "}")));
    long chair =
        id(
            post(
                "/api/people",
                admin,
                "{\"username\":\"fuzz.chair."
                    + suffix.toLowerCase()
                    + "\",\"fullName\":\"Chủ Trì Thử\",\"roles\":[\"CHAIR\"],\"password\":\""
                    + PASSWORD
                    + "\"}"));
    long delegate =
        id(
            post(
                "/api/people",
                admin,
                "{\"username\":\"fuzz.delegate."
                    + suffix.toLowerCase()
                    + "\",\"fullName\":\"Đại Biểu Thử\",\"roles\":[\"DELEGATE\"],\"password\":\""
                    + PASSWORD
                    + "\"}"));
    ids.put("person", delegate);
    ids.put("chair", chair);
    // people edited through /api/people/{id}: never the accounts the probes sign in with
    ids.put(
        "target",
        id(
            post(
                "/api/people",
                admin,
                "{\"username\":\"fuzz.target."
                    + suffix.toLowerCase()
                    + "\",\"fullName\":\"Người Bị Sửa\",\"roles\":[\"DELEGATE\"]}")));
    ids.put(
        "endpoint",
        id(
            post(
                "/api/endpoints",
                admin,
                "{\"code\":\"FUZZ-EP-"
                    + suffix
                    + "\",\"name\":\"Phòng Thử\",\"unitId\":"
                    + unit
                    + "}")));
    freshMeeting();
    tokens.put("delegate", login("fuzz.delegate." + suffix.toLowerCase(), PASSWORD));
  }

  /** A new meeting to aim at (earlier probes may have cancelled the last one, or emptied it). */
  static void freshMeeting() throws Exception {
    String admin = tokens.get("admin");
    long chair = ids.get("chair");
    // earlier probes may have deactivated the unit or the room: new ones each time
    String n = suffix + "-" + sent.get();
    long unit =
        id(
            post(
                "/api/units",
                admin,
                "{\"code\":\"FUZZ-M-"
                    + n
                    + "\",\"name\":\"Tỉnh Họp Thử\",\"level\":\"PROVINCE\"}"));
    ids.put(
        "endpoint",
        id(
            post(
                "/api/endpoints",
                admin,
                "{\"code\":\"FUZZ-EPM-"
                    + n
                    + "\",\"name\":\"Phòng Họp Thử\",\"unitId\":"
                    + unit
                    + "}")));
    long delegate = ids.get("person");
    Instant start =
        Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    long meeting =
        id(
            post(
                "/api/meetings",
                admin,
                "{\"title\":\"Họp thử lỗi\",\"kind\":\"REGULAR\",\"hostUnitId\":"
                    + unit
                    + ",\"chairId\":"
                    + chair
                    + ",\"startsAt\":\""
                    + start
                    + "\",\"endsAt\":\""
                    + start.plus(Duration.ofHours(2))
                    + "\",\"place\":\"Hội trường\",\"hostEndpointId\":"
                    + ids.get("endpoint")
                    + "}"));
    ids.put("meeting", meeting);
    String invited =
        post(
            "/api/meetings/" + meeting + "/participants",
            admin,
            "{\"participants\":[{\"personId\":" + delegate + ",\"role\":\"DELEGATE\"}]}");
    ids.put("participant", JSON.readTree(invited).get(0).get("id").asLong());
    ids.put(
        "item",
        id(post("/api/meetings/" + meeting + "/agenda/items", admin, "{\"title\":\"Khai mạc\"}")));
  }

  // ------------------------------------------------------------------ the property

  /** Sends one probe and checks its answer, then what the server does with what it accepted. */
  public static void check(Probe probe) throws Exception {
    if (sent.get() > 0 && sent.get() % 250 == 0) {
      freshMeeting();
    }
    HttpResponse<String> r = send(request(probe));
    if (r.statusCode() == 401 && tokens.containsKey(probe.caller())) {
      // a probe signed this caller out (logout, a password set or changed): sign in again
      tokens.put(probe.caller(), signInAgain(probe.caller()));
    }
    assertAnswer(probe.toString(), probe.op(), r);
    probed.computeIfAbsent(probe.op().key(), k -> new AtomicInteger()).incrementAndGet();
    if (r.statusCode() / 100 == 2) {
      followUp(probe, r);
    }
  }

  /**
   * What was accepted must also survive what comes next: a meeting saved with odd values is read,
   * listed and scheduled (invitations, calendar entries); saved units and people are searched.
   */
  static void followUp(Probe probe, HttpResponse<String> r) throws Exception {
    String admin = tokens.get("admin");
    Operation op = probe.op();
    List<String> gets = new ArrayList<>();
    List<String> posts = new ArrayList<>();
    if (op.path().startsWith("/api/meetings")) {
      long meeting = ids.get("meeting");
      if (op.path().equals("/api/meetings") && op.method().equals("POST")) {
        meeting = JSON.readTree(r.body()).path("id").asLong(meeting);
      }
      gets.add("/api/meetings/" + meeting);
      gets.add("/api/meetings/" + meeting + "/participants");
      gets.add("/api/meetings/" + meeting + "/agenda");
      gets.add("/api/meetings?scope=all");
      posts.add("/api/meetings/" + meeting + "/schedule");
      posts.add("/api/meetings/" + meeting + "/agenda/publish");
    } else if (op.method().equals("POST") || op.method().equals("PUT")) {
      gets.add("/api/units?q=gia+tri");
      gets.add("/api/people?q=gia+tri&kind=ALL");
      gets.add("/api/endpoints?q=gia+tri");
      gets.add("/api/units/tree");
    }
    for (String path : gets) {
      assertAnswer(
          probe + " then GET " + path,
          op,
          send(
              HttpRequest.newBuilder(URI.create(url(path)))
                  .header("Authorization", "Bearer " + admin)
                  .GET()));
    }
    for (String path : posts) {
      assertAnswer(
          probe + " then POST " + path,
          op,
          send(
              HttpRequest.newBuilder(URI.create(url(path)))
                  .header("Authorization", "Bearer " + admin)
                  .POST(HttpRequest.BodyPublishers.noBody())));
    }
  }

  static void assertAnswer(String what, Operation op, HttpResponse<String> r) {
    sent.incrementAndGet();
    synchronized (statuses) {
      statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
    }
    String body = r.body() == null ? "" : r.body();
    assertTrue(r.statusCode() < 500, () -> what + " answered " + r.statusCode() + ": " + body);
    assertFalse(INTERNALS.matcher(body).find(), () -> what + " leaked internals: " + body);
    if (r.statusCode() >= 400 && !body.isEmpty() && op.path().startsWith("/api/")) {
      String type = r.headers().firstValue("Content-Type").orElse("");
      assertTrue(
          type.startsWith("application/problem+json"),
          () -> what + " answered " + type + ": " + body);
    }
  }

  /** Random probes for jqwik. */
  /**
   * The operations in turn (the rest of a probe is random): every operation gets its share of the
   * tries however many the server has, where a random pick left some with fewer than the minimum
   * once the API had grown.
   */
  private static final AtomicInteger turn = new AtomicInteger();

  public static Arbitrary<Probe> arbitrary() {
    return Combinators.combine(
            Arbitraries.create(
                () -> operations.get(Math.floorMod(turn.getAndIncrement(), operations.size()))),
            Arbitraries.of("admin", "admin", "admin", "admin", "delegate", "anonymous"),
            Arbitraries.of(Breakage.class),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.strings().ofMinLength(0).ofMaxLength(40).withCharRange('\u0000', '\uffff'),
            Arbitraries.longs())
        .as(Probe::new);
  }

  // ------------------------------------------------------------------ building the requests

  static HttpRequest.Builder request(Probe p) {
    Operation op = p.op();
    Map<String, String> query = new LinkedHashMap<>();
    String path = op.path();
    for (Param param : op.params()) {
      if (param.in().equals("path")) {
        path = path.replace("{" + param.name() + "}", pathValue(op, param.name()));
      } else if (param.in().equals("query") && p.pick() % 3 == 0) {
        query.put(param.name(), sample(param.schema(), param.name(), p, false).asText());
      }
    }
    List<Param> queryParams = op.params().stream().filter(x -> x.in().equals("query")).toList();
    List<Param> pathParams = op.params().stream().filter(x -> x.in().equals("path")).toList();
    Breakage b = p.breakage();
    if (b == Breakage.QUERY_VALUE && !queryParams.isEmpty()) {
      Param q = queryParams.get(p.pick() % queryParams.size());
      query.put(q.name(), oddValue(p, p.pick() / queryParams.size()));
    } else if (b == Breakage.PATH_VALUE && !pathParams.isEmpty()) {
      Param q = pathParams.get(p.pick() % pathParams.size());
      path =
          op.path()
              .replace(
                  "{" + q.name() + "}",
                  URLEncoder.encode(oddValue(p, p.pick()), StandardCharsets.UTF_8));
      for (Param other : pathParams) {
        path = path.replace("{" + other.name() + "}", pathValue(op, other.name()));
      }
    }
    StringBuilder url = new StringBuilder(url(path));
    String sep = "?";
    for (Map.Entry<String, String> e : query.entrySet()) {
      url.append(sep)
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = "&";
    }
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(30));
    String token = tokens.get(p.caller());
    if (token != null) {
      rb.header("Authorization", "Bearer " + token);
    }
    if (p.pick() % 7 == 0) {
      rb.header("Accept-Language", "en");
    }
    if (op.body() == null) {
      return rb.method(op.method(), HttpRequest.BodyPublishers.noBody());
    }
    String contentType =
        op.mediaType() + (op.mediaType().contains("json") ? "; charset=utf-8" : "");
    byte[] bytes = body(p);
    switch (b) {
      case WRONG_CONTENT_TYPE ->
          contentType =
              List.of(
                      "text/plain",
                      "application/xml",
                      "application/x-www-form-urlencoded",
                      "*/*",
                      "text/csv")
                  .get(p.pick() % 5);
      case LATIN1_CHARSET -> contentType = "application/json; charset=ISO-8859-1";
      default -> {}
    }
    if (b == Breakage.EMPTY_BODY && p.pick() % 2 == 0) {
      return rb.method(op.method(), HttpRequest.BodyPublishers.noBody());
    }
    return rb.header("Content-Type", contentType)
        .method(op.method(), HttpRequest.BodyPublishers.ofByteArray(bytes));
  }

  /** A real id for a path parameter, so requests get past 404 to the input checks. */
  static String pathValue(Operation op, String name) {
    if (op.path().startsWith("/api/meetings")) {
      return switch (name) {
        case "id" -> ids.get("meeting").toString();
        case "pid" -> ids.get("participant").toString();
        case "itemId" -> ids.get("item").toString();
        case "endpointId" -> ids.get("endpoint").toString();
        default -> "1";
      };
    }
    if (op.path().startsWith("/api/units")) {
      return ids.get("unit").toString();
    }
    if (op.path().startsWith("/api/people")) {
      return ids.get("target").toString();
    }
    if (op.path().startsWith("/api/endpoints")) {
      return ids.get("endpoint").toString();
    }
    if (name.equals("kind")) {
      return "units";
    }
    return "1";
  }

  /** Strange values for a query or path parameter. */
  static String oddValue(Probe p, int which) {
    return switch (which % 14) {
      case 0 -> "2147483647";
      case 1 -> "-1";
      case 2 -> "99999999999999999999";
      case 3 -> "abc";
      case 4 -> "1.5";
      case 5 -> "\u0000";
      case 6 -> "x".repeat(2000);
      case 7 -> "+999999999-12-31";
      case 8 -> "2026-02-30";
      case 9 -> "";
      case 10 -> "ĐẶC BIỆT ✓ 한국 \ud83d\ude00";
      case 11 -> "true false";
      case 12 -> "../../etc/passwd";
      default -> p.text();
    };
  }

  static byte[] body(Probe p) {
    Operation op = p.op();
    if (!op.mediaType().contains("json")) {
      // a file upload (CSV import): text, broken quoting or bytes that are not UTF-8
      return switch (p.pick() % 4) {
        case 0 ->
            ("code,name,level,parent\n" + p.text() + ",\"x,PROVINCE,\n")
                .getBytes(StandardCharsets.UTF_8);
        case 1 -> new byte[] {(byte) 0xC0, (byte) 0xAF, 0x0A, (byte) 0xFF};
        case 2 -> p.text().getBytes(StandardCharsets.UTF_8);
        default -> new byte[0];
      };
    }
    JsonNode valid = sample(op.body(), "body", p, true);
    String json = valid.toString();
    List<String> fields = new ArrayList<>();
    if (valid.isObject()) {
      valid.fieldNames().forEachRemaining(fields::add);
    }
    String field = fields.isEmpty() ? null : fields.get(p.pick() % fields.size());
    JsonNode fieldSchema = field == null ? null : op.body().path("properties").path(field);
    switch (p.breakage()) {
      case TRUNCATED ->
          json =
              json.substring(
                  0, Math.max(0, json.length() - 1 - p.pick() % Math.max(1, json.length())));
      case TRAILING_DATA ->
          json = json + List.of(" {}", "x", "]", ",", " null", "\u0000").get(p.pick() % 6);
      case DUPLICATE_KEY -> {
        if (field != null) {
          json = "{\"" + field + "\":" + valid.get(field) + "," + json.substring(1);
        }
      }
      case EMPTY_BODY -> json = List.of("", " ", "null", "\n").get(p.pick() % 4);
      case NOT_AN_OBJECT ->
          json = List.of("[]", "\"text\"", "42", "true", "[" + json + "]").get(p.pick() % 5);
      case DEEP_NESTING -> json = "[".repeat(2000 + p.pick()) + "]".repeat(2000 + p.pick());
      case INVALID_UTF8 -> {
        return splice(json, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
      }
      case OVERLONG_UTF8 -> {
        return splice(
            json,
            p.pick() % 2 == 0
                ? new byte[] {(byte) 0xC0, (byte) 0xAF}
                : new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
      }
      case UTF16 -> {
        return json.getBytes(
            p.pick() % 2 == 0 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16);
      }
      case BYTE_ORDER_MARK -> {
        return ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
      }
      case UNKNOWN_FIELD ->
          json = valid.isObject() ? "{\"zzUnknown\":1," + json.substring(1) : json;
      case ALL_DATES_FAR -> {
        // every date of the body far out, in order (start before end): only a bound refuses it
        if (valid.isObject()) {
          String year = List.of("+999999999", "0001", "9999", "-000001").get(p.pick() % 4);
          op.body()
              .path("properties")
              .fields()
              .forEachRemaining(
                  e -> {
                    if ("date-time".equals(e.getValue().path("format").asText())) {
                      String hour = e.getKey().toLowerCase().contains("end") ? "02" : "00";
                      ((ObjectNode) valid).put(e.getKey(), year + "-01-01T" + hour + ":00:00Z");
                    }
                  });
          json = valid.toString();
        }
      }
      default -> {
        if (field != null && valid.isObject()) {
          ((ObjectNode) valid).set(field, broken(p, fieldSchema));
          json = valid.toString();
        }
      }
    }
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] splice(String json, byte[] bad) {
    int at = Math.max(1, json.indexOf(":\"") + 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    int cut = Math.min(at, bytes.length);
    out.write(bytes, 0, cut);
    out.writeBytes(bad);
    out.write(bytes, cut, bytes.length - cut);
    return out.toByteArray();
  }

  /** A field value broken in the way the probe asks for. */
  static JsonNode broken(Probe p, JsonNode schema) {
    String type = schema == null ? "string" : schema.path("type").asText("object");
    int max = schema == null ? 100 : schema.path("maxLength").asInt(500);
    return switch (p.breakage()) {
      case FIELD_WRONG_TYPE ->
          switch (p.pick() % 6) {
            case 0 -> type.equals("string") ? NODES.numberNode(12) : NODES.textNode("12");
            case 1 -> NODES.numberNode(1.5);
            case 2 -> NODES.objectNode().put("id", 1);
            case 3 -> NODES.arrayNode().add(1);
            case 4 -> NODES.booleanNode(true);
            default -> NODES.textNode(p.text());
          };
      case FIELD_NULL -> NODES.nullNode();
      case FIELD_TOO_LONG -> NODES.textNode(hardText(max + 1 + p.pick()));
      case FIELD_AT_MAXIMUM ->
          type.equals("string")
              ? NODES.textNode(hardText(max))
              : NODES.numberNode(schema.path("maximum").asLong(Long.MAX_VALUE));
      case FIELD_CONTROL_CHARACTERS ->
          NODES.textNode(
              List.of("a\u0000b", "\u0007", "\ud800", "x\udc00y", "\u001b[2J", "\u0085")
                  .get(p.pick() % 6));
      case FIELD_HUGE_NUMBER ->
          p.pick() % 2 == 0
              ? NODES.numberNode(Long.MAX_VALUE)
              : NODES.numberNode(new java.math.BigInteger("9".repeat(40)));
      case FIELD_NEGATIVE -> NODES.numberNode(-1 - (long) p.pick());
      case FIELD_FAR_DATE ->
          NODES.textNode(
              List.of(
                      "+999999999-12-31T00:00:00Z",
                      "0000-01-01T00:00:00Z",
                      "1900-01-01T00:00:00Z",
                      "2026-02-30T00:00:00Z",
                      "yesterday")
                  .get(p.pick() % 5));
      case FIELD_BAD_ENUM ->
          NODES.textNode(List.of("", "nope", "draft", "0", "ADMIN ").get(p.pick() % 5));
      default -> NODES.textNode(p.text());
    };
  }

  /** Text of a given length in the scripts that lengthen most when folded for search. */
  static String hardText(int length) {
    String pattern = "Nguyễn Thị Ánh ỀỂỄỆ 한국어 ";
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      b.append(pattern);
    }
    return b.substring(0, length);
  }

  /** A plausible (valid) value for a schema; ids point at the fixture. */
  static JsonNode sample(JsonNode schema, String name, Probe p, boolean unique) {
    if (schema == null || schema.isMissingNode()) {
      return NODES.textNode("x");
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(p.pick() % schema.get("enum").size());
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    String lower = name.toLowerCase();
    switch (type) {
      case "object" -> {
        ObjectNode o = NODES.objectNode();
        schema
            .path("properties")
            .fields()
            .forEachRemaining(
                e -> {
                  if (!e.getKey().equals("version")) {
                    o.set(e.getKey(), sample(e.getValue(), e.getKey(), p, unique));
                  }
                });
        if (schema.path("properties").has("version")) {
          o.put("version", 0);
        }
        return o;
      }
      case "array" -> {
        ArrayNode a = NODES.arrayNode();
        a.add(sample(schema.path("items"), name.replaceAll("s$", ""), p, unique));
        return a;
      }
      case "integer", "number" -> {
        if (lower.endsWith("id") || lower.endsWith("ids") || lower.equals("endpointid")) {
          return NODES.numberNode(idFor(lower));
        }
        long min = schema.path("minimum").asLong(1);
        long max = schema.path("maximum").asLong(min + 100);
        return NODES.numberNode(Math.min(max, Math.max(min, 1 + p.pick() % 50)));
      }
      case "boolean" -> {
        return NODES.booleanNode(p.pick() % 2 == 0);
      }
      default -> {
        if ("date-time".equals(schema.path("format").asText())) {
          Instant t =
              Instant.now()
                  .plus(Duration.ofDays(10))
                  .plus(Duration.ofHours(lower.contains("end") ? 2 : 0));
          return NODES.textNode(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }
        if ("date".equals(schema.path("format").asText())) {
          return NODES.textNode("2026-12-01");
        }
        String suffix = Integer.toString(sent.get()) + "x" + p.pick();
        if (lower.equals("code")) {
          return NODES.textNode("FZ-" + suffix);
        }
        if (lower.contains("username") || lower.equals("deviceaccount")) {
          return NODES.textNode("fz" + suffix);
        }
        if (lower.contains("email")) {
          return NODES.textNode("fz" + suffix + "@example.vn");
        }
        if (lower.contains("password")) {
          return NODES.textNode(PASSWORD);
        }
        if (lower.contains("phone")) {
          return NODES.textNode("0912 345 678");
        }
        return NODES.textNode("Giá trị thử " + suffix);
      }
    }
  }

  static long idFor(String field) {
    if (field.contains("participant")) {
      return ids.get("participant");
    }
    if (field.contains("endpoint")) {
      return ids.get("endpoint");
    }
    if (field.contains("unit") || field.contains("parent")) {
      return field.contains("into") ? ids.get("unit2") : ids.get("unit");
    }
    if (field.contains("item")) {
      return ids.get("item");
    }
    if (field.contains("chair")) {
      return ids.get("chair");
    }
    return ids.get("person");
  }

  // ------------------------------------------------------------------ HTTP helpers

  static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String get(String path, String token) throws Exception {
    HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url(path)));
    if (token != null) {
      rb.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = send(rb.GET());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  static String post(String path, String token, String json) throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    assertTrue(r.statusCode() / 100 == 2, () -> path + ": " + r.statusCode() + " " + r.body());
    return r.body();
  }

  static long id(String json) throws Exception {
    return JSON.readTree(json).get("id").asLong();
  }

  /** A fresh session for a probe caller; the delegate's password is set back first if changed. */
  static String signInAgain(String caller) throws Exception {
    if (caller.equals("admin")) {
      return login("admin", adminPassword);
    }
    String admin = login("admin", adminPassword);
    tokens.put("admin", admin);
    send(
        HttpRequest.newBuilder(URI.create(url("/api/people/" + ids.get("person") + "/password")))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"" + PASSWORD + "\"}")));
    return login("fuzz.delegate." + suffix.toLowerCase(), PASSWORD);
  }

  static String login(String user, String password) throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(url("/api/auth/login")))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("username", user, "password", password)))));
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("accessToken").asText();
  }
}
