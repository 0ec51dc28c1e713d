package vn.hopso.live;

import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * {@code /ws/me?ticket=…}: tells a person's open app when their notifications change (the bell),
 * instead of the app asking every few seconds. Nothing to resume: on (re)connect the app reloads
 * the count.
 */
@jakarta.inject.Singleton // stateless: per-client state lives in the session
@ServerEndpoint("/ws/me")
public class PersonalSocket {
  @Inject Hub hub;
  @Inject LiveHandshake handshake;
  @Inject com.fasterxml.jackson.databind.ObjectMapper json;

  @OnOpen
  public void open(Session session) {
    session.setMaxTextMessageBufferSize(LiveSocket.MAX_TEXT);
    session.setMaxBinaryMessageBufferSize(1024);
    LiveHandshake.Admitted a = handshake.take(LiveSocket.param(session, "ticket"));
    if (a == null || a.meetingId() != 0) {
      LiveSocket.close(session, 4401, "not admitted");
      return;
    }
    LiveConnection c = new LiveConnection(session, 0, a.grant().personId(), false, false, null, 0);
    session.getUserProperties().put(LiveSocket.CONNECTION, c);
    hub.joinPersonal(c);
  }

  @OnMessage
  public void text(Session session, String message) {
    LiveConnection c = LiveSocket.connection(session);
    if (c != null) {
      LiveSocket.answer(c, message, json, null, null); // ballots go on a meeting's socket
    }
  }

  @OnMessage
  public void binary(Session session, java.nio.ByteBuffer data) {
    LiveSocket.close(
        session, jakarta.websocket.CloseReason.CloseCodes.CANNOT_ACCEPT.getCode(), "text only");
  }

  @OnMessage
  public void pong(Session session, PongMessage pong) {
    LiveConnection c = LiveSocket.connection(session);
    if (c != null) {
      c.lastSeenNanos = System.nanoTime();
    }
  }

  @OnClose
  public void closed(Session session) {
    LiveConnection c = LiveSocket.connection(session);
    if (c != null) {
      session.getUserProperties().remove(LiveSocket.CONNECTION);
      hub.leavePersonal(c);
    }
  }

  @OnError
  public void error(Session session, Throwable t) {
    closed(session);
  }
}
