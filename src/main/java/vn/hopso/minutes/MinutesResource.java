package vn.hopso.minutes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.hopso.minutes.MinutesViews.ApproveInput;
import vn.hopso.minutes.MinutesViews.CompleteInput;
import vn.hopso.minutes.MinutesViews.CorrectionInput;
import vn.hopso.minutes.MinutesViews.Diff;
import vn.hopso.minutes.MinutesViews.MinutesInput;
import vn.hopso.minutes.MinutesViews.MinutesPage;
import vn.hopso.minutes.MinutesViews.MinutesVerification;
import vn.hopso.minutes.MinutesViews.MinutesVersionView;
import vn.hopso.minutes.MinutesViews.MinutesView;
import vn.hopso.minutes.MinutesViews.SendBackInput;
import vn.hopso.minutes.MinutesViews.VersionSummary;

/** A meeting's minutes: the draft, its versions, approval, signatures, the PDF, publication. */
@Path("/api/meetings/{id}/minutes")
@RolesAllowed("**")
public class MinutesResource {
  @Inject MinutesService minutes;

  @GET
  public MinutesPage get(@PathParam("id") long meetingId) {
    return minutes.page(meetingId);
  }

  /** Drafts the minutes from the record of the session (once the meeting has ended). */
  @POST
  public MinutesView draft(@PathParam("id") long meetingId) {
    return minutes.draft(meetingId);
  }

  @PUT
  public MinutesView save(@PathParam("id") long meetingId, @Valid @NotNull MinutesInput body) {
    return minutes.save(meetingId, body);
  }

  @GET
  @Path("/versions")
  public List<VersionSummary> versions(@PathParam("id") long meetingId) {
    return minutes.versions(meetingId);
  }

  @GET
  @Path("/versions/{revision}")
  public MinutesVersionView version(
      @PathParam("id") long meetingId, @PathParam("revision") int revision) {
    return minutes.version(meetingId, revision);
  }

  /** What changed from version {@code from} to version {@code to}. */
  @GET
  @Path("/diff")
  public Diff diff(
      @PathParam("id") long meetingId,
      @QueryParam("from") @NotNull Integer from,
      @QueryParam("to") @NotNull Integer to) {
    return minutes.diff(meetingId, from, to);
  }

  @POST
  @Path("/approve")
  public MinutesView approve(@PathParam("id") long meetingId, @Valid @NotNull ApproveInput body) {
    return minutes.approve(meetingId, body.version());
  }

  @POST
  @Path("/send-back")
  public MinutesView sendBack(@PathParam("id") long meetingId, @Valid @NotNull SendBackInput body) {
    return minutes.sendBack(meetingId, body.reason());
  }

  /** Signs the caller's block on the server with the organisation's certificate. */
  @POST
  @Path("/sign")
  public MinutesView sign(@PathParam("id") long meetingId) {
    return minutes.signOnServer(meetingId);
  }

  /** Prepares the caller's signature for a USB token or a remote signing service. */
  @POST
  @Path("/sign/prepare")
  public MinutesView prepare(@PathParam("id") long meetingId) {
    return minutes.prepare(meetingId);
  }

  /** Embeds the CMS signature made over the prepared digest. */
  @POST
  @Path("/sign/complete")
  public MinutesView complete(@PathParam("id") long meetingId, @Valid @NotNull CompleteInput body) {
    return minutes.complete(meetingId, body.cms());
  }

  @POST
  @Path("/publish")
  public MinutesView publish(@PathParam("id") long meetingId) {
    return minutes.publish(meetingId);
  }

  /** Starts a correction of the published minutes. */
  @POST
  @Path("/corrections")
  public MinutesView correct(
      @PathParam("id") long meetingId, @Valid @NotNull CorrectionInput body) {
    return minutes.correct(meetingId, body.reason());
  }

  /** The PDF as it stands (the current minutes, or the one with {@code minutesId}). */
  @GET
  @Path("/pdf")
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  public Response pdf(@PathParam("id") long meetingId, @QueryParam("minutesId") Long minutesId) {
    MinutesService.Pdf pdf = minutes.pdf(meetingId, minutesId);
    return Response.ok(pdf.bytes(), "application/pdf")
        .header("Content-Disposition", "inline; filename=\"" + pdf.fileName() + "\"")
        .header("Cache-Control", "private, no-store")
        .build();
  }

  @GET
  @Path("/verification")
  public MinutesVerification verification(@PathParam("id") long meetingId) {
    return minutes.verification(meetingId);
  }
}
