package vn.hopso.vote;

import static io.quarkus.hibernate.orm.panache.Panache.getEntityManager;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.hopso.common.ApiException;
import vn.hopso.common.DomainEvent;
import vn.hopso.common.Viewer;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingMsg;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.org.Person;
import vn.hopso.vote.PollViews.BallotAck;
import vn.hopso.vote.PollViews.BallotInput;

/**
 * Where every ballot is decided and recorded: the API's ballots and those sent on a meeting's live
 * socket alike. Ballots wait in one queue; one writer takes all that are waiting (up to {@link
 * #MAX_BATCH}) and decides and records them in one transaction, then answers each. So 2,000 ballots
 * arriving in the same second cost a few dozen commits instead of 2,000 (a group commit, as
 * OpenSlides' vote service collects ballots), and a ballot is still acknowledged only once it is
 * durably committed: its future completes after the commit.
 *
 * <p>Each submission (one ballot, or a proxy holder's ballots at once) is decided on its own: a
 * refused one answers its problem and takes nothing of the others with it. Within the batch the
 * poll's row is locked for update, so the writers of several instances never decide the same voter
 * at once, and the "has voted" rows read under that lock are the truth. Should the batch fail for a
 * reason no single ballot explains (the database went away), each submission is tried again in a
 * transaction of its own, so that one cause fails only what it concerns.
 *
 * <p>Secret polls: nothing here writes a voter next to a choice. The "has voted" record keeps a
 * hash of the client's ballot id, the ballot a random id, its receipt and its choice; the ballots
 * of one batch are written in a random order; no log line names a voter or a choice; the event says
 * only that a ballot was cast.
 */
@ApplicationScoped
public class BallotDesk {
  private static final Logger LOG = Logger.getLogger(BallotDesk.class);

  /** Submissions decided in one transaction at most. */
  static final int MAX_BATCH = 500;

  /** Submissions waiting at most; beyond, a ballot is answered 429 (the client retries it). */
  static final int MAX_WAITING = 20_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject MeetingAccess access;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;
  @Inject MeterRegistry registry;

  /**
   * On /q/metrics: each submission's time from its arrival at the desk to its answer (after the
   * commit), and how many submissions a batch took. Neither carries a voter, a poll or a choice.
   */
  private Timer latency;

  private DistributionSummary batchSizes;

  /** How long an API caller waits for its ballot's commit before being told to retry. */
  @ConfigProperty(name = "hopso.ballots.wait", defaultValue = "30s")
  java.time.Duration wait;

  /**
   * Who casts: the person, from where (for the audit), and the meeting whose live socket carried
   * the ballot (0 from the API; a primitive, so that it is compared by value). A socket's person
   * was admitted to follow that meeting, so a poll of another meeting is answered as not found.
   */
  public record Caller(long personId, String ip, long socketMeetingId) {
    boolean fromSocket() {
      return socketMeetingId != 0;
    }
  }

  /** What a submission came to within its batch: its acknowledgements, or why it was refused. */
  private record Outcome(List<BallotAck> acks, ApiException refused) {}

  private record Submission(
      Caller caller,
      long pollId,
      List<BallotInput> ballots,
      boolean batch,
      CompletableFuture<List<BallotAck>> done,
      long queuedNanos) {}

  /**
   * A participant as the desk needs them, read as values (no entity to hydrate, snapshot or check
   * at the flush: a batch reads hundreds).
   */
  private record Member(
      long id,
      long personId,
      String username,
      boolean voting,
      Long proxyId,
      vn.hopso.meeting.Attendance attendance) {}

  /**
   * The columns of {@link Member}, in order, in SQL: callers filter on the participant's own
   * columns ({@code p.person_id}, {@code p.id}) so that, with the meeting, the index (meeting_id,
   * person_id) serves whatever the table's statistics say. (Hibernate translates {@code
   * p.person.id} into the joined person's {@code id} once the person is joined; so filtered and
   * with no statistics yet for a meeting's new participants, PostgreSQL walked all 2,000 of them
   * into the person index: 30 ms a batch instead of 1, found with pg_stat_statements under
   * bench/vote.sh.)
   */
  private static final String MEMBER =
      "select p.id, p.person_id, pe.username, p.voting, p.proxy_id, p.attendance"
          + " from participant p join person pe on pe.id = p.person_id where p.meeting_id = ?1 and ";

  private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>(MAX_WAITING);
  private volatile boolean running;
  private Thread writer;

