package vn.hopso.vote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.hopso.common.ApiException;
import vn.hopso.common.DomainEvent;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingAccess.Access;
import vn.hopso.meeting.MeetingOp;
import vn.hopso.meeting.Participant;
import vn.hopso.vote.PollViews.BallotAck;
import vn.hopso.vote.PollViews.BallotInput;

/**
 * Casting ballots. A ballot is acknowledged only when its transaction has committed (the resource
 * answers after this service returns). A ballot id made by the client makes a retry harmless: the
 * same id answers the same receipt; another id for a principal who has voted is a second ballot and
 * is refused, unless it replaces the current one in a poll that allows changes.
 *
 * <p>Nothing here writes a voter next to a choice for a secret poll: the "has voted" record keeps a
 * hash of the ballot id, the ballot keeps a random id, its receipt and its choice. No log line is
 * written here at all, and the event says only that a ballot was cast.
 */
@ApplicationScoped
@Transactional
public class BallotService {
  @Inject MeetingAccess access;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;
  @Inject EntityManager em;

  public BallotAck cast(long pollId, BallotInput in) {
    Poll p = Poll.locked(pollId, false);
    Access a = voter(p);
    BallotAck ack = castOne(p, a, in, "");
    em.flush(); // a duplicate surfaces here, inside the transaction, and the caller retries
    return ack;
  }

  /** A proxy holder's ballots at once: each principal's separately, all or none recorded. */
  public List<BallotAck> castAll(long pollId, List<BallotInput> ballots) {
    Poll p = Poll.locked(pollId, false);
    Access a = voter(p);
    Set<UUID> ids = new HashSet<>();
    Set<Long> principals = new HashSet<>();
    List<BallotAck> acks = new ArrayList<>();
    for (int i = 0; i < ballots.size(); i++) {
      BallotInput in = ballots.get(i);
      String at = "ballots[" + i + "].";
      if (!ids.add(in.ballotId())) {
        throw ApiException.invalid(at + "ballotId", PollMsg.NO_BALLOT_ID_REUSE);
      }
      long principal = in.participantId() == null ? a.mine().id : in.participantId();
      if (!principals.add(principal)) {
        throw ApiException.invalid(at + "participantId", PollMsg.ALREADY_VOTED);
      }
      acks.add(castOne(p, a, in, at));
    }
    em.flush();
    return acks;
  }

  /**
   * The caller's access as a participant. The operation itself (VOTE: the meeting in progress) is
   * checked after a retry is recognised, so that a ballot acknowledged just before the meeting
   * ended still answers its receipt when sent again.
   */
  private Access voter(Poll p) {
    Access a = access.require(p.meeting.id, MeetingOp.FOLLOW_LIVE);
    if (a.mine() == null) {
      access.require(a, MeetingOp.VOTE); // refuses with the reason
    }
    return a;
  }

