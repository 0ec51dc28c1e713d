package vn.hopso.speaker;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import vn.hopso.common.Limits;

/** JSON shapes of the speaking queue. */
public final class SpeakerViews {
  private SpeakerViews() {}

  /** Asking for the floor; a room's device gives the room ({@code endpointId}). */
  public record RequestInput(
      @NotNull SpeakerKind kind, @Size(max = Limits.SHORT_NOTE) String note, Long endpointId) {}

  public record MoveInput(@NotNull @Min(0) @Max(10_000) Integer position) {}

  /** Gives the floor to this request, or to the first in the queue when null. */
  public record FloorInput(Long requestId) {}

  /** The meeting's default time of one speech, in seconds (30 s to 1 h). */
  public record SpeechLimitInput(@NotNull @Min(30) @Max(3600) Integer seconds) {}

  /**
   * One request or speech. {@code name}: the person's, or the room's for a room. Timers: elapsed =
   * (now or endedAt or pausedAt) − startedAt − pausedSeconds; overrun past limitSeconds.
   */
  public record Speech(
      long id,
      Long personId,
      String name,
      String position,
      String unitName,
      Long endpointId,
      String endpointName,
      SpeakerKind kind,
      SpeakerState state,
      int order,
      String note,
      Long itemId,
      String itemTitle,
      Instant requestedAt,
      Instant startedAt,
      Instant endedAt,
      Instant pausedAt,
      long pausedSeconds,
      int limitSeconds,
      boolean mine) {}

  /** The queue as everyone sees it; {@code now} lets clients run the countdown in step. */
  public record Queue(
      boolean open,
      int defaultLimitSeconds,
      Speech current,
      List<Speech> waiting,
      List<Speech> done,
      Instant now) {}
}
