package vn.hopso.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.hopso.common.ApiException;
import vn.hopso.common.ApiException.RowProblem;
import vn.hopso.common.Checks;
import vn.hopso.common.CommonMsg;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.ImportMsg;
import vn.hopso.common.Msg;
import vn.hopso.common.Params;
import vn.hopso.common.Role;
import vn.hopso.common.TextPolicy;
import vn.hopso.common.Texts;
import vn.hopso.org.OrgViews.EndpointInput;
import vn.hopso.org.OrgViews.PersonInput;
import vn.hopso.org.OrgViews.UnitInput;

/**
 * CSV import of units, endpoints and people: all or nothing. Every row goes through the same checks
 * as the REST API; if any row is bad the transaction rolls back and the answer lists every bad row
 * with its line, column and reason.
 */
@ApplicationScoped
public class CsvImportService {
  static final int MAX_ROWS = 20_000;

  @Inject UnitService units;
  @Inject EndpointService endpoints;
  @Inject PersonService people;
  @Inject Validator validator;
  @Inject Event<DomainEvent> events;

  public enum Kind {
    UNITS(List.of("code", "name", "level", "parent"), List.of("active")),
    ENDPOINTS(List.of("code", "name", "unit"), List.of("room", "device_account", "active")),
    PEOPLE(
        List.of("username", "full_name", "roles"),
        List.of("position", "unit", "email", "phone", "active"));

    final List<String> required;
    final List<String> optional;

    Kind(List<String> required, List<String> optional) {
      this.required = required;
      this.optional = optional;
    }

    public static Kind parse(String value) {
      try {
        return Kind.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.notFound(OrgMsg.IMPORT_KIND, value);
      }
    }
  }

  public record ImportResult(String kind, int rows, int created, int updated) {}

  /** Field names of the input records → CSV column names, for error reports. */
  private static final Map<String, String> COLUMNS =
      Map.of(
          "parentId", "parent",
          "unitId", "unit",
          "deviceAccount", "device_account",
          "fullName", "full_name");

  private static final class Report {
    final List<RowProblem> errors = new ArrayList<>();
    int created;
    int updated;

    void add(int line, Checks checks) {
      checks.errors().forEach(e -> add(line, e.field(), e.msg(), e.params()));
    }

    /** Persists a new row (flushed, so later rows of the file see it) and counts it. */
    void saved(io.quarkus.hibernate.orm.panache.PanacheEntityBase entity, boolean created) {
      if (created) {
        entity.persist();
        this.created++;
      } else {
        updated++;
      }
      io.quarkus.hibernate.orm.panache.Panache.flush();
    }

    /** One error per line and column: the first reason found is the clearest. */
    void add(int line, String field, Msg msg, Map<String, Object> params) {
      String column = COLUMNS.getOrDefault(field, field);
      boolean known =
          errors.stream()
              .anyMatch(e -> e.line() == line && java.util.Objects.equals(e.column(), column));
      if (!known) {
        errors.add(new RowProblem(line, column, msg, params));
      }
    }
  }

  @Transactional
  public ImportResult importCsv(Kind kind, byte[] content) {
    List<Row> rows = parse(kind, content);
    Report report = new Report();
    switch (kind) {
      case UNITS -> importUnits(rows, report);
      case ENDPOINTS -> importEndpoints(rows, report);
      case PEOPLE -> importPeople(rows, report);
    }
    if (!report.errors.isEmpty()) {
      report.errors.sort(
          java.util.Comparator.comparingInt(RowProblem::line)
              .thenComparing(e -> e.column() == null ? "" : e.column()));
      throw ApiException.badRows(report.errors);
    }
    events.fire(
        new OrgEvents.Imported(
            kind.name().toLowerCase(Locale.ROOT), rows.size(), report.created, report.updated));
    return new ImportResult(
        kind.name().toLowerCase(Locale.ROOT), rows.size(), report.created, report.updated);
  }

  // --- units ------------------------------------------------------------------------------

