package vn.hopso.live;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Browsers cannot send an Authorization header on a WebSocket handshake, so the handshake carries a
 * single-use ticket ({@code ?ticket=}, from {@code POST /api/meetings/{id}/live-ticket}). This
 * filter runs before the socket endpoint: no ticket, a used or expired ticket, another meeting's
 * ticket or a meeting the person may not see, and the handshake is refused with 401/403/404 (no
 * 101). When allowed, the grant waits (a few seconds at most) for the socket endpoint to take it
 * when it opens the session ({@link #admitted}).
 */
@ApplicationScoped
public class LiveHandshake {
  static final Pattern MEETING = Pattern.compile("^/ws/meetings/(\\d{1,18})$");

  @Inject LiveAuth auth;

  /** Admitted handshakes by ticket, until their socket opens (expires after 30 s). */
  private final Map<String, Admitted> admitted = new ConcurrentHashMap<>();

  record Admitted(long meetingId, LiveAuth.Grant grant, long expiresNanos) {}

  /** The grant of the handshake that carried this ticket, once. */
  Admitted take(String ticket) {
    if (ticket == null) {
      return null;
    }
    Admitted a = admitted.remove(ticket);
    return a == null || a.expiresNanos() < System.nanoTime() ? null : a;
  }

  void install(@Observes Router router) {
    router.route("/ws/*").order(-200).handler(this::check);
  }

  private void check(RoutingContext rc) {
    String path = rc.normalizedPath();
    Matcher m = MEETING.matcher(path);
    boolean personal = path.equals("/ws/me");
    if (!m.matches() && !personal) {
      rc.next();
      return;
    }
    String ticket = rc.request().getParam("ticket");
    if (ticket == null || ticket.isBlank() || ticket.length() > 200) {
      refuse(rc, 401);
      return;
    }
    long meetingId = personal ? 0 : Long.parseLong(m.group(1));
    rc.request().pause();
    rc.vertx()
        .<LiveAuth.Grant>executeBlocking(
            () -> personal ? auth.personal(ticket) : auth.meeting(ticket, meetingId))
        .onComplete(
            result -> {
              rc.request().resume();
              if (result.failed()) {
                refuse(rc, 500);
                return;
              }
              LiveAuth.Grant g = result.result();
              if (g.status() != 0) {
                refuse(rc, g.status());
                return;
              }
              long now = System.nanoTime();
              admitted.values().removeIf(a -> a.expiresNanos() < now);
              admitted.put(ticket, new Admitted(meetingId, g, now + TimeUnit.SECONDS.toNanos(30)));
              rc.next();
            });
  }

  private static void refuse(RoutingContext rc, int status) {
    rc.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
        .end(
            "{\"type\":\"urn:hopso:problem:live.refused\",\"code\":\"live.refused\",\"status\":"
                + status
                + ",\"title\":\"Không mở được kênh trực tiếp\"}");
  }
}
