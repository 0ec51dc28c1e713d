package vn.hopso.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import vn.hopso.document.DocumentViews.AnnotationView;
import vn.hopso.document.DocumentViews.DocumentDetail;
import vn.hopso.document.DocumentViews.DocumentView;
import vn.hopso.document.DocumentViews.Link;
import vn.hopso.document.DocumentViews.LinkInput;
import vn.hopso.document.DocumentViews.ReceiptInput;
import vn.hopso.document.DocumentViews.UpdateInput;

/** A document: its versions, links to its bytes, receipts and annotated copy. */
@Path("/api/documents")
@RolesAllowed("**")
public class DocumentResource {
  @Inject DocumentService documents;
  @Inject LinkService links;
  @Inject ReceiptService receipts;
  @Inject AnnotationService annotations;

  /**
   * Uploads a file as a new document: the body is the file itself (streamed, up to {@code
   * maxUploadBytes}), its name in {@code fileName}.
   */
  @GET
  @Path("/{docId}")
  public DocumentDetail detail(@PathParam("docId") long documentId) {
    return documents.detail(documentId);
  }

  @PUT
  @Path("/{docId}")
  public DocumentView update(
      @PathParam("docId") long documentId, @Valid @NotNull UpdateInput body) {
    return documents.update(documentId, body);
  }

  @DELETE
  @Path("/{docId}")
  public Response withdraw(@PathParam("docId") long documentId) {
    documents.withdraw(documentId);
    return Response.noContent().build();
  }

  /**
   * Replaces the file: the body becomes the next version. {@code baseVersion}: the version the
   * secretary saw (refused with 409 when another was uploaded since).
   */
  @POST
  @Path("/{docId}/versions")
  @Consumes(Ingest.UPLOAD_TYPES)
  public Response replace(
      @PathParam("docId") long documentId,
      @QueryParam("fileName") String fileName,
      @QueryParam("note") String note,
      @QueryParam("baseVersion") Integer baseVersion,
      InputStream body) {
    return Response.status(201)
        .entity(documents.replace(documentId, fileName, note, baseVersion, body))
        .build();
  }

  /** A short-lived link to a version's bytes, for the caller only. */
  @POST
  @Path("/{docId}/link")
  public Link link(@PathParam("docId") long documentId, @Valid @NotNull LinkInput body) {
    return links.link(documentId, body);
  }

  /** The reader reports pages shown (the first report records the opening). */
  @POST
  @Path("/{docId}/versions/{n}/receipt")
  public Response receipt(
      @PathParam("docId") long documentId,
      @PathParam("n") int version,
      @Valid @NotNull ReceiptInput body) {
    receipts.seen(documentId, version, body.pages());
    return Response.noContent().build();
  }

  @GET
  @Path("/{docId}/versions/{n}/annotations")
  public List<AnnotationView> annotations(
      @PathParam("docId") long documentId, @PathParam("n") int version) {
    return annotations.list(documentId, version);
  }

  /** The version's PDF with the caller's own annotations in it. */
  @GET
  @Path("/{docId}/versions/{n}/annotated")
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  public Response annotated(@PathParam("docId") long documentId, @PathParam("n") int version) {
    AnnotationService.Download d = annotations.annotatedCopy(documentId, version);
    return Response.ok(d.body())
        .type("application/pdf")
        .header("Content-Disposition", FileService.disposition(d.fileName(), true))
        .build();
  }

  /** "Tải về để đọc ngoại tuyến": the agenda and every readable document, with links. */
}
