package vn.hopso.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.hopso.common.ApiException;
import vn.hopso.common.CurrentUser;
import vn.hopso.common.Role;
import vn.hopso.common.Viewer;
import vn.hopso.meeting.MeetingPolicy.Relation;
import vn.hopso.org.Endpoint;

/**
 * The gate to one meeting for the caller: it must be visible ({@link MeetingVisibility}), and the
 * operation allowed ({@link MeetingPolicy}). Every service of every feature that touches a meeting
 * goes through here.
 */
@ApplicationScoped
public class MeetingAccess {
  @Inject CurrentUser current;
  @Inject MeetingPolicy policy;
  @Inject EntityManager em;

  /** A meeting the caller may see, and how they stand to it. */
  public record Access(Meeting meeting, Relation relation) {
    public Participant mine() {
      return relation.participant();
    }

    public boolean manager() {
      return relation.manager();
    }
  }

  /** The meeting, if the caller may see it (404 when it does not exist, 403 when hidden). */
  public Access view(long id) {
    Meeting m = find(id);
    Viewer v = current.viewer();
    Relation r = relation(m, v);
    if (!visible(v, m, r)) {
      throw ApiException.forbidden(MeetingMsg.NOT_VISIBLE);
    }
    return new Access(m, r);
  }

  /** The visibility rule decided from the loaded relation (no query), as {@link #visible}. */
  static boolean visible(Viewer v, Meeting m, Relation r) {
    return MeetingVisibility.allows(v, m, r.participant() != null, r.room());
  }

  /** The meeting, if the caller may see it and do {@code op} now (else 403 or 409). */
  public Access require(long id, MeetingOp op) {
    if (op.serialized()) {
      Meeting.lockRow(id); // before reading the meeting: see MeetingOp#serialized
    }
    Access a = view(id);
    policy.require(a.meeting(), a.relation(), op);
    return a;
  }

  public void require(Access a, MeetingOp op) {
    policy.require(a.meeting(), a.relation(), op);
  }

  /**
   * Requires an operation that participation alone decides ({@link MeetingOp.Who#PARTICIPANT}: a
   * ballot) for someone whose participant row, or its absence, was loaded in bulk with others': the
   * ballot desk decides a batch of ballots without a view per caller. The rule is still the
   * policy's; whether the meeting is visible to a non-participant is the caller's to ask ({@link
   * #visible}).
   */
  public void requireAsParticipant(Meeting m, boolean participant, MeetingOp op) {
    if (op.who != MeetingOp.Who.PARTICIPANT) {
      throw new IllegalArgumentException(op + " is not decided by participation alone");
    }
    // the caller's row was read as values; for these operations only its presence counts
    policy.require(m, new Relation(false, false, false, participant ? PRESENT : null, false), op);
  }

  /**
   * Whether the device account of one of the meeting's rooms may do {@code op} now: for what a
   * room's display sends on its live socket, whose room was decided when its ticket was issued.
   */
  public boolean allowedAsRoom(Meeting m, MeetingOp op) {
    return policy.allowed(m, AS_ROOM, op);
  }

  /** Why a room's device account may not do {@code op} now (see {@link #allowedAsRoom}). */
  public ApiException decideAsRoom(Meeting m, MeetingOp op) {
    return policy.decide(m, AS_ROOM, op).toException();
  }

  private static final Relation AS_ROOM = new Relation(false, false, false, null, true);

  /** Stands for a participant whose row was read as values (see requireAsParticipant). */
  private static final Participant PRESENT = new Participant();

  /** Whether the caller may do {@code op} now, without the explanation a refusal carries. */
  public boolean allowed(Meeting m, Relation r, MeetingOp op) {
    return policy.allowed(m, r, op);
  }

  public MeetingViews.Capabilities capabilities(Access a) {
    return policy.capabilities(a.meeting(), a.relation());
  }

  /** True when the viewer may see the meeting with this id (the one visibility rule). */
  public boolean visible(Viewer v, long meetingId) {
    return !visibleAmong(v, List.of(meetingId)).isEmpty();
  }

  /** The ids among {@code ids} that the viewer may see. */
  public Set<Long> visibleAmong(Viewer v, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    MeetingVisibility.Predicate p = MeetingVisibility.of(v, "e");
    TypedQuery<Long> q =
        em.createQuery(
            "select e.id from Meeting e where e.id in :ids and " + p.where(), Long.class);
    q.setParameter("ids", ids);
    p.params().forEach(q::setParameter);
    return new HashSet<>(q.getResultList());
  }

  public Relation relation(Meeting m, Viewer v) {
    Participant mine = null;
    boolean room = false;
    if (v.signedIn()) {
      mine = Participant.find("meeting = ?1 and person.id = ?2", m, v.personId()).firstResult();
      room =
          v.has(Role.ENDPOINT)
              && MeetingEndpoint.count("meeting = ?1 and endpoint.account.id = ?2", m, v.personId())
                  > 0;
    }
    return Relation.of(m, v, mine, room);
  }

  /** True when the caller is the device account of this endpoint. */
  public boolean operates(Endpoint e) {
    Long me = current.personId();
    return me != null && e.account != null && me.equals(e.account.id);
  }

  public static Meeting find(long id) {
    Meeting m = Meeting.findById(id);
    if (m == null) {
      throw ApiException.notFound(MeetingMsg.MEETING, id);
    }
    return m;
  }
}
