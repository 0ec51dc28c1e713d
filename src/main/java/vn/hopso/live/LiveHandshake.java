package vn.hopso.live;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import vn.hopso.common.ApiException;
import vn.hopso.common.CommonMsg;
import vn.hopso.common.Lang;
import vn.hopso.common.Problem;

/**
 * Browsers cannot send an Authorization header on a WebSocket handshake, so the handshake carries a
 * single-use ticket ({@code ?ticket=}, from {@code POST /api/meetings/{id}/live-ticket}). This
 * filter runs before the socket endpoint: no ticket, a used, expired or revoked ticket, or another
 * meeting's, and the handshake is refused with 401 (no 101); 403 for a ticket nobody decided on.
 * Whether the person may follow the meeting was decided when the ticket was asked for (which
 * answers 403/404 otherwise). When allowed, the grant waits (30 s at most) for the socket endpoint
 * to take it when it opens the session ({@link #admitted}).
 */
@ApplicationScoped
public class LiveHandshake {

  static final Pattern MEETING = Pattern.compile("^/ws/meetings/(\\d{1,18})$");

  @Inject LiveAuth auth;
  @Inject ObjectMapper json;

  /** Admitted handshakes by ticket, until their socket opens (expires after 30 s). */
  private final Map<String, Admitted> admitted = new ConcurrentHashMap<>();

  /**
   * A handshake let through: its grant, and the language ({@code Accept-Language}) and address of
   * the client, for the answers and audit entries of what it sends on the socket.
   */
  record Admitted(long meetingId, LiveAuth.Grant grant, long expiresNanos, Lang lang, String ip) {}

  /** The grant of the handshake that carried this ticket, once. */
  Admitted take(String ticket) {
    if (ticket == null) {
      return null;
    }
    Admitted a = admitted.remove(ticket);
    return a == null || a.expiresNanos() < System.nanoTime() ? null : a;
  }

  /** Admitted handshakes whose socket never opened. */
  @io.quarkus.scheduler.Scheduled(every = "15s")
  void sweep() {
    long now = System.nanoTime();
    admitted.values().removeIf(a -> a.expiresNanos() < now);
  }

  /** The person's rights changed: their admitted handshakes must be decided again. */
  void forget(long personId) {
    admitted.values().removeIf(a -> a.grant().personId() == personId);
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
    // unordered: handshakes arriving on one event loop are decided side by side on the worker
    // pool (ordered, they would wait for each other: 856 rooms reconnecting at once)
    rc.vertx()
        .<LiveAuth.Grant>executeBlocking(
            () -> personal ? auth.personal(ticket) : auth.meeting(ticket, meetingId), false)
        .onComplete(
            result -> {
              rc.request().resume();
              if (result.failed()) {
                refuse(rc, ApiException.internal(result.cause(), "live handshake failed"));
                return;
              }
              LiveAuth.Grant g = result.result();
              if (g.status() != 0) {
                refuse(rc, g.status());
                return;
              }
              admitted.put(
                  ticket,
                  new Admitted(
                      meetingId,
                      g,
                      System.nanoTime() + TimeUnit.SECONDS.toNanos(30),
                      answerLang(rc),
                      rc.request().remoteAddress() == null
                          ? null
                          : rc.request().remoteAddress().hostAddress()));
              rc.next();
            });
  }

  /**
   * The language of what the socket answers: {@code ?lang=vi|en} (the app's own choice, which a
   * browser cannot put in the handshake's headers), else {@code Accept-Language}.
   */
  private static Lang answerLang(RoutingContext rc) {
    String lang = rc.request().getParam("lang");
    return Lang.fromHeader(
        lang != null && lang.matches("vi|en")
            ? lang
            : rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
  }

  /**
   * Refuses the handshake (no 101) with a problem+json body in the caller's language, as every
   * other refusal of the API. Browsers do not show it to scripts (they see close code 1006), so the
   * web app learns the reason from its ticket request; other clients read it here.
   */
  private void refuse(RoutingContext rc, int status) {
    refuse(
        rc,
        status == 401
            ? ApiException.of(401, CommonMsg.TITLE_UNAUTHORIZED, LiveMsg.NO_TICKET, null)
            : ApiException.of(403, CommonMsg.TITLE_FORBIDDEN, LiveMsg.NOT_ALLOWED, null));
  }

  private void refuse(RoutingContext rc, ApiException refusal) {
    Lang lang = answerLang(rc);
    String body;
    try {
      body = json.writeValueAsString(refusal.toProblem(lang));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      body = "{\"status\":" + refusal.status() + "}";
    }
    rc.response()
        .setStatusCode(refusal.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE + "; charset=utf-8")
        .putHeader(HttpHeaders.CONTENT_LANGUAGE, lang == Lang.EN ? "en" : "vi")
        .end(body);
  }
}
