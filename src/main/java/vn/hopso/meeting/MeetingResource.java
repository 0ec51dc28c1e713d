package vn.hopso.meeting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import vn.hopso.common.ApiException;
import vn.hopso.common.Page;
import vn.hopso.common.PageRequest;
import vn.hopso.common.Params;
import vn.hopso.meeting.MeetingViews.AttendanceLogEntry;
import vn.hopso.meeting.MeetingViews.AttendanceUpdate;
import vn.hopso.meeting.MeetingViews.BulkInvite;
import vn.hopso.meeting.MeetingViews.BulkInviteResult;
import vn.hopso.meeting.MeetingViews.CancelRequest;
import vn.hopso.meeting.MeetingViews.CheckInRequest;
import vn.hopso.meeting.MeetingViews.Clash;
import vn.hopso.meeting.MeetingViews.EndpointInvite;
import vn.hopso.meeting.MeetingViews.EndpointInviteResult;
import vn.hopso.meeting.MeetingViews.HeadCount;
import vn.hopso.meeting.MeetingViews.InviteRequest;
import vn.hopso.meeting.MeetingViews.MeetingDetail;
import vn.hopso.meeting.MeetingViews.MeetingEndpointView;
import vn.hopso.meeting.MeetingViews.MeetingInput;
import vn.hopso.meeting.MeetingViews.MeetingSummary;
import vn.hopso.meeting.MeetingViews.ParticipantUpdate;
import vn.hopso.meeting.MeetingViews.ParticipantView;
import vn.hopso.meeting.MeetingViews.PostponeRequest;
import vn.hopso.meeting.MeetingViews.ProxyRequest;
import vn.hopso.meeting.MeetingViews.Quorum;
import vn.hopso.meeting.MeetingViews.ResponseRequest;

/**
 * Meetings over HTTP. Every signed-in person may call these; the services check, per meeting,
 * whether the caller manages, runs or takes part in it.
 */
@Path("/api/meetings")
@RolesAllowed("**")
public class MeetingResource {
  @Inject MeetingService meetings;
  @Inject ParticipantService participants;

  @GET
  public Page<MeetingSummary> list(
      @QueryParam("scope") @DefaultValue("mine") String scope,
      @QueryParam("status") String status,
      @QueryParam("unitId") Long unitId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("q") String q,
      @Valid @BeanParam PageRequest paging) {
    if (!"mine".equals(scope) && !"all".equals(scope)) {
      throw ApiException.invalid("scope", MeetingMsg.SCOPE);
    }
    return meetings.list(
        scope,
        Params.enumValue(MeetingStatus.class, status, "status"),
        unitId,
        Params.date(from, "from"),
        Params.date(to, "to"),
        q,
        paging);
  }