  void start(@Observes StartupEvent e) {
    latency =
        Timer.builder("hopso.ballots.latency")
            .description("Time from a ballot's arrival at the desk to its answer, after the commit")
            .publishPercentileHistogram()
            .register(registry);
    batchSizes =
        DistributionSummary.builder("hopso.ballots.batch")
            .description("Ballot submissions decided in one transaction")
            .register(registry);
    running = true;
    writer = new Thread(this::run, "ballot-desk");
    writer.setDaemon(true);
    writer.start();
  }

  void stop(@Observes ShutdownEvent e) {
    running = false;
    if (writer != null) {
      writer.interrupt();
      try {
        writer.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
    // never acknowledged, so nothing is lost: the clients send them again after the restart
    List<Submission> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(s -> s.done.completeExceptionally(busy()));
  }

  /**
   * Queues one ballot; the future completes with its acknowledgement once committed, or fails with
   * the {@link ApiException} that refuses it.
   */
  public CompletableFuture<BallotAck> submit(Caller caller, long pollId, BallotInput ballot) {
    return enqueue(caller, pollId, List.of(ballot), false).thenApply(acks -> acks.get(0));
  }

  /** Queues a proxy holder's ballots: each principal's separately, all or none recorded. */
  public CompletableFuture<List<BallotAck>> submitAll(
      Caller caller, long pollId, List<BallotInput> ballots) {
    return enqueue(caller, pollId, List.copyOf(ballots), true);
  }

  /** For the API's worker threads: waits for the commit and answers as a service would. */
  public <T> T await(CompletableFuture<T> f) {
    try {
      return f.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      // it may still commit: the same ballot id sent again then answers its receipt
      throw busy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
  }

  private CompletableFuture<List<BallotAck>> enqueue(
      Caller caller, long pollId, List<BallotInput> ballots, boolean batch) {
    CompletableFuture<List<BallotAck>> done = new CompletableFuture<>();
    if (!running
        || !queue.offer(new Submission(caller, pollId, ballots, batch, done, System.nanoTime()))) {
      done.completeExceptionally(busy());
    }
    return done;
  }

  private static ApiException busy() {
    return ApiException.tooManyRequests(PollMsg.DESK_BUSY, 1);
  }

  private void run() {
    List<Submission> batch = new ArrayList<>();
    while (running) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      batchSizes.record(batch.size());
      try {
        decide(batch);
      } catch (RuntimeException | Error e) {
        // decide answers every submission itself; this is a safety net that must never stop the
        // writer, and leaves no submission unanswered
        ApiException failed = ApiException.internal(e, "the ballot desk failed on a batch");
        batch.forEach(s -> s.done.completeExceptionally(failed));
      }
      batch.clear();
    }
  }

  /** Decides and records a batch, then answers each submission (after the commit). */
  private void decide(List<Submission> batch) {
    Map<Submission, Outcome> outcomes = new LinkedHashMap<>();
    try {
      QuarkusTransaction.requiringNew().run(() -> record(batch, outcomes));
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        // no voter and no choice in the log line: the error id lets an administrator find it
        batch.get(0).done.completeExceptionally(ApiException.internal(e, "a ballot failed"));
        return;
      }
      LOG.debugf(e, "a batch of %d ballots failed; deciding them one by one", batch.size());
      for (Submission s : batch) {
        decide(List.of(s));
      }
      return;
    }
    answer(outcomes);
  }

  private void answer(Map<Submission, Outcome> outcomes) {
    long now = System.nanoTime();
    outcomes.forEach(
        (s, o) -> {
          latency.record(now - s.queuedNanos(), TimeUnit.NANOSECONDS);
          if (o.refused() != null) {
            s.done.completeExceptionally(o.refused());
          } else {
            s.done.complete(o.acks());
          }
        });
  }

  /** Inside the transaction: each poll's submissions, with what they need read in bulk. */
  private void record(List<Submission> batch, Map<Submission, Outcome> outcomes) {
    Map<Long, List<Submission>> byPoll = new LinkedHashMap<>();
    for (Submission s : batch) {
      byPoll.computeIfAbsent(s.pollId, k -> new ArrayList<>()).add(s);
    }
    byPoll.forEach(
        (pollId, subs) -> {
          Poll poll;
          try {
            poll = Poll.locked(pollId, true);
          } catch (ApiException missing) {
            subs.forEach(s -> outcomes.put(s, new Outcome(null, missing)));
            return;
          }
          new PollBatch(poll, subs, outcomes).record();
        });
  }

  /** One poll's part of a batch: the state read once, then each submission in order. */
  private final class PollBatch {
    final List<Submission> subs;
    final Map<Submission, Outcome> outcomes;
    final Poll poll;
    final Meeting meeting;
    final Set<Long> optionIds;
    final Instant now = clock.instant();

    /** By person id: each caller's participant row in the meeting (absent: not a participant). */
    final Map<Long, Member> mine = new HashMap<>();

    /** By participant id: the principals named by proxy holders. */
    final Map<Long, Member> principals = new HashMap<>();

    /** By participant id: who has voted (read under the poll's lock; updated as ballots land). */
    final Map<Long, PollVoter> voters = new HashMap<>();

    /** By receipt: the ballots recorded in this batch, before they are flushed. */
    final Map<String, Ballot> recorded = new HashMap<>();

    final List<PollVoter> newVoters = new ArrayList<>();
    final List<Ballot> newBallots = new ArrayList<>();
    final List<PollEvents.Voted> voted = new ArrayList<>();

    /** {@code poll}: locked for update (see {@link #record(List, Map)}). */
    PollBatch(Poll poll, List<Submission> subs, Map<Submission, Outcome> outcomes) {
      this.subs = subs;
      this.outcomes = outcomes;
      this.poll = poll;
      this.meeting = poll.meeting;
      this.optionIds = poll.kind == PollKind.YES_NO ? Set.of() : optionIds(poll);
    }

    void record() {
      load();
      for (Submission s : subs) {
        try {
          outcomes.put(s, new Outcome(decide(s), null));
        } catch (ApiException refused) {
          outcomes.put(s, new Outcome(null, refused));
        }
      }
      newVoters.forEach(v -> v.persist());
      if (poll.secret) {
        Collections.shuffle(newBallots, RANDOM); // the table's order says nothing of the voters'
      }
      newBallots.forEach(b -> b.persist());
      voted.forEach(events::fire);
    }

    /** Every caller's participant row, the principals named, and who of them has voted. */
    private void load() {
      Set<Long> persons = new HashSet<>();
      Set<Long> named = new HashSet<>();
      for (Submission s : subs) {
        persons.add(s.caller.personId());
        s.ballots.forEach(
            b -> {
              if (b.participantId() != null) {
                named.add(b.participantId());
              }
            });
      }
      members("p.person_id in (?2)", persons).forEach(m -> mine.put(m.personId(), m));
      Set<Long> ids = new HashSet<>();
      mine.values().forEach(m -> ids.add(m.id()));
      named.removeAll(ids);
      if (!named.isEmpty()) {
        members("p.id in (?2)", named).forEach(m -> principals.put(m.id(), m));
        ids.addAll(principals.keySet());
      }
      if (!ids.isEmpty()) {
        PollVoter.<PollVoter>find("pollId = ?1 and participantId in ?2", poll.id, ids)
            .list()
            .forEach(v -> voters.put(v.participantId, v));
      }
    }

    private List<Member> members(String where, Set<Long> ids) {
      List<Member> out = new ArrayList<>();
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          getEntityManager()
              .createNativeQuery(MEMBER + where)
              .setParameter(1, meeting.id)
              .setParameter(2, ids)
              .getResultList();
      for (Object[] r : rows) {
        out.add(
            new Member(
                ((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(),
                (String) r[2],
                (Boolean) r[3],
                r[4] == null ? null : ((Number) r[4]).longValue(),
                vn.hopso.meeting.Attendance.valueOf((String) r[5])));
      }
      return out;
    }

    /** One submission: every ballot checked first, then all recorded (or none). */
    private List<BallotAck> decide(Submission s) {
      if (s.caller.fromSocket() && s.caller.socketMeetingId() != meeting.id.longValue()) {
        // the socket's meeting is the only one it may vote in
        throw ApiException.notFound(PollMsg.POLL, poll.id);
      }
      if (poll.analog) {
        throw ApiException.conflict(PollMsg.ANALOG_NO_BALLOTS);
      }
      Member me = mine.get(s.caller.personId());
      if (me == null) {
        refuseNonParticipant(s.caller);
      }
      Set<UUID> ids = new HashSet<>();
      Set<Long> seen = new HashSet<>();
      List<Runnable> writes = new ArrayList<>();
      List<BallotAck> acks = new ArrayList<>();
      for (int i = 0; i < s.ballots.size(); i++) {
        BallotInput in = s.ballots.get(i);
        String at = s.batch ? "ballots[" + i + "]." : "";
        if (!ids.add(in.ballotId())) {
          throw ApiException.invalid(at + "ballotId", PollMsg.NO_BALLOT_ID_REUSE);
        }
        Member principal = principal(me, in);
        if (!seen.add(principal.id())) {
          throw ApiException.invalid(at + "participantId", PollMsg.ALREADY_VOTED);
        }
        acks.add(one(s.caller, me, principal, in, at, writes));
      }
      writes.forEach(Runnable::run);
      return acks;
    }

    /** Not a participant: hidden from them (403 as the API's views), else refused to vote. */
    private void refuseNonParticipant(Caller caller) {
      Person person = Person.findById(caller.personId());
      if (person == null || !person.active) {
        throw ApiException.unauthorized(vn.hopso.common.CommonMsg.UNAUTHORIZED);
      }
      if (!caller.fromSocket()
          && !access.visible(new Viewer(person.id, person.roles), meeting.id)) {
        throw ApiException.forbidden(MeetingMsg.NOT_VISIBLE);
      }
      access.requireAsParticipant(meeting, false, MeetingOp.VOTE);
      throw new IllegalStateException("a non-participant was allowed to vote");
    }

    /** Whose vote this is: the caller's own, or a principal's whose proxy the caller holds. */
    private Member principal(Member me, BallotInput in) {
      if (in.participantId() == null || in.participantId() == me.id()) {
        if (me.proxyId() != null) {
          throw ApiException.conflict(PollMsg.PROXY_GIVEN, "name", nameOf(me.proxyId()));
        }
        if (!me.voting()) {
          throw ApiException.forbidden(PollMsg.NO_VOTING_RIGHT);
        }
        return me;
      }
      Member principal = principals.get(in.participantId());
      if (principal == null) { // a principal who casts ballots of their own in this batch too
        principal =
            mine.values().stream()
                .filter(m -> m.id() == in.participantId())
                .findFirst()
                .orElse(null);
      }
      // (members are read within this meeting only)
      if (principal == null || principal.proxyId() == null || principal.proxyId() != me.id()) {
        throw ApiException.forbidden(PollMsg.NOT_YOUR_PROXY);
      }
      if (!principal.voting()) {
        throw ApiException.forbidden(PollMsg.NO_VOTING_RIGHT);
      }
      return principal;
    }

    private String nameOf(long participantId) {
      return getEntityManager()
          .createQuery("select p.person.fullName from Participant p where p.id = ?1", String.class)
          .setParameter(1, participantId)
          .getSingleResult();
    }

    /**
     * One ballot checked; what it writes is added to {@code writes}. A retry (the same ballot id)
     * answers the same receipt, even after the close; another id for a principal who has voted is a
     * second ballot, refused unless it replaces the current one in a poll that allows changes.
     */
    private BallotAck one(
        Caller caller,
        Member me,
        Member principal,
        BallotInput in,
        String at,
        List<Runnable> writes) {
      BallotChoice choice = choice(poll, optionIds, in, at);
      String hash = Receipts.hash(in.ballotId());
      PollVoter v = voters.get(principal.id());
      if (v != null && v.ballotHash.equals(hash)) {
        String receipt = Receipts.receipt(poll.ballotKey, in.ballotId());
        Ballot b = ballot(receipt);
        if (b == null || !b.choice.equals(choice.encode())) {
          throw ApiException.conflictOn(at + "ballotId", PollMsg.NO_BALLOT_ID_REUSE);
        }
        return new BallotAck(in.ballotId(), poll.id, principal.id(), receipt, false);
      }
      access.requireAsParticipant(meeting, true, MeetingOp.VOTE);
      if (poll.state != PollState.OPEN) {
        throw ApiException.conflict(PollMsg.NOT_OPEN);
      }
      if (poll.closesAt != null && now.isAfter(poll.closesAt)) {
        throw ApiException.conflict(PollMsg.TIME_UP);
      }
      if (!me.attendance().present()) {
        throw ApiException.conflict(PollMsg.NOT_PRESENT);
      }
      String actor = me.username();
      String receipt = Receipts.receipt(poll.ballotKey, in.ballotId()); // an open poll has its key
      if (v != null) {
        if (in.replaces() == null) {
          throw ApiException.conflict(PollMsg.ALREADY_VOTED);
        }
        if (!poll.allowChange) {
          throw ApiException.conflict(PollMsg.NO_CHANGE);
        }
        if (!v.ballotHash.equals(Receipts.hash(in.replaces()))) {
          throw ApiException.conflictOn(at + "replaces", PollMsg.WRONG_REPLACES);
        }
        Ballot b = ballot(Receipts.receipt(poll.ballotKey, in.replaces()));
        if (b == null) {
          throw ApiException.conflictOn(at + "replaces", PollMsg.WRONG_REPLACES);
        }
        writes.add(
            () -> {
              recorded.remove(b.receipt);
              b.receipt = receipt;
              b.choice = choice.encode();
              recorded.put(receipt, b);
              v.ballotHash = hash;
              v.castBy = me.personId();
              v.votedAt = now;
              voted.add(
                  new PollEvents.Voted(meeting, poll.id, principal.id(), true, actor, caller.ip()));
            });
        return new BallotAck(in.ballotId(), poll.id, principal.id(), receipt, true);
      }
      if (in.replaces() != null) {
        throw ApiException.conflictOn(at + "replaces", PollMsg.WRONG_REPLACES);
      }
      writes.add(
          () -> {
            PollVoter nv = new PollVoter();
            nv.pollId = poll.id;
            nv.participantId = principal.id();
            nv.personId = principal.personId();
            nv.castBy = me.personId();
            nv.ballotHash = hash;
            nv.votedAt = now;
            voters.put(principal.id(), nv);
            newVoters.add(nv);
            Ballot b = new Ballot();
            b.id = UUID.randomUUID().toString(); // never the client's id, never in any order
            b.pollId = poll.id;
            b.receipt = receipt;
            b.choice = choice.encode();
            b.participantId = poll.secret ? null : principal.id();
            recorded.put(receipt, b);
            newBallots.add(b);
            voted.add(
                new PollEvents.Voted(meeting, poll.id, principal.id(), false, actor, caller.ip()));
          });
      return new BallotAck(in.ballotId(), poll.id, principal.id(), receipt, false);
    }

    /** The ballot with this receipt: recorded in this batch, or committed before. */
    private Ballot ballot(String receipt) {
      Ballot b = recorded.get(receipt);
      return b != null
          ? b
          : Ballot.<Ballot>find("pollId = ?1 and receipt = ?2", poll.id, receipt).firstResult();
    }
  }

  /** The ballot's choice, checked against the poll: exactly the field of its kind, complete. */
  static BallotChoice choice(Poll p, Set<Long> ids, BallotInput in, String at) {
    switch (p.kind) {
      case YES_NO -> {
        unwanted(in.selected() != null, at + "selected");
        unwanted(in.ratings() != null, at + "ratings");
        if (in.value() == null) {
          throw ApiException.invalid(at + "value", PollMsg.VALUE_NEEDED);
        }
        return BallotChoice.of(in.value());
      }
      case ELECTION -> {
        unwanted(in.value() != null, at + "value");
        unwanted(in.ratings() != null, at + "ratings");
        List<Long> selected = in.selected() == null ? List.of() : in.selected();
        Set<Long> distinct = new HashSet<>();
        for (Long id : selected) {
          if (!ids.contains(id) || !distinct.add(id)) {
            throw ApiException.invalid(at + "selected", PollMsg.UNKNOWN_OPTION, "id", id);
          }
        }
        if (distinct.size() > p.seats) {
          throw ApiException.invalid(at + "selected", PollMsg.TOO_MANY_CHOSEN, "seats", p.seats);
        }
        return BallotChoice.selecting(selected);
      }
      case CONFIDENCE -> {
        unwanted(in.value() != null, at + "value");
        unwanted(in.selected() != null, at + "selected");
        Map<Long, Rating> ratings = in.ratings() == null ? Map.of() : in.ratings();
        for (Long id : ratings.keySet()) {
          if (!ids.contains(id)) {
            throw ApiException.invalid(at + "ratings", PollMsg.UNKNOWN_OPTION, "id", id);
          }
        }
        if (ratings.size() != ids.size()) {
          throw ApiException.invalid(at + "ratings", PollMsg.RATE_EVERYONE, "count", ids.size());
        }
        return BallotChoice.rating(ratings);
      }
    }
    throw new IllegalStateException(p.kind.name());
  }

  private static void unwanted(boolean given, String field) {
    if (given) {
      throw ApiException.invalid(field, PollMsg.WRONG_FIELD_FOR_KIND);
    }
  }

  private static Set<Long> optionIds(Poll p) {
    Set<Long> ids = new HashSet<>();
    PollOption.of(p.id).forEach(o -> ids.add(o.id));
    return ids;
  }
}