  private BallotAck castOne(Poll p, Access a, BallotInput in, String at) {
    if (p.analog) {
      throw ApiException.conflict(PollMsg.ANALOG_NO_BALLOTS);
    }
    Participant me = a.mine();
    Participant principal = principal(a, me, in, at);
    BallotChoice choice = choice(p, in, at);
    String hash = Receipts.hash(in.ballotId());
    PollVoter voted =
        PollVoter.find("pollId = ?1 and participantId = ?2", p.id, principal.id).firstResult();
    if (voted != null && in.replaces() != null) {
      // a change: read again under the row's lock, so that two changes sent at once are decided
      // one after the other (the second then names a ballot that is no longer the current one)
      em.refresh(voted, LockModeType.PESSIMISTIC_WRITE);
    }
    if (voted != null && voted.ballotHash.equals(hash)) {
      // the same ballot again (a retry, perhaps after the close): the same answer, if it is
      // really the same ballot
      String receipt = Receipts.receipt(p.ballotKey, in.ballotId());
      Ballot b = Ballot.find("pollId = ?1 and receipt = ?2", p.id, receipt).firstResult();
      if (b == null || !b.choice.equals(choice.encode())) {
        throw ApiException.conflictOn(at + "ballotId", PollMsg.NO_BALLOT_ID_REUSE);
      }
      return new BallotAck(in.ballotId(), p.id, principal.id, receipt, false);
    }
    access.require(a, MeetingOp.VOTE);
    if (p.state != PollState.OPEN) {
      throw ApiException.conflict(PollMsg.NOT_OPEN);
    }
    if (p.closesAt != null && clock.instant().isAfter(p.closesAt)) {
      throw ApiException.conflict(PollMsg.TIME_UP);
    }
    if (!me.attendance.present()) {
      throw ApiException.conflict(PollMsg.NOT_PRESENT);
    }
    String receipt = Receipts.receipt(p.ballotKey, in.ballotId());
    if (voted != null) {
      if (in.replaces() == null) {
        throw ApiException.conflict(PollMsg.ALREADY_VOTED);
      }
      if (!p.allowChange) {
        throw ApiException.conflict(PollMsg.NO_CHANGE);
      }
      if (!voted.ballotHash.equals(Receipts.hash(in.replaces()))) {
        throw ApiException.conflictOn(at + "replaces", PollMsg.WRONG_REPLACES);
      }
      Ballot b =
          Ballot.find(
                  "pollId = ?1 and receipt = ?2",
                  p.id,
                  Receipts.receipt(p.ballotKey, in.replaces()))
              .firstResult();
      if (b == null) {
        throw ApiException.conflictOn(at + "replaces", PollMsg.WRONG_REPLACES);
      }
      b.receipt = receipt;
      b.choice = choice.encode();
      voted.ballotHash = hash;
      voted.castBy = me.person.id;
      voted.votedAt = clock.instant();
      events.fire(new PollEvents.Voted(a.meeting(), p.id, principal.id, true));
      return new BallotAck(in.ballotId(), p.id, principal.id, receipt, true);
    }
    if (in.replaces() != null) {
      throw ApiException.conflictOn(at + "replaces", PollMsg.WRONG_REPLACES);
    }
    PollVoter v = new PollVoter();
    v.pollId = p.id;
    v.participantId = principal.id;
    v.personId = principal.person.id;
    v.castBy = me.person.id;
    v.ballotHash = hash;
    v.votedAt = clock.instant();
    v.persist();
    Ballot b = new Ballot();
    b.id = UUID.randomUUID().toString(); // never the client's id, never in any order
    b.pollId = p.id;
    b.receipt = receipt;
    b.choice = choice.encode();
    b.participantId = p.secret ? null : principal.id;
    b.persist();
    events.fire(new PollEvents.Voted(a.meeting(), p.id, principal.id, false));
    return new BallotAck(in.ballotId(), p.id, principal.id, receipt, false);
  }

  /** Whose vote this is: the caller's own, or a principal's whose proxy the caller holds. */
  private static Participant principal(Access a, Participant me, BallotInput in, String at) {
    if (in.participantId() == null || in.participantId().equals(me.id)) {
      if (me.proxy != null) {
        throw ApiException.conflict(PollMsg.PROXY_GIVEN, "name", me.proxy.person.fullName);
      }
      if (!me.voting) {
        throw ApiException.forbidden(PollMsg.NO_VOTING_RIGHT);
      }
      return me;
    }
    Participant principal = Participant.findById(in.participantId());
    if (principal == null
        || !principal.meeting.id.equals(a.meeting().id)
        || principal.proxy == null
        || !principal.proxy.id.equals(me.id)) {
      throw ApiException.forbidden(PollMsg.NOT_YOUR_PROXY);
    }
    if (!principal.voting) {
      throw ApiException.forbidden(PollMsg.NO_VOTING_RIGHT);
    }
    return principal;
  }

  /** The ballot's choice, checked against the poll: exactly the field of its kind, complete. */
  static BallotChoice choice(Poll p, BallotInput in, String at) {
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
        Set<Long> ids = optionIds(p);
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
        Set<Long> ids = optionIds(p);
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