  @POST
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = MeetingDetail.class)))
  public RestResponse<MeetingDetail> create(@Valid @NotNull MeetingInput body) {
    MeetingDetail created = meetings.create(body);
    return RestResponse.ResponseBuilder.<MeetingDetail>created(
            URI.create("/api/meetings/" + created.summary().id()))
        .entity(created)
        .build();
  }

  @GET
  @Path("/{id}")
  public MeetingDetail get(@PathParam("id") long id) {
    return meetings.get(id);
  }

  @PUT
  @Path("/{id}")
  public MeetingDetail update(@PathParam("id") long id, @Valid @NotNull MeetingInput body) {
    return meetings.update(id, body);
  }

  @GET
  @Path("/{id}/clashes")
  public List<Clash> clashes(@PathParam("id") long id) {
    return meetings.clashes(id);
  }

  @POST
  @Path("/{id}/schedule")
  public MeetingDetail schedule(@PathParam("id") long id) {
    return meetings.schedule(id);
  }

  @POST
  @Path("/{id}/start")
  public MeetingDetail start(@PathParam("id") long id) {
    return meetings.start(id);
  }

  @POST
  @Path("/{id}/end")
  public MeetingDetail end(@PathParam("id") long id) {
    return meetings.end(id);
  }

  @POST
  @Path("/{id}/pause")
  public MeetingDetail pause(@PathParam("id") long id) {
    return meetings.pause(id);
  }

  @POST
  @Path("/{id}/resume")
  public MeetingDetail resume(@PathParam("id") long id) {
    return meetings.resume(id);
  }

  @POST
  @Path("/{id}/archive")
  public MeetingDetail archive(@PathParam("id") long id) {
    return meetings.archive(id);
  }

  @POST
  @Path("/{id}/postpone")
  public MeetingDetail postpone(@PathParam("id") long id, @Valid @NotNull PostponeRequest body) {
    return meetings.postpone(id, body.startsAt(), body.endsAt(), body.reason());
  }

  @POST
  @Path("/{id}/cancel")
  public MeetingDetail cancel(@PathParam("id") long id, @Valid @NotNull CancelRequest body) {
    return meetings.cancel(id, body.reason());
  }

  // --- participants ---

  /** The participants, one page at a time: chair, secretary, then by name. */
  @GET
  @Path("/{id}/participants")
  public Page<ParticipantView> participants(
      @PathParam("id") long id,
      @QueryParam("q") String q,
      @QueryParam("role") String role,
      @QueryParam("attendance") String attendance,
      @QueryParam("response") String response,
      @Valid @BeanParam PageRequest paging) {
    return participants.list(
        id,
        q,
        Params.enumValue(ParticipantRole.class, role, "role"),
        Params.enumValue(Attendance.class, attendance, "attendance"),
        Params.enumValue(InvitationResponse.class, response, "response"),
        paging);
  }

  /** Adds everyone of a unit, of an account role, or named in a pasted list. */
  @POST
  @Path("/{id}/participants/bulk")
  public BulkInviteResult inviteMany(@PathParam("id") long id, @Valid @NotNull BulkInvite body) {
    return participants.inviteMany(id, body);
  }

  @POST
  @Path("/{id}/participants")
  public List<ParticipantView> invite(
      @PathParam("id") long id, @Valid @NotNull InviteRequest body) {
    return participants.invite(id, body.participants());
  }

  @PUT
  @Path("/{id}/participants/{pid}")
  public ParticipantView updateParticipant(
      @PathParam("id") long id,
      @PathParam("pid") long pid,
      @Valid @NotNull ParticipantUpdate body) {
    return participants.update(id, pid, body);
  }

  @DELETE
  @Path("/{id}/participants/{pid}")
  public void removeParticipant(@PathParam("id") long id, @PathParam("pid") long pid) {
    participants.remove(id, pid);
  }

  @PUT
  @Path("/{id}/participants/{pid}/proxy")
  public ParticipantView setProxy(
      @PathParam("id") long id, @PathParam("pid") long pid, @Valid @NotNull ProxyRequest body) {
    return participants.setProxy(id, pid, body.toParticipantId());
  }

  @DELETE
  @Path("/{id}/participants/{pid}/proxy")
  public ParticipantView clearProxy(@PathParam("id") long id, @PathParam("pid") long pid) {
    return participants.clearProxy(id, pid);
  }

  @PUT
  @Path("/{id}/participants/{pid}/attendance")
  public ParticipantView attendance(
      @PathParam("id") long id, @PathParam("pid") long pid, @Valid @NotNull AttendanceUpdate body) {
    return participants.setAttendance(id, pid, body.attendance(), body.endpointId(), body.reason());
  }

  // --- rooms ---

  @GET
  @Path("/{id}/endpoints")
  public Page<MeetingEndpointView> endpoints(
      @PathParam("id") long id, @QueryParam("q") String q, @Valid @BeanParam PageRequest paging) {
    return participants.endpoints(id, q, paging);
  }

  @POST
  @Path("/{id}/endpoints")
  public EndpointInviteResult inviteEndpoints(
      @PathParam("id") long id, @Valid @NotNull EndpointInvite body) {
    return participants.inviteEndpoints(id, body);
  }

  @DELETE
  @Path("/{id}/endpoints/{endpointId}")
  public void removeEndpoint(@PathParam("id") long id, @PathParam("endpointId") long endpointId) {
    participants.removeEndpoint(id, endpointId);
  }

  @PUT
  @Path("/{id}/endpoints/{endpointId}/head-count")
  public MeetingEndpointView headCount(
      @PathParam("id") long id,
      @PathParam("endpointId") long endpointId,
      @Valid @NotNull HeadCount body) {
    return participants.headCount(id, endpointId, body.count());
  }

  // --- attendance ---

  @POST
  @Path("/{id}/check-in")
  public ParticipantView checkIn(@PathParam("id") long id, @Valid CheckInRequest body) {
    return participants.checkIn(id, body == null ? null : body.endpointId());
  }

  @GET
  @Path("/{id}/quorum")
  public Quorum quorum(@PathParam("id") long id) {
    return participants.quorum(id);
  }

  @GET
  @Path("/{id}/attendance-log")
  public List<AttendanceLogEntry> attendanceLog(@PathParam("id") long id) {
    return participants.log(id);
  }

  @POST
  @Path("/{id}/response")
  public ParticipantView respond(@PathParam("id") long id, @Valid @NotNull ResponseRequest body) {
    return participants.respond(id, body.response(), body.note());
  }
}
