package vn.hopso.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import vn.hopso.common.ApiException;
import vn.hopso.common.Msg;
import vn.hopso.common.Role;
import vn.hopso.common.VietnameseDates;

/**
 * Decides what a caller may do with a meeting, from the {@link MeetingOp} table, the caller's
 * {@link Relation} to the meeting and the time. Services ask it before every change; answers carry
 * its verdicts as {@link MeetingViews.Capabilities}.
 */
@ApplicationScoped
public class MeetingPolicy {
  /** Check-in, head counts and the start are possible from this long before the planned start. */
  public static final Duration EARLY_START = Duration.ofHours(2);

  @Inject Clock clock;

  /** The outcome of asking whether an operation may happen now. */
  public record Decision(int status, Msg msg, Object[] params) {
    static final Decision ALLOWED = new Decision(200, null, null);

    public boolean allowed() {
      return status == 200;
    }

    public ApiException toException() {
      return status == 403
          ? ApiException.forbidden(msg, params)
          : ApiException.conflict(msg, params);
    }
  }

  /** Whether the operation may happen now: the cheap answer, for capability flags and views. */
  public boolean allowed(Meeting m, Relation r, MeetingOp op) {
    return allowed(m, r, op, clock.instant());
  }

  public boolean allowed(Meeting m, Relation r, MeetingOp op, Instant now) {
    return whoRefusal(r, op.who) == null
        && op.states.contains(m.status)
        && !(op.lead != null
            && m.status == MeetingStatus.SCHEDULED
            && now.isBefore(opensAt(m, op)));
  }

  /**
   * Whether the operation may happen now, and why not (with the message's parameters). The same
   * rule as {@link #allowed}; only refusals need the explanation, so only {@link #require} asks.
   */
  public Decision decide(Meeting m, Relation r, MeetingOp op) {
    return decide(m, r, op, clock.instant());
  }

  public Decision decide(Meeting m, Relation r, MeetingOp op, Instant now) {
    Msg refusal = whoRefusal(r, op.who);
    if (refusal != null) {
      return new Decision(403, refusal, new Object[0]);
    }
    if (!op.states.contains(m.status)) {
      return new Decision(
          409, MeetingMsg.WRONG_STATE, new Object[] {"action", op, "status", m.status});
    }
    if (op.lead != null && m.status == MeetingStatus.SCHEDULED && now.isBefore(opensAt(m, op))) {
      return new Decision(
          409,
          MeetingMsg.NOT_YET,
          new Object[] {
            "action",
            op,
            "opensAt",
            opensAt(m, op),
            "opensAtText",
            VietnameseDates.shortDateTime(opensAt(m, op))
          });
    }
    return Decision.ALLOWED;
  }

  public void require(Meeting m, Relation r, MeetingOp op) {
    Instant now = clock.instant();
    if (!allowed(m, r, op, now)) {
      throw decide(m, r, op, now).toException();
    }
  }

  /** When an operation with a lead time opens (see {@link MeetingOp#lead}). */
  static Instant opensAt(Meeting m, MeetingOp op) {
    return m.startsAt.minus(op.lead);
  }

  /** When check-in, head counts and the start open. */
  public static Instant opensAt(Meeting m) {
    return m.startsAt.minus(EARLY_START);
  }

  private static Msg whoRefusal(Relation r, MeetingOp.Who who) {
    return switch (who) {
      case MANAGER -> r.manager() ? null : MeetingMsg.NEED_MANAGER;
      case RUNNER -> r.runner() ? null : MeetingMsg.NEED_RUNNER;
      case CHAIR -> r.chair() ? null : MeetingMsg.NEED_CHAIR;
      case PARTICIPANT -> r.participant() != null ? null : MeetingMsg.NEED_PARTICIPANT;
      case VOTER_OR_MANAGER ->
          r.manager() || (r.participant() != null && r.participant().voting)
              ? null
              : MeetingMsg.NEED_VOTER_OR_MANAGER;
      case ROOM -> r.room() ? null : MeetingMsg.NEED_ROOM;
      case ROOM_OR_MANAGER -> r.manager() || r.room() ? null : MeetingMsg.NEED_ROOM_OR_MANAGER;
      case ROOM_OR_RUNNER -> r.runner() || r.room() ? null : MeetingMsg.NEED_ROOM_OR_RUNNER;
      case PARTICIPANT_OR_ROOM ->
          r.participant() != null || r.room() ? null : MeetingMsg.NEED_PARTICIPANT;
      case READER -> r.runner() || r.participant() != null ? null : MeetingMsg.NEED_PARTICIPANT;
      case ATTENDEE ->
          r.runner() || r.participant() != null || r.room() ? null : MeetingMsg.NEED_PARTICIPANT;
      case VIEWER -> null;
    };
  }

