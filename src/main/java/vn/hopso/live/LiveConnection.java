package vn.hopso.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * One client's socket. Messages wait in a bounded queue and are sent one at a time; a client that
 * falls so far behind that its queue fills is told to resync and disconnected (it reconnects and
 * resumes from the last event it saw), so a slow or dead client never holds up the others.
 */
final class LiveConnection {
  /** Messages a connection may have waiting before it is told to resync. */
  static final int MAX_QUEUED = 256;

  /** Close code asking the client to reconnect and resume (the 4000–4999 range is the app's). */
  static final int RESYNC = 4008;

  final Session session;
  final long meetingId;
  final long personId;
  final boolean runner;
  final boolean manager;
  final Long endpointId;

  /** The last event this connection has been given (sent or filtered out). */
  volatile long lastSeq;

  volatile long lastSeenNanos = System.nanoTime();

  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private boolean sending;
  private boolean closing;

  LiveConnection(
      Session session,
      long meetingId,
      long personId,
      boolean runner,
      boolean manager,
      Long endpointId) {
    this.session = session;
    this.meetingId = meetingId;
    this.personId = personId;
    this.runner = runner;
    this.manager = manager;
    this.endpointId = endpointId;
  }

  /** Passes an event in sequence order; sends it when this client may see it. */
  void offer(Hub.Delivered d) {
    if (d.seq() <= lastSeq) {
      return;
    }
    lastSeq = d.seq();
    if (Audience.reaches(d.audience(), runner, manager, personId)) {
      send(d.json());
    }
  }

  /** Queues a message; a full queue means the client cannot keep up. */
  void send(String text) {
    synchronized (this) {
      if (closing) {
        return;
      }
      if (queue.size() >= MAX_QUEUED) {
        queue.clear();
        queue.add("{\"type\":\"resync\",\"seq\":" + lastSeq + "}");
        closing = true;
      } else {
        queue.add(text);
      }
    }
    pump();
  }

  private void pump() {
    String next;
    synchronized (this) {
      if (sending || queue.isEmpty()) {
        return;
      }
      if (!session.isOpen()) {
        queue.clear();
        return;
      }
      next = queue.poll();
      sending = true;
    }
    try {
      session
          .getAsyncRemote()
          .sendText(
              next,
              result -> {
                boolean done;
                synchronized (this) {
                  sending = false;
                  done = closing && queue.isEmpty();
                }
                if (!result.isOK()) {
                  close(CloseReason.CloseCodes.GOING_AWAY, "send failed");
                } else if (done) {
                  close(RESYNC, "resync");
                } else {
                  pump();
                }
              });
    } catch (RuntimeException e) {
      synchronized (this) {
        sending = false;
      }
      close(CloseReason.CloseCodes.GOING_AWAY, "send failed");
    }
  }

  void ping() {
    try {
      session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
    } catch (IOException | RuntimeException e) {
      close(CloseReason.CloseCodes.GOING_AWAY, "ping failed");
    }
  }

  void close(int code, String reason) {
    close(CloseReason.CloseCodes.getCloseCode(code), reason);
  }

  void close(CloseReason.CloseCode code, String reason) {
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(code, reason));
      }
    } catch (IOException | RuntimeException e) {
      // already gone
    }
  }
}
