package vn.hopso.org;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import vn.hopso.common.ClockProducer;
import vn.hopso.common.Role;

/** CSV import and export of units, endpoints and people (administrators only). */
@Path("/api")
@RolesAllowed(Role.Names.ADMIN)
public class CsvResource {
  @Inject CsvImportService importer;
  @Inject CsvExportService exporter;

  @POST
  @Path("/import/{kind}")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  public CsvImportService.ImportResult importCsv(
      @PathParam("kind") String kind, java.io.InputStream body) throws java.io.IOException {
    byte[] bytes = body == null ? new byte[0] : vn.hopso.common.BodyLimit.readAll(body);
    return importer.importCsv(CsvImportService.Kind.parse(kind), bytes);
  }

  @GET
  @Path("/export/{kind}")
  @Produces("text/csv; charset=UTF-8")
  public Response export(@PathParam("kind") String kind) {
    CsvImportService.Kind k = CsvImportService.Kind.parse(kind);
    String name =
        "hopso-"
            + kind.toLowerCase(java.util.Locale.ROOT)
            + "-"
            + LocalDate.now(ClockProducer.VIETNAM)
            + ".csv";
    return Response.ok(exporter.export(k))
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }
}
