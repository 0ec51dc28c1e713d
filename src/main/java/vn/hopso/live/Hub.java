package vn.hopso.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The connections of this instance and the recent events of each meeting they follow. Events reach
 * it already numbered (from this instance's {@link Sequencer} or from another instance through
 * {@link PgListener}); it delivers them to every connection of the meeting in order, each once, and
 * replays what a reconnecting client missed — from memory while the events are recent, from the
 * database otherwise, or as a fresh snapshot when it is too far behind.
 */
@ApplicationScoped
public class Hub {
  /**
   * A client further behind than this gets a snapshot instead of the events; each meeting keeps
   * this many recent events in memory for reconnecting clients.
   */
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "hopso.live.max-replay",
      defaultValue = "1000")
  int maxReplay;

  /** This instance, as other instances and the presence table know it. */
  public final String instanceId = UUID.randomUUID().toString();

  @Inject Clock clock;
  @Inject LiveHandshake handshake;
  @Inject LiveMetrics metrics;

  /**
   * One event ready to send: its place, who may see it, its JSON message; {@code reconnect}: those
   * it reaches must reconnect after it (their right to follow the meeting changed, and a new
   * handshake decides it again).
   */
  record Delivered(long seq, String audience, String json, boolean reconnect) {}

  static final class Channel {
    final long meetingId;
    long lastSeq = -1;

    /**
     * The feed epoch in which {@link #lastSeq} was read from the database and kept current by the
     * feed since (every event delivered here); -1 when it may be behind. While it matches the hub's
     * epoch, a join takes {@code lastSeq} as the meeting's last event without asking the database —
     * 856 rooms reconnecting at once do not queue on one query each.
     */
    long trustedEpoch = -1;

    final ArrayDeque<Delivered> ring = new ArrayDeque<>();
    final Set<LiveConnection> connections = ConcurrentHashMap.newKeySet();

    Channel(long meetingId) {
      this.meetingId = meetingId;
    }
  }

  private final Map<Long, Channel> channels = new ConcurrentHashMap<>();

  /**
   * Changes whenever the feed of events from other instances goes down or comes back (PostgreSQL
   * LISTEN); {@link #feedUp} says whether it is up now. On H2 there is no other instance: always
   * up.
   */
  private volatile long feedEpoch;

  private volatile boolean feedUp = true;

  /** The feed from other instances went down ({@code false}) or is back ({@code true}). */
  public void feedChanged(boolean up) {
    feedEpoch++;
    feedUp = up;
  }

  private final Map<Long, Set<LiveConnection>> personal = new ConcurrentHashMap<>();

  // --- meetings -----------------------------------------------------------------------------

  /** Delivers the meeting's events up to {@code upTo} to this instance's connections. */
  public void advance(long meetingId, long upTo) {
    Channel ch = channels.get(meetingId);
    if (ch == null) {
      return;
    }
    synchronized (ch) {
      if (ch.connections.isEmpty()) {
        ch.trustedEpoch = -1; // not followed: the next join reads the database again
        return;
      }
      catchUp(ch, upTo);
    }
  }

  /** Loads and delivers (ch.lastSeq, upTo]; call holding the channel. */
  private void catchUp(Channel ch, long upTo) {
    if (upTo <= ch.lastSeq) {
      return;
    }
    List<Delivered> fresh = load(ch.meetingId, Math.max(0, ch.lastSeq), upTo);
    for (Delivered d : fresh) {
      remember(ch, d);
    }
    ch.lastSeq = Math.max(ch.lastSeq, upTo);
    if (!fresh.isEmpty()) {
      metrics.delivered(fresh.size(), ch.connections.size());
      fanOut(ch.connections, fresh);
    }
  }

  /**
   * Gives the events to every connection, one task per event loop: each loop writes to its own
   * sockets directly, and the loops work in parallel. Events reach a connection in order (a loop
   * runs its tasks in the order given; a connection's earlier messages, from its join, are already
   * queued); a connection that joined meanwhile skips what it has seen.
   */
  private static void fanOut(Set<LiveConnection> connections, List<Delivered> events) {
    Map<java.util.concurrent.Executor, List<LiveConnection>> byLoop = new java.util.HashMap<>();
    for (LiveConnection c : connections) {
      byLoop.computeIfAbsent(c.loop, k -> new ArrayList<>()).add(c);
    }
    byLoop.forEach(
        (loop, group) ->
            loop.execute(
                () -> {
                  for (LiveConnection c : group) {
                    try {
                      for (Delivered d : events) {
                        c.offer(d);
                      }
                    } catch (RuntimeException e) {
                      c.close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed");
                    }
                  }
                }));
  }

  private void remember(Channel ch, Delivered d) {
    ch.ring.addLast(d);
    while (ch.ring.size() > maxReplay) {
      ch.ring.removeFirst();
    }
  }

  /**
   * Adds a connection that has seen the meeting's events up to {@code after} (null: a new client,
   * which loads the state itself): it receives exactly what it missed, then everything new.
   */
  void join(LiveConnection c, Long after) {
    while (true) {
      Channel ch = channels.computeIfAbsent(c.meetingId, Channel::new);
      long epoch = feedEpoch;
      // the database is asked outside the channel's lock: joins never queue behind one another's
      // query (after a restart, 856 of them arrive in the same seconds as their tickets)
      Long committed = trusted(ch, epoch, after) ? null : committedSeq(c.meetingId);
      synchronized (ch) {
        if (channels.get(c.meetingId) != ch) {
          continue; // the heartbeat just dropped this (empty) channel: take the new one
        }
        if (committed == null && !trusted(ch, epoch, after)) {
          continue; // no longer trusted (the feed changed meanwhile): read the database
        }
        joinLocked(ch, c, after, epoch, committed);
        return;
      }
    }
  }

  /**
   * Whether the channel's last event is the meeting's (or the feed is bringing the newer ones to
   * everyone here, this connection included), so a join needs no query.
   */
  private boolean trusted(Channel ch, long epoch, Long after) {
    synchronized (ch) {
      return feedUp
          && ch.trustedEpoch == epoch
          && feedEpoch == epoch
          && ch.lastSeq >= 0
          && (after == null || after <= ch.lastSeq);
    }
  }

  private void joinLocked(Channel ch, LiveConnection c, Long after, long epoch, Long committed) {
    long current = committed == null ? ch.lastSeq : Math.max(ch.lastSeq, committed);
    if (committed != null && feedUp && feedEpoch == epoch) {
      ch.trustedEpoch = epoch;
    }
    if (ch.lastSeq < 0) {
      // first connection here: start from the recent past so reconnects replay from memory
      ch.lastSeq = Math.max(0, current - maxReplay);
    }
    catchUp(ch, current);
    boolean replay = after != null && after <= current && current - after <= maxReplay;
    Delivered revoked = rightsChangedUnseen(ch, c, replay ? after : current);
    int replayed = 0;
    if (replay) {
      for (Delivered d : between(ch, after, current)) {
        c.offer(d);
        replayed++;
      }
    }
    c.lastSeq = current;
    c.send(
        "{\"type\":\""
            + (after != null && !replay ? "snapshot" : "hello")
            + "\",\"meetingId\":"
            + c.meetingId
            + ",\"seq\":"
            + current
            + ",\"replayed\":"
            + replayed
            + ",\"now\":\""
            + clock.instant()
            + "\",\"instance\":\""
            + instanceId
            + "\"}");
    ch.connections.add(c);
    if (revoked != null) {
      c.sendAndReconnect(revoked.json());
    }
  }

  /**
   * A change of this connection's rights recorded after its grant was decided (while its ticket
   * waited) that the connection would not otherwise be given: those numbered up to {@code upTo} are
   * not replayed to it. Null when there is none.
   */
  private Delivered rightsChangedUnseen(Channel ch, LiveConnection c, long upTo) {
    if (c.grantSeq >= upTo) {
      return null;
    }
    if (upTo - c.grantSeq > maxReplay) {
      // too long ago to tell: decide again
      return new Delivered(
          upTo, Audience.ALL, "{\"type\":\"" + EventRecorder.ACCESS_CHANGED + "\"}", true);
    }
    for (Delivered d : between(ch, c.grantSeq, upTo)) {
      if (d.reconnect() && Audience.reaches(d.audience(), c.runner, c.manager, c.personId)) {
        return d;
      }
    }
    return null;
  }

  /** The events numbered in (after, upTo]: from memory when it has them, else from the database. */
  private List<Delivered> between(Channel ch, long after, long upTo) {
    Delivered first = ch.ring.peekFirst();
    if (first == null || first.seq() > after + 1) {
      return load(ch.meetingId, after, upTo);
    }
    List<Delivered> out = new ArrayList<>();
    for (Delivered d : ch.ring) {
      if (d.seq() > after && d.seq() <= upTo) {
        out.add(d);
      }
    }
    return out;
  }

  void leave(LiveConnection c) {
    Channel ch = channels.get(c.meetingId);
    if (ch != null) {
      ch.connections.remove(c);
    }
  }

  /** Meetings this instance has connections for (to catch up after a lost NOTIFY feed). */
  List<Long> followedMeetings() {
    List<Long> out = new ArrayList<>();
    channels.forEach(
        (id, ch) -> {
          if (!ch.connections.isEmpty()) {
            out.add(id);
          }
        });
    return out;
  }

  private long committedSeq(long meetingId) {
    return QuarkusTransaction.requiringNew().call(() -> MeetingLive.lastSeq(meetingId));
  }

  private List<Delivered> load(long meetingId, long after, long upTo) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                MeetingEventRow.<MeetingEventRow>list(
                        "meetingId = ?1 and seq > ?2 and seq <= ?3 order by seq",
                        meetingId,
                        after,
                        upTo)
                    .stream()
                    .map(Hub::delivered)
                    .toList());
  }

  static Delivered delivered(MeetingEventRow r) {
    String json =
        "{\"type\":\"event\",\"seq\":"
            + r.seq
            + ",\"event\":\""
            + r.type
            + "\",\"at\":\""
            + r.at
            + "\",\"data\":"
            + r.data
            + "}";
    return new Delivered(r.seq, r.audience, json, EventRecorder.ACCESS_CHANGED.equals(r.type));
  }

  // --- personal channels (the bell) ---------------------------------------------------------

  void joinPersonal(LiveConnection c) {
    personal.compute(
        c.personId,
        (id, set) -> {
          Set<LiveConnection> s = set == null ? ConcurrentHashMap.newKeySet() : set;
          s.add(c);
          return s;
        });
    c.send("{\"type\":\"hello\",\"personal\":true,\"now\":\"" + clock.instant() + "\"}");
  }

  void leavePersonal(LiveConnection c) {
    // the map forgets people without connections (adding and removing under the same key's lock)
    personal.computeIfPresent(
        c.personId,
        (id, set) -> {
          set.remove(c);
          return set.isEmpty() ? null : set;
        });
  }

  /** Tells a person's open apps on this instance that their notifications changed. */
  public void notifyPerson(long personId) {
    Set<LiveConnection> set = personal.get(personId);
    if (set != null) {
      for (LiveConnection c : set) {
        c.send("{\"type\":\"notifications\"}");
      }
    }
  }

  /**
   * A person's rights changed (deactivated, signed out everywhere, roles changed): each of their
   * connections here is told and closed, so that their app reconnects and a new handshake decides
   * what they may follow now.
   */
  public void reconnectPerson(long personId) {
    List<LiveConnection> theirs = new ArrayList<>();
    channels
        .values()
        .forEach(
            ch ->
                ch.connections.forEach(
                    c -> {
                      if (c.personId == personId) {
                        theirs.add(c);
                      }
                    }));
    Set<LiveConnection> own = personal.get(personId);
    if (own != null) {
      theirs.addAll(own);
    }
    for (LiveConnection c : theirs) {
      c.sendAndReconnect("{\"type\":\"" + EventRecorder.ACCESS_CHANGED + "\"}");
    }
    handshake.forget(personId); // a handshake admitted but not yet opened is decided again too
  }

  /** Connections open on this instance: meetings' and rooms' channels, and personal sockets. */
  public int connectionCount() {
    int n = 0;
    for (Channel ch : channels.values()) {
      n += ch.connections.size();
    }
    for (Set<LiveConnection> mine : personal.values()) {
      n += mine.size();
    }
    return n;
  }

  // --- heartbeats ---------------------------------------------------------------------------

  /** Seconds between two pings of one connection. */
  static final int HEARTBEAT_SLOTS = 15;

  private static final java.util.concurrent.atomic.AtomicInteger SLOTS =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Connections take the seconds of the heartbeat's period in turn, as they open. */
  static int nextHeartbeatSlot() {
    return Math.floorMod(SLOTS.getAndIncrement(), HEARTBEAT_SLOTS);
  }

  /** Whether the connections of {@code slot} are pinged in this (epoch) second. */
  static boolean pingDue(int slot, long epochSecond) {
    return Math.floorMod(epochSecond, HEARTBEAT_SLOTS) == slot;
  }

  /**
   * Each second, pings the connections whose turn it is, so that each is pinged every 15 s; one
   * silent for 45 s (no message, no pong) is disconnected. Spread over the seconds: pinging 2,000
   * tablets in the same instant sends 2,000 frames and takes 2,000 pongs back at once, as much
   * traffic as a whole vote, and whatever else happens in that second (a ballot, a request to
   * speak) waits behind it; in turns, it is 134 pings a second.
   */
  @Scheduled(
      every = "1s",
      delayed = "15s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void heartbeat() {
    long now = System.nanoTime();
    long second = System.currentTimeMillis() / 1000;
    List<LiveConnection> all = new ArrayList<>();
    channels.values().forEach(ch -> all.addAll(ch.connections));
    personal.values().forEach(all::addAll);
    for (LiveConnection c : all) {
      if (now - c.lastSeenNanos > TimeUnit.SECONDS.toNanos(45)) {
        c.close(CloseReason.CloseCodes.GOING_AWAY, "no heartbeat");
      } else if (pingDue(c.heartbeatSlot, second)) {
        c.ping();
      }
    }
    // forget meetings nobody here follows any more
    for (Iterator<Map.Entry<Long, Channel>> it = channels.entrySet().iterator(); it.hasNext(); ) {
      Channel ch = it.next().getValue();
      synchronized (ch) {
        if (ch.connections.isEmpty()) {
          it.remove();
        }
      }
    }
  }
}