  /** Every capability of the caller on this meeting, for the answer. */
  public MeetingViews.Capabilities capabilities(Meeting m, Relation r) {
    Instant now = clock.instant();
    return new MeetingViews.Capabilities(
        can(m, r, MeetingOp.EDIT, now),
        can(m, r, MeetingOp.SCHEDULE, now),
        can(m, r, MeetingOp.POSTPONE, now),
        can(m, r, MeetingOp.CANCEL, now),
        can(m, r, MeetingOp.START, now),
        can(m, r, MeetingOp.END, now),
        can(m, r, MeetingOp.PUBLISH_MINUTES, now),
        can(m, r, MeetingOp.ARCHIVE, now),
        can(m, r, MeetingOp.EDIT_PARTICIPANTS, now),
        can(m, r, MeetingOp.EDIT_ROOMS, now),
        can(m, r, MeetingOp.EDIT_AGENDA, now),
        can(m, r, MeetingOp.SET_PROXY, now) && r.participant() != null && r.participant().voting,
        can(m, r, MeetingOp.SET_PROXY, now) && r.manager(),
        can(m, r, MeetingOp.CHECK_IN, now),
        can(m, r, MeetingOp.MARK_ATTENDANCE, now),
        can(m, r, MeetingOp.REPORT_HEAD_COUNT, now),
        can(m, r, MeetingOp.REPLY, now),
        can(m, r, MeetingOp.VIEW_QUORUM, now),
        can(m, r, MeetingOp.VIEW_ATTENDANCE_LOG, now),
        can(m, r, MeetingOp.VIEW_DELIVERIES, now),
        can(m, r, MeetingOp.RETRY_DELIVERY, now),
        can(m, r, MeetingOp.RUN_SESSION, now),
        can(m, r, MeetingOp.ASK_TO_SPEAK, now),
        can(m, r, MeetingOp.READ_DOCUMENTS, now),
        can(m, r, MeetingOp.MANAGE_DOCUMENTS, now),
        can(m, r, MeetingOp.ANNOTATE, now),
        can(m, r, MeetingOp.VIEW_READS, now),
        can(m, r, MeetingOp.REMIND_READERS, now),
        can(m, r, MeetingOp.MANAGE_POLLS, now),
        can(m, r, MeetingOp.OPEN_POLL, now),
        can(m, r, MeetingOp.VOTE, now),
        can(m, r, MeetingOp.ENTER_COUNTS, now),
        can(m, r, MeetingOp.JOIN_VIDEO, now),
        can(m, r, MeetingOp.REPORT_ROOM_STATUS, now),
        can(m, r, MeetingOp.VIEW_ROOM_STATUS, now),
        can(m, r, MeetingOp.COMMAND_VIDEO, now),
        r.manager(),
        r.runner(),
        m.status == MeetingStatus.SCHEDULED || m.status == MeetingStatus.IN_PROGRESS
            ? opensAt(m)
            : null);
  }

  private boolean can(Meeting m, Relation r, MeetingOp op, Instant now) {
    return allowed(m, r, op, now);
  }

  /**
   * How the caller stands to one meeting. {@code participant}: their own participation, if any;
   * {@code room}: they are the device account of a room taking part.
   */
  public record Relation(
      boolean admin, boolean manager, boolean chair, Participant participant, boolean room) {
    public boolean runner() {
      return manager || chair;
    }

    static Relation of(Meeting m, vn.hopso.common.Viewer v, Participant mine, boolean room) {
      Long me = v.personId();
      boolean admin = v.has(Role.ADMIN);
      boolean manager =
          admin
              || (me != null
                  && v.has(Role.SECRETARY)
                  && ((m.secretary != null && me.equals(m.secretary.id))
                      || (m.createdBy != null && me.equals(m.createdBy.id))));
      boolean chair = me != null && me.equals(m.chair.id);
      return new Relation(admin, manager, chair, mine, room && v.has(Role.ENDPOINT));
    }
  }
}
