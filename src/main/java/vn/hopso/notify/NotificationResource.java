package vn.hopso.notify;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.hopso.common.ApiException;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.PageRequest;
import vn.hopso.common.Params;

/** The bell: one's own in-app notifications. */
@Path("/api/notifications")
@RolesAllowed("**")
public class NotificationResource {
  @Inject CurrentUser current;
  @Inject Clock clock;
  @Inject jakarta.enterprise.event.Event<vn.hopso.common.DomainEvent> events;

  public record NotificationView(
      long id,
      String kind,
      String title,
      String body,
      Long meetingId,
      Instant createdAt,
      boolean read) {}

  public record NotificationPage(
      List<NotificationView> items, long total, int page, int size, long unread) {}

  public record Unread(long unread) {}

  @GET
  @Transactional
  public NotificationPage list(
      @QueryParam("unread") String unreadParam, @Valid @BeanParam PageRequest paging) {
    long me = current.personId();
    Boolean unread = Params.bool(unreadParam, "unread");
    var query =
        Boolean.TRUE.equals(unread)
            ? Notification.find(
                "person.id = ?1 and readAt is null order by createdAt desc, id desc", me)
            : Notification.find("person.id = ?1 order by createdAt desc, id desc", me);
    List<NotificationView> items =
        query.page(paging.page, paging.size).<Notification>list().stream()
            .map(
                n ->
                    new NotificationView(
                        n.id,
                        n.kind,
                        n.title,
                        n.body,
                        n.meeting == null ? null : n.meeting.id,
                        n.createdAt,
                        n.readAt != null))
            .toList();
    return new NotificationPage(items, query.count(), paging.page, paging.size, unreadCount(me));
  }

  @GET
  @Path("/unread-count")
  @Transactional
  public Unread unreadCount() {
    return new Unread(unreadCount(current.personId()));
  }

  private static long unreadCount(long me) {
    return Notification.count("person.id = ?1 and readAt is null", me);
  }

  @POST
  @Path("/{id}/read")
  @Transactional
  public void read(@PathParam("id") long id) {
    Notification n = Notification.findById(id);
    if (n == null || !n.person.id.equals(current.personId())) {
      throw ApiException.notFound(NotifyMsg.NOTIFICATION, id);
    }
    if (n.readAt == null) {
      n.readAt = clock.instant();
      events.fire(new NotifyEvents.NotificationsChanged(java.util.Set.of(n.person.id)));
    }
  }

  @POST
  @Path("/read-all")
  @Transactional
  public void readAll() {
    Notification.update(
        "readAt = ?1 where person.id = ?2 and readAt is null", clock.instant(), current.personId());
    events.fire(new NotifyEvents.NotificationsChanged(java.util.Set.of(current.personId())));
  }
}
