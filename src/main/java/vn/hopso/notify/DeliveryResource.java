package vn.hopso.notify;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.hopso.common.ApiException;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;

/** What was sent to the participants of a meeting, and what failed (for its secretary). */
@Path("/api/meetings/{id}/deliveries")
@RolesAllowed("**")
public class DeliveryResource {
  @Inject MeetingAccess access;
  @Inject Clock clock;

  public record DeliveryView(
      long id,
      OutboundMessage.Channel channel,
      String kind,
      String recipient,
      String personName,
      OutboundMessage.Status status,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant sentAt) {}

  @GET
  @Transactional
  public List<DeliveryView> list(@PathParam("id") long id) {
    Meeting m = access.manageable(id);
    return OutboundMessage.<OutboundMessage>list(
            "from OutboundMessage o left join fetch o.person where o.meeting = ?1"
                + " order by o.createdAt desc, o.id desc",
            m)
        .stream()
        .map(
            o ->
                new DeliveryView(
                    o.id,
                    o.channel,
                    o.kind,
                    o.recipient,
                    o.person == null ? null : o.person.fullName,
                    o.status,
                    o.attempts,
                    o.lastError,
                    o.createdAt,
                    o.sentAt))
        .toList();
  }

  @POST
  @Path("/{messageId}/retry")
  @Transactional
  public Response retry(@PathParam("id") long id, @PathParam("messageId") long messageId) {
    Meeting m = access.manageable(id);
    OutboundMessage o = OutboundMessage.findById(messageId);
    if (o == null || o.meeting == null || !o.meeting.id.equals(m.id)) {
      throw ApiException.notFound("message", messageId);
    }
    if (o.status != OutboundMessage.Status.FAILED) {
      throw ApiException.conflict("Only a failed message can be retried");
    }
    o.status = OutboundMessage.Status.PENDING;
    o.attempts = 0;
    o.nextAttemptAt = clock.instant();
    o.claimedUntil = null;
    return Response.noContent().build();
  }
}
