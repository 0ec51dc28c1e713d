package vn.hopso.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * {@code /ws/meetings/{id}?ticket=…&after=<seq>}: a meeting's events, in order, for one client. The
 * handshake was checked by {@link LiveHandshake}. {@code after} is the last event the client saw:
 * it receives exactly the events it missed (or a snapshot notice when too far behind), then
 * everything new. Clients may send {@code {"type":"ping"}}; anything else they send is answered
 * with an error message (binary or oversized frames close the socket), never a crash.
 */
@jakarta.inject.Singleton // stateless: per-client state lives in the session
@ServerEndpoint("/ws/meetings/{id}")
public class LiveSocket {
  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(LiveSocket.class);
  static final String CONNECTION = "hopso.live.connection";

  /** Text frames longer than this are refused (the protocol's messages are tiny). */
  static final int MAX_TEXT = 16 * 1024;

  @Inject Hub hub;
  @Inject LiveHandshake handshake;
  @Inject Presence presence;
  @Inject ObjectMapper json;
  @Inject LiveBallots ballots;
  @Inject LiveRooms rooms;

  @OnOpen
  public void open(Session session, @PathParam("id") String id) {
    session.setMaxTextMessageBufferSize(MAX_TEXT);
    session.setMaxBinaryMessageBufferSize(1024);
    LiveHandshake.Admitted a = handshake.take(param(session, "ticket"));
    if (a == null || a.meetingId() != parseId(id)) {
      close(session, 4401, "not admitted");
      return;
    }
    Long after = null;
    String afterParam = param(session, "after");
    if (afterParam != null && afterParam.matches("\\d{1,18}")) {
      after = Long.parseLong(afterParam);
    }
    LiveAuth.Grant g = a.grant();
    LiveConnection c =
        new LiveConnection(
            session, a.meetingId(), g.personId(), g.runner(), g.manager(), g.endpointId(), g.seq());
    c.lang = a.lang();
    c.ip = a.ip();
    session.getUserProperties().put(CONNECTION, c);
    hub.join(c, after);
    presence.joined(c);
    rooms.opened(c);
    if (!c.markCounted()) {
      presence.left(c); // it closed while opening
      rooms.closed(c);
    }
  }

  @OnMessage
  public void text(Session session, String message) {
    LiveConnection c = connection(session);
    if (c == null) {
      return;
    }
    answer(c, message, json, ballots, rooms);
  }

  /**
   * Answers what a client sent on either socket: {@code {"type":"ping"}} gets a pong; on a
   * meeting's socket {@code {"type":"ballot",…}} casts ballots ({@link LiveBallots}) and a room's
   * display reports with {@code {"type":"room.status",…}} ({@link LiveRooms}); anything else an
   * error message with a code ({@code live.bad-json}, {@code live.unknown-type}).
   */
  static void answer(
      LiveConnection c, String message, ObjectMapper json, LiveBallots ballots, LiveRooms rooms) {
    c.lastSeenNanos = System.nanoTime();
    String type;
    JsonNode node;
    try {
      node = json.readTree(message);
      type = node == null || !node.isObject() ? null : node.path("type").asText(null);
    } catch (Exception e) {
      c.send("{\"type\":\"error\",\"code\":\"live.bad-json\"}");
      return;
    }
    if ("ping".equals(type)) {
      c.send("{\"type\":\"pong\"}");
    } else if ("ballot".equals(type) && ballots != null) {
      ballots.cast(c, node);
    } else if ("room.status".equals(type) && rooms != null) {
      rooms.report(c, node);
    } else {
      c.send("{\"type\":\"error\",\"code\":\"live.unknown-type\"}");
    }
  }

  @OnMessage
  public void binary(Session session, ByteBuffer data) {
    close(session, CloseReason.CloseCodes.CANNOT_ACCEPT.getCode(), "text only");
  }

  @OnMessage
  public void pong(Session session, PongMessage pong) {
    LiveConnection c = connection(session);
    if (c != null) {
      c.lastSeenNanos = System.nanoTime();
    }
  }

  @OnClose
  public void closed(Session session) {
    LiveConnection c = connection(session);
    if (c != null) {
      session.getUserProperties().remove(CONNECTION);
      hub.leave(c);
      if (c.markGone()) {
        presence.left(c);
        rooms.closed(c);
      }
    }
  }

  @OnError
  public void error(Session session, Throwable t) {
    // a broken connection or an oversized frame: the container closes it; forget it
    if (!(t instanceof java.io.IOException)) {
      LOG.debugf(t, "live socket of meeting %s failed", session.getPathParameters().get("id"));
    }
    closed(session);
  }

  static LiveConnection connection(Session session) {
    return (LiveConnection) session.getUserProperties().get(CONNECTION);
  }

  static String param(Session session, String name) {
    Map<String, List<String>> params = session.getRequestParameterMap();
    List<String> values = params == null ? null : params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static long parseId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static void close(Session session, int code, String reason) {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
    } catch (Exception e) {
      // gone already
    }
  }
}