  private void importUnits(List<Row> rows, Report report) {
    Map<String, Integer> seen = new HashMap<>();
    List<Row> pending = new ArrayList<>();
    for (Row row : rows) {
      if (duplicate(seen, row, "code", report)) {
        continue;
      }
      pending.add(row);
    }
    // A parent may come later in the file: apply rows whose parent exists, repeat until stuck.
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      List<Row> waiting = new ArrayList<>();
      for (Row row : pending) {
        String parentCode = row.get("parent");
        if (parentCode != null
            && Unit.findByCode(parentCode) == null
            && pending.stream().anyMatch(r -> parentCode.equals(r.get("code")) && r != row)) {
          waiting.add(row);
          continue;
        }
        progress = true;
        importUnit(row, report);
      }
      pending = waiting;
    }
    for (Row row : pending) {
      report.add(
          row.line,
          "parent",
          OrgMsg.CSV_PARENT_UNRESOLVED,
          ApiException.p("code", row.get("parent")));
    }
  }

  private void importUnit(Row row, Report report) {
    Checks checks = new Checks();
    UnitLevel level = row.enumValue("level", UnitLevel.class, checks);
    Long parentId = row.reference("parent", checks);
    UnitInput input =
        new UnitInput(
            row.get("code"), row.get("name"), level, parentId, row.bool("active", checks), null);
    if (!validate(input, checks)) {
      report.add(row.line, checks);
      return;
    }
    Unit existing = Unit.findByCode(input.code().trim());
    Unit parent = units.check(checks, input, existing);
    if (!checks.ok()) {
      report.add(row.line, checks);
      return;
    }
    Unit u = existing == null ? new Unit() : existing;
    units.apply(u, input, parent);
    report.saved(u, existing == null);
  }

  // --- endpoints --------------------------------------------------------------------------

  private void importEndpoints(List<Row> rows, Report report) {
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Integer> accounts = new HashMap<>();
    for (Row row : rows) {
      if (duplicate(seen, row, "code", report)
          || duplicate(accounts, row, "device_account", report)) {
        continue;
      }
      Checks checks = new Checks();
      Long unitId = row.reference("unit", checks);
      EndpointInput input =
          new EndpointInput(
              row.get("code"),
              row.get("name"),
              unitId,
              row.get("room"),
              row.get("device_account") == null
                  ? null
                  : row.get("device_account").toLowerCase(java.util.Locale.ROOT),
              row.bool("active", checks),
              null);
      if (!validate(input, checks)) {
        report.add(row.line, checks);
        continue;
      }
      Endpoint existing = Endpoint.findByCode(input.code().trim());
      Unit unit = endpoints.check(checks, input, existing);
      if (!checks.ok()) {
        report.add(row.line, checks);
        continue;
      }
      Endpoint e = existing == null ? new Endpoint() : existing;
      endpoints.apply(e, input, unit);
      report.saved(e, existing == null);
    }
  }

  // --- people -----------------------------------------------------------------------------

  private void importPeople(List<Row> rows, Report report) {
    Map<String, Integer> seen = new HashMap<>();
    for (Row row : rows) {
      if (duplicate(seen, row, "username", report)) {
        continue;
      }
      Checks checks = new Checks();
      Long unitId = row.reference("unit", checks);
      Set<Role> roles = row.roles(checks);
      String username =
          row.get("username") == null
              ? null
              : row.get("username").toLowerCase(java.util.Locale.ROOT);
      PersonInput input =
          new PersonInput(
              username,
              row.get("full_name"),
              row.get("position"),
              unitId,
              row.get("email"),
              row.get("phone"),
              roles,
              row.bool("active", checks),
              null,
              null);
      if (!validate(input, checks)) {
        report.add(row.line, checks);
        continue;
      }
      Person existing = Person.findByUsername(input.username());
      Unit unit = people.check(checks, input, existing);
      if (!checks.ok()) {
        report.add(row.line, checks);
        continue;
      }
      Person p = existing == null ? new Person() : existing;
      people.apply(p, input, unit);
      report.saved(p, existing == null);
    }
  }

  // --- parsing ----------------------------------------------------------------------------

  /** Bean Validation of one row's input; adds the violations to {@code checks}. */
  private boolean validate(Object input, Checks checks) {
    for (ConstraintViolation<Object> v : validator.validate(input)) {
      ApiException.FieldProblem f = vn.hopso.common.Validation.fieldProblem(v);
      checks
          .errors()
          .add(
              new ApiException.FieldProblem(
                  f.field().replaceAll("\\[.*", ""), f.msg(), f.params()));
    }
    return checks.ok();
  }

  private static boolean duplicate(
      Map<String, Integer> seen, Row row, String column, Report report) {
    String key = row.get(column);
    if (key == null) {
      return false;
    }
    Integer first = seen.putIfAbsent(key.toLowerCase(Locale.ROOT), row.line);
    if (first != null) {
      report.add(row.line, column, OrgMsg.CSV_DUPLICATE, ApiException.p("line", first));
      return true;
    }
    return false;
  }

  List<Row> parse(Kind kind, byte[] content) {
    String text = decode(content);
    if (text.isBlank()) {
      throw rowsProblem(1, null, OrgMsg.CSV_EMPTY);
    }
    String firstLine = text.lines().findFirst().orElse("");
    char delimiter = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> header =
          parser.getHeaderNames().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
      checkHeader(kind, header);
      List<Row> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (rows.size() >= MAX_ROWS) {
          throw rowsProblem(
              (int) record.getRecordNumber() + 1, null, OrgMsg.CSV_TOO_MANY_ROWS, "max", MAX_ROWS);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
          String v = record.get(i);
          if (!TextPolicy.acceptable(v)) {
            throw rowsProblem(lineOf(record), header.get(i), CommonMsg.BAD_TEXT);
          }
          values.put(header.get(i), Texts.blankToNull(v));
        }
        if (record.size() != header.size()) {
          throw rowsProblem(
              lineOf(record),
              null,
              OrgMsg.CSV_COLUMN_COUNT,
              "count",
              record.size(),
              "header",
              header.size());
        }
        rows.add(new Row((int) record.getRecordNumber() + 1, values));
      }
      return rows;
    } catch (IOException
        | UncheckedIOException
        | IllegalArgumentException
        | IllegalStateException e) {
      // commons-csv reports an unclosed quote as "EOF reached before encapsulated token
      // finished" with the line where the quoted cell began; the text is never shown as such.
      String m = String.valueOf(e.getMessage());
      Msg reason =
          m.contains("encapsulated token") || m.contains("invalid char between encapsulated")
              ? ImportMsg.UNBALANCED_QUOTE
              : ImportMsg.UNREADABLE;
      throw rowsProblem(lineIn(m), null, reason);
    }
  }

  private static int lineOf(CSVRecord record) {
    return (int) record.getRecordNumber() + 1;
  }

  /** The line number commons-csv names in its message ("… at line 7 …"), or 1. */
  static int lineIn(String message) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("line:? (\\d{1,9})").matcher(message);
    return m.find() ? Integer.parseInt(m.group(1)) : 1;
  }

  private static ApiException rowsProblem(int line, String column, Msg msg, Object... params) {
    return ApiException.badRows(List.of(new RowProblem(line, column, msg, ApiException.p(params))));
  }

  private static void checkHeader(Kind kind, List<String> header) {
    List<RowProblem> errors = new ArrayList<>();
    for (String column : kind.required) {
      if (!header.contains(column)) {
        errors.add(new RowProblem(1, column, OrgMsg.CSV_MISSING_COLUMN, Map.of()));
      }
    }
    Set<String> known = new LinkedHashSet<>(kind.required);
    known.addAll(kind.optional);
    for (String column : header) {
      if (!known.contains(column)) {
        errors.add(
            new RowProblem(
                1,
                column,
                OrgMsg.CSV_UNKNOWN_COLUMN,
                ApiException.p("expected", String.join(",", known))));
      }
    }
    if (new LinkedHashSet<>(header).size() != header.size()) {
      errors.add(new RowProblem(1, null, OrgMsg.CSV_COLUMN_TWICE, Map.of()));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRows(errors);
    }
  }

  /** Strict UTF-8 (a stray Windows-1258 byte is reported with its line); drops a BOM. */
  static String decode(byte[] content) {
    try {
      String text = Texts.strictUtf8(content);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (MalformedInputException e) {
      throw rowsProblem(lineOfFirstBadByte(content), null, OrgMsg.CSV_NOT_UTF8);
    } catch (CharacterCodingException e) {
      throw rowsProblem(1, null, OrgMsg.CSV_NOT_UTF8);
    }
  }

  private static int lineOfFirstBadByte(byte[] content) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(content.length + 1);
    decoder.decode(in, out, true);
    int line = 1;
    for (int i = 0; i < in.position(); i++) {
      if (content[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** One data row: its line in the file and its values by column (blank → null). */
  static final class Row {
    final int line;
    final Map<String, String> values;

    Row(int line, Map<String, String> values) {
      this.line = line;
      this.values = values;
    }

    String get(String column) {
      return values.get(column);
    }

    Boolean bool(String column, Checks checks) {
      String v = get(column);
      if (v == null) {
        return null;
      }
      switch (vn.hopso.common.VietnameseText.fold(v)) {
        case "true", "1", "yes", "y", "co", "x" -> {
          return true;
        }
        case "false", "0", "no", "n", "khong" -> {
          return false;
        }
        default -> {
          checks.fail(column, OrgMsg.CSV_BOOLEAN);
          return null;
        }
      }
    }

    <E extends Enum<E>> E enumValue(String column, Class<E> type, Checks checks) {
      String v = get(column);
      if (v == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        checks.fail(column, CommonMsg.ENUM_VALUE, Params.unknownEnum(type, v));
        return null;
      }
    }

    /** The id of the unit whose code is in {@code column}. */
    Long reference(String column, Checks checks) {
      String code = get(column);
      if (code == null) {
        return null;
      }
      Unit u = Unit.findByCode(code);
      if (u == null) {
        checks.fail(column, OrgMsg.UNIT_CODE_UNKNOWN, "code", code);
        return null;
      }
      return u.id;
    }

    Set<Role> roles(Checks checks) {
      String v = get("roles");
      Set<Role> roles = EnumSet.noneOf(Role.class);
      if (v == null) {
        return roles;
      }
      for (String part : v.split("[|;,]")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          roles.add(Role.valueOf(part.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          checks.fail(
              "roles", OrgMsg.CSV_ROLE_UNKNOWN, Params.unknownEnum(Role.class, part.trim()));
        }
      }
      return roles;
    }
  }
}
