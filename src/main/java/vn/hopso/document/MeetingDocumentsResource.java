package vn.hopso.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import vn.hopso.common.Params;
import vn.hopso.document.DocumentViews.DocumentList;
import vn.hopso.document.DocumentViews.DocumentView;
import vn.hopso.document.DocumentViews.ReceiptTable;
import vn.hopso.document.DocumentViews.RemindInput;
import vn.hopso.document.DocumentViews.Reminded;

/** A meeting's documents: the list, uploads, who read what, reminders. */
@Path("/api/meetings/{id}/documents")
@RolesAllowed("**")
public class MeetingDocumentsResource {
  @Inject DocumentService documents;
  @Inject ReceiptService receipts;

  @GET
  public DocumentList list(@PathParam("id") long meetingId) {
    return documents.list(meetingId);
  }

  @POST
  @Consumes(Ingest.UPLOAD_TYPES)
  public Response upload(
      @PathParam("id") long meetingId,
      @QueryParam("fileName") String fileName,
      @QueryParam("itemId") Long itemId,
      @QueryParam("title") String title,
      @QueryParam("audience") String audience,
      @QueryParam("confidential") String confidential,
      InputStream body) {
    DocumentView view =
        documents.upload(
            meetingId,
            itemId,
            title,
            fileName,
            Params.enumValue(DocumentAudience.class, audience, "audience"),
            Boolean.TRUE.equals(Params.bool(confidential, "confidential")),
            body);
    return Response.status(201).entity(view).build();
  }

  @GET
  @Path("/receipts")
  public ReceiptTable receipts(@PathParam("id") long meetingId) {
    return receipts.table(meetingId);
  }

  @POST
  @Path("/remind")
  public Reminded remind(@PathParam("id") long meetingId, @Valid RemindInput body) {
    return receipts.remind(meetingId, body == null ? null : body.personIds());
  }
}
