package vn.hopso.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hopso.common.ApiException;
import vn.hopso.common.DomainEvent;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.meeting.ParticipantService;

/** What was sent to the participants of a meeting, what failed, and retrying it. */
@ApplicationScoped
@Transactional
public class DeliveryService implements ParticipantService.DeliveryStatus {
  @Inject MeetingAccess access;
  @Inject Clock clock;
  @Inject Event<DomainEvent> events;

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

  /** A failed message put back in the queue by the secretary. */
  public record DeliveryRetried(Meeting meeting, long messageId, String recipient)
      implements DomainEvent {
    @Override
    public String action() {
      return "notify.delivery.retried";
    }

    @Override
    public String target() {
      return "meeting:" + meeting.id;
    }

    @Override
    public String detail() {
      return "message " + messageId + " to " + recipient;
    }
  }

  @Transactional
  public List<DeliveryView> list(long meetingId) {
    Meeting m = access.require(meetingId, MeetingOp.VIEW_DELIVERIES).meeting();
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

  public void retry(long meetingId, long messageId) {
    Meeting m = access.require(meetingId, MeetingOp.RETRY_DELIVERY).meeting();
    OutboundMessage o = OutboundMessage.findById(messageId);
    if (o == null || o.meeting == null || !o.meeting.id.equals(m.id)) {
      throw ApiException.notFound(NotifyMsg.MESSAGE, messageId);
    }
    if (o.status != OutboundMessage.Status.FAILED) {
      throw ApiException.conflict(NotifyMsg.ONLY_FAILED);
    }
    o.status = OutboundMessage.Status.PENDING;
    o.attempts = 0;
    o.nextAttemptAt = clock.instant();
    o.claimedUntil = null;
    events.fire(new DeliveryRetried(m, o.id, o.recipient));
  }

  /** The status of the latest email and SMS to each person: "personId:CHANNEL" → status. */
  @Override
  public Map<String, String> latest(Meeting m, Collection<Long> personIds) {
    Map<String, String> delivery = new HashMap<>();
    if (personIds.isEmpty()) {
      return delivery;
    }
    for (Object[] r :
        OutboundMessage.getEntityManager()
            .createQuery(
                "select o.person.id, o.channel, o.status from OutboundMessage o"
                    + " where o.meeting = :m and o.person.id in :people order by o.createdAt, o.id",
                Object[].class)
            .setParameter("m", m)
            .setParameter("people", personIds)
            .getResultList()) {
      delivery.put(r[0] + ":" + r[1], ((OutboundMessage.Status) r[2]).name());
    }
    return delivery;
  }
}
