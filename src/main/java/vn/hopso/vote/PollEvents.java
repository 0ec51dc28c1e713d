package vn.hopso.vote;

import vn.hopso.common.DomainEvent;
import vn.hopso.meeting.Meeting;

/**
 * What happens to polls. The audit, the live channel and (later) the minutes observe these. None
 * carries a voter together with a choice: a ballot's event says only that one was cast.
 */
public final class PollEvents {
  private PollEvents() {}

  /**
   * A poll was created, changed, deleted, opened, closed or published ({@code action}: poll.created
   * …).
   */
  public record Changed(Meeting meeting, Poll poll, String action) implements DomainEvent {
    /** A draft's change: only those who manage polls learn of it. */
    public boolean draft() {
      return poll.state == PollState.DRAFT;
    }

    @Override
    public String target() {
      return "poll:" + poll.id;
    }

    @Override
    public String detail() {
      return poll.title;
    }
  }

  /**
   * A ballot was recorded ({@code participantId}: whose vote it is, cast by the caller). Audited as
   * "poll.voted" without the choice, for secret and named polls alike, as the person who cast it
   * ({@code actor}, their username) from where they cast it ({@code ip}): the ballot desk publishes
   * it outside the voter's request.
   */
  public record Voted(
      Meeting meeting, long pollId, long participantId, boolean changed, String actor, String ip)
      implements DomainEvent.Attributed {
    @Override
    public String action() {
      return changed ? "poll.vote-changed" : "poll.voted";
    }

    @Override
    public String target() {
      return "poll:" + pollId;
    }

    @Override
    public String detail() {
      return "participant:" + participantId;
    }
  }

  /** An analog poll's figures were entered by one source. */
  public record Counted(Meeting meeting, Poll poll, String source) implements DomainEvent {
    @Override
    public String action() {
      return "poll.counted";
    }

    @Override
    public String target() {
      return "poll:" + poll.id;
    }

    @Override
    public String detail() {
      return source;
    }
  }

  /** An open poll's count of ballots changed (announced live; not audited). */
  public record Progress(Meeting meeting, long pollId, long cast, long entitled)
      implements DomainEvent {
    @Override
    public String action() {
      return null;
    }
  }
}
