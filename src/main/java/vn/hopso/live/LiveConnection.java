package vn.hopso.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

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

  /** The meeting's last event when this connection's rights were decided (see {@link Hub#join}). */
  final long grantSeq;

  /**
   * The thread that writes to this client's socket (its Netty event loop). The hub hands each event
   * loop its connections' events in one task, so a send is a direct write on the loop that owns the
   * socket instead of one cross-thread task per client. Another container's sessions (and the
   * tests' fakes) are written to directly.
   */
  final Executor loop;

  /** 0 while opening, 1 once counted as present, 2 once gone (see {@link #markCounted}). */
  private final java.util.concurrent.atomic.AtomicInteger presence =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * After the connection was counted as present: false when it closed meanwhile (the opener then
   * takes the count back itself). Opening and closing run on different threads.
   */
  boolean markCounted() {
    return presence.compareAndSet(0, 1);
  }

  /** The connection closed: true when it had been counted as present (the closer takes it back). */
  boolean markGone() {
    return presence.getAndSet(2) == 1;
  }

  /** The client's language and address (from its handshake), for answers and the audit. */
  vn.hopso.common.Lang lang = vn.hopso.common.Lang.VI;

  String ip;

  /** Ballot messages sent on this socket and not answered yet (see {@link LiveBallots}). */
  final java.util.concurrent.atomic.AtomicInteger ballotsInFlight =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The last event this connection has been given (sent or filtered out). */
  volatile long lastSeq;

  volatile long lastSeenNanos = System.nanoTime();

  /** The second of the heartbeat's period in which this connection is pinged ({@link Hub}). */
  final int heartbeatSlot = Hub.nextHeartbeatSlot();

  /** A message waiting to be sent: an event's number (0 for other messages) and its text. */
  private record Out(long seq, String text) {}

  private final ArrayDeque<Out> queue = new ArrayDeque<>();
  private boolean sending;
  private boolean closing;

  LiveConnection(
      Session session,
      long meetingId,
      long personId,
      boolean runner,
      boolean manager,
      Long endpointId,
      long grantSeq) {
    this.session = session;
    this.meetingId = meetingId;
    this.personId = personId;
    this.runner = runner;
    this.manager = manager;
    this.endpointId = endpointId;
    this.grantSeq = grantSeq;
    this.loop = loopOf(session);
  }

  private static Executor loopOf(Session session) {
    if (session instanceof io.undertow.websockets.UndertowSession u && u.getChannel() != null) {
      return u.getChannel().eventLoop();
    }
    return Runnable::run;
  }

  /** Passes an event in sequence order; sends it when this client may see it. */
  void offer(Hub.Delivered d) {
    if (d.seq() <= lastSeq) {
      return;
    }
    lastSeq = d.seq();
    if (Audience.reaches(d.audience(), runner, manager, personId)) {
      enqueue(d.seq(), d.json());
      if (d.reconnect()) {
        reconnectWhenSent();
      }
    }
  }

  /** Sends a notice, then closes asking the client to reconnect (its rights are decided anew). */
  void sendAndReconnect(String text) {
    send(text);
    reconnectWhenSent();
  }

  /** Nothing more is queued; once what waits is sent the socket closes with {@link #RESYNC}. */
  private void reconnectWhenSent() {
    boolean now;
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
      now = !sending && queue.isEmpty();
    }
    if (now) {
      close(RESYNC, "reconnect");
    }
  }

  /** Queues a message that is not an event (greeting, pong, notice). */
  void send(String text) {
    enqueue(0, text);
  }

  /**
   * Queues a message; a full queue means the client cannot keep up: what waits is dropped and the
   * client is told to resync from the last event it was actually given (every event before the
   * first dropped one was sent or was not for this client), then disconnected.
   */
  private void enqueue(long seq, String text) {
    synchronized (this) {
      if (closing) {
        return;
      }
      if (queue.size() >= MAX_QUEUED) {
        long firstDropped = seq;
        for (Out o : queue) {
          if (o.seq() > 0) {
            firstDropped = o.seq();
            break;
          }
        }
        long resumeAfter = firstDropped > 0 ? firstDropped - 1 : lastSeq;
        queue.clear();
        queue.add(new Out(0, "{\"type\":\"resync\",\"seq\":" + resumeAfter + "}"));
        closing = true;
      } else {
        queue.add(new Out(seq, text));
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
      next = queue.poll().text();
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
