package vn.hopso.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV export in the import's columns (UTF-8 with BOM so spreadsheets show diacritics). */
@ApplicationScoped
@Transactional
public class CsvExportService {
  public String export(CsvImportService.Kind kind) {
    StringWriter out = new StringWriter();
    out.write('\uFEFF');
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      switch (kind) {
        case UNITS -> {
          csv.printRecord("code", "name", "level", "parent", "active");
          for (Unit u :
              Unit.<Unit>list("from Unit e left join fetch e.parent order by e.sortKey, e.id")) {
            csv.printRecord(
                u.code, u.name, u.level, u.parent == null ? "" : u.parent.code, u.active);
          }
        }
        case ENDPOINTS -> {
          csv.printRecord("code", "name", "unit", "room", "device_account", "active");
          List<Endpoint> all =
              Endpoint.list(
                  "from Endpoint e join fetch e.unit left join fetch e.account order by e.sortKey, e.id");
          for (Endpoint e : all) {
            csv.printRecord(
                e.code,
                e.name,
                e.unit.code,
                nz(e.room),
                e.account == null ? "" : e.account.username,
                e.active);
          }
        }
        case PEOPLE -> {
          csv.printRecord(
              "username", "full_name", "position", "unit", "email", "phone", "roles", "active");
          for (Person p :
              Person.<Person>list(
                  "from Person e left join fetch e.unit order by e.sortKey, e.id")) {
            csv.printRecord(
                p.username,
                p.fullName,
                nz(p.position),
                p.unit == null ? "" : p.unit.code,
                nz(p.email),
                nz(p.phone),
                p.roles.stream().sorted().map(Enum::name).collect(Collectors.joining("|")),
                p.active);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
