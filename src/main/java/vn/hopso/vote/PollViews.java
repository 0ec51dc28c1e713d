package vn.hopso.vote;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.hopso.common.Limits;

/** JSON shapes of polls, ballots and results (docs/votes.md). */
public final class PollViews {
  private PollViews() {}

  /** The majority rule as entered; numerator, denominator and strict only with CUSTOM. */
  public record RuleInput(
      @NotNull MajorityRule.Base base,
      @NotNull MajorityRule.Threshold threshold,
      @Min(1) @Max(100) Integer numerator,
      @Min(1) @Max(100) Integer denominator,
      Boolean strict,
      @NotNull MajorityRule.Tie tie) {}

  /**
   * A new poll, or a draft's new content ({@code version}: the draft's, required for updates).
   * Booleans left out are false.
   */
  public record PollInput(
      @NotBlank @Size(max = Limits.TITLE) String title,
      @Size(max = Limits.DESCRIPTION) String description,
      Long itemId,
      @NotNull PollKind kind,
      Boolean analog,
      Boolean secret,
      Boolean allowChange,
      @Min(10) @Max(86_400) Integer durationSeconds,
      @Min(1) @Max(500) Integer seats,
      ElectionStyle electionStyle,
      @Size(max = 500) List<@NotBlank @Size(max = Limits.TITLE) String> candidates,
      @NotNull @Valid RuleInput rule,
      Long version) {
    boolean isAnalog() {
      return Boolean.TRUE.equals(analog);
    }

    boolean isSecret() {
      return Boolean.TRUE.equals(secret);
    }

    boolean isAllowChange() {
      return Boolean.TRUE.equals(allowChange);
    }
  }

  public record RuleView(
      MajorityRule.Base base,
      MajorityRule.Threshold threshold,
      int numerator,
      int denominator,
      boolean strict,
      MajorityRule.Tie tie,
      String text) {}

  public record OptionView(long id, String label, int position) {}

  /** What the caller may do with this poll now (decided by the server; clients only read it). */
  public record PollCan(
      boolean edit,
      boolean delete,
      boolean open,
      boolean close,
      boolean publish,
      boolean vote,
      boolean enterCounts) {}

  /**
   * A vote the caller casts: their own, or a principal's whose proxy they hold. {@code choice} only
   * for a named poll (a secret one's is on the voter's device only).
   */
  public record MyVote(
      long participantId, String name, boolean proxy, boolean voted, BallotChoice choice) {}

  public record PollView(
      long id,
      long meetingId,
      Long itemId,
      String itemTitle,
      String title,
      String description,
      PollKind kind,
      boolean analog,
      boolean secret,
      boolean allowChange,
      Integer durationSeconds,
      Integer seats,
      ElectionStyle electionStyle,
      List<OptionView> options,
      RuleView rule,
      PollState state,
      Instant openedAt,
      Instant closesAt,
      Instant closedAt,
      Instant publishedAt,
      long entitled,
      long cast,
      List<MyVote> mine,
      PollCan can,
      PollResult result,
      String recordHash,
      long version,
      Instant now) {}

  /** One ballot. Exactly the field of the poll's kind: value, selected or ratings. */
  public record BallotInput(
      @NotNull UUID ballotId,
      Long participantId,
      YesNo value,
      @Size(max = 500) List<@NotNull Long> selected,
      @Size(max = 500) Map<Long, @NotNull Rating> ratings,
      UUID replaces) {}

  public record BallotBatch(
      @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid BallotInput> ballots) {}

  /** A ballot durably recorded: its receipt code is the voter's to check the published list. */
  public record BallotAck(
      UUID ballotId, long pollId, long participantId, String receipt, boolean changed) {}

  /** Figures of one source of an analog poll (the hall when endpointId is null); left out: 0. */
  public record CountInput(
      Long endpointId,
      @Min(0) @Max(1_000_000) Integer yes,
      @Min(0) @Max(1_000_000) Integer no,
      @Min(0) @Max(1_000_000) Integer abstain,
      @Min(0) @Max(1_000_000) Integer invalid,
      @Min(0) @Max(1_000_000) Integer ballots,
      @Size(max = 500) Map<Long, @NotNull @Valid OptionCount> options) {}

  public record OptionCount(
      @Min(0) @Max(1_000_000) Integer votes,
      @Min(0) @Max(1_000_000) Integer high,
      @Min(0) @Max(1_000_000) Integer medium,
      @Min(0) @Max(1_000_000) Integer low) {}

  public enum Decision {
    ADOPTED,
    NOT_ADOPTED
  }

  public enum Outcome {
    ELECTED,
    NOT_ELECTED,
    /** Tied for the last seat(s): another round decides. */
    TIED,
    /** Low confidence from at least the rule's share. */
    LOW_CONFIDENCE,
    CONFIDENCE
  }

  public record OptionResult(
      long optionId,
      String label,
      long votes,
      long against,
      long high,
      long medium,
      long low,
      Outcome outcome) {}

  /** The result: the rule, the figures, what was decided, and the words for it. */
  public record PollResult(
      RuleView rule,
      long members,
      long present,
      long cast,
      long valid,
      long invalid,
      long yes,
      long no,
      long abstain,
      long base,
      long required,
      Decision decision,
      boolean tie,
      boolean decidedByChair,
      List<OptionResult> options,
      String text,
      Instant snapshotAt) {}

  /** One published ballot: its receipt, what it recorded, and for a named poll who cast it. */
  public record ReceiptEntry(
      String receipt, BallotChoice choice, String choiceText, String voter) {}

  /**
   * The published list of a poll: anyone recounts it ({@code tally} is computed from it) and checks
   * the link of the meeting's chain ({@code recordHash} = SHA-256 of {@code prevHash} and this
   * record's canonical text).
   */
  public record ReceiptList(
      long pollId,
      boolean secret,
      List<ReceiptEntry> entries,
      PollResult tally,
      String prevHash,
      String recordHash,
      boolean recordVerifies) {}

  public record VoterRow(
      long participantId,
      String name,
      String unitName,
      boolean present,
      boolean voted,
      String castBy) {}

  /** Who may vote and who has; from the close on, the snapshot taken then. */
  public record Voters(
      long pollId, long entitled, long present, long voted, List<VoterRow> rows, Instant at) {}

  public record ChainLink(
      long pollId,
      String title,
      Instant publishedAt,
      String prevHash,
      String recordHash,
      boolean verifies) {}

  /**
   * The meeting's published polls as a hash chain: each link is SHA-256 of the previous link and
   * the poll's published record; {@code head} is the last link (the minutes carry it).
   */
  public record Chain(
      long meetingId, String genesis, String head, boolean intact, List<ChainLink> links) {}
}
