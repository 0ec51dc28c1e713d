package vn.hopso.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A slow or dead client never holds up the others: its messages wait in a bounded queue, sent one
 * at a time; when the queue is full the client is told to resync and disconnected.
 */
class LiveConnectionTest {
  /** A session whose sends complete only when the test says so (a client that reads slowly). */
  static final class SlowSession {
    final List<String> sent = new ArrayList<>();
    final List<SendHandler> pending = new ArrayList<>();
    final AtomicReference<CloseReason> closed = new AtomicReference<>();
    final Session session;

    SlowSession() {
      RemoteEndpoint.Async remote =
          (RemoteEndpoint.Async)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {RemoteEndpoint.Async.class},
                  (p, m, args) -> {
                    if (m.getName().equals("sendText") && args.length == 2) {
                      sent.add((String) args[0]);
                      pending.add((SendHandler) args[1]);
                    }
                    return null;
                  });
      session =
          (Session)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {Session.class},
                  (p, m, args) ->
                      switch (m.getName()) {
                        case "getAsyncRemote" -> remote;
                        case "isOpen" -> closed.get() == null;
                        case "close" -> {
                          closed.set(args == null ? null : (CloseReason) args[0]);
                          yield null;
                        }
                        default -> null;
                      });
    }

    void completeOne() {
      pending.remove(0).onResult(new SendResult());
    }
  }

  @Test
  void messagesAreSentOneAtATimeInOrder() {
    SlowSession s = new SlowSession();
    LiveConnection c = new LiveConnection(s.session, 1, 7, false, false, null, 0);
    for (int i = 1; i <= 3; i++) {
      c.offer(new Hub.Delivered(i, Audience.ALL, "m" + i, false));
    }
    assertEquals(List.of("m1"), s.sent, "one send in flight at a time");
    s.completeOne();
    s.completeOne();
    assertEquals(List.of("m1", "m2", "m3"), s.sent);
  }

  @Test
  void aClientThatFallsBehindIsToldToResyncAndDisconnected() {
    SlowSession s = new SlowSession();
    LiveConnection c = new LiveConnection(s.session, 1, 7, false, false, null, 0);
    for (int i = 1; i <= LiveConnection.MAX_QUEUED + 10; i++) {
      c.offer(new Hub.Delivered(i, Audience.ALL, "m" + i, false)); // never blocks the caller
    }
    assertEquals(1, s.sent.size());
    s.completeOne(); // the first send returns; what follows is the resync notice, not 256 events
    assertTrue(s.sent.get(1).contains("\"resync\""), s.sent.toString());
    // resume after the last event actually sent (m1), not after the dropped ones
    assertTrue(s.sent.get(1).contains("\"seq\":1}"), s.sent.get(1));
    s.completeOne();
    assertEquals(LiveConnection.RESYNC, s.closed.get().getCloseCode().getCode());
    assertEquals(2, s.sent.size());
  }

  @Test
  void theResyncPointSkipsOnlyWhatWasNotForThisClient() {
    SlowSession s = new SlowSession();
    LiveConnection c = new LiveConnection(s.session, 1, 7, false, false, null, 0);
    c.offer(new Hub.Delivered(1, Audience.ALL, "m1", false)); // in flight
    c.send("{\"type\":\"pong\"}");
    c.offer(new Hub.Delivered(2, Audience.RUNNERS, "not for a delegate", false));
    for (int i = 3; i <= LiveConnection.MAX_QUEUED + 5; i++) {
      c.offer(new Hub.Delivered(i, Audience.ALL, "m" + i, false));
    }
    s.completeOne();
    // the pong and event 2 need no resending; event 3 was the first dropped
    assertTrue(s.sent.get(1).contains("\"seq\":2}"), s.sent.get(1));
  }

  @Test
  void eachPersonGetsOnlyTheirAudience() {
    SlowSession delegate = new SlowSession();
    LiveConnection c = new LiveConnection(delegate.session, 1, 7, false, false, null, 0);
    c.offer(new Hub.Delivered(1, Audience.RUNNERS, "for the chair", false));
    c.offer(new Hub.Delivered(2, Audience.person(8), "for someone else", false));
    c.offer(new Hub.Delivered(3, Audience.person(7), "for me", false));
    c.offer(new Hub.Delivered(3, Audience.ALL, "a repeat", false));
    assertEquals(List.of("for me"), delegate.sent);
    assertEquals(3, c.lastSeq);
  }
}
