package vn.hopso.video;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Every room's status in a meeting: what displays report and what the chair's grid shows. */
public final class RoomViews {
  private RoomViews() {}

  /** Where the room's display stands with the video conference. */
  public enum ConferenceState {
    /** Not joining (video not configured, or not started yet). */
    NONE,
    JOINING,
    JOINED,
    /** It left, or the conference failed. */
    LEFT
  }

  /** A camera or microphone: on, muted, missing (none found or refused), or not known yet. */
  public enum MediaState {
    ON,
    MUTED,
    MISSING,
    UNKNOWN
  }

  /**
   * The display's connection, graded by the display from what it measures (see the web app's {@code
   * roomStatus.ts}): the video's own signals and the live channel's round trip.
   */
  public enum LinkQuality {
    GOOD,
    FAIR,
    POOR,
    UNKNOWN
  }

  /** Why a room is not ready, in the order the grid names them. */
  public enum RoomProblem {
    OFFLINE,
    NOT_IN_CONFERENCE,
    CAMERA_MISSING,
    CAMERA_MUTED,
    MICROPHONE_MISSING,
    POOR_CONNECTION,
    NOT_CHECKED
  }

  /** The readiness check: what the room has confirmed works. */
  public record RoomChecks(boolean camera, boolean microphone, boolean speakers) {
    boolean all() {
      return camera && microphone && speakers;
    }
  }

  /**
   * One room of the meeting. {@code ready}: connected, in the conference with its camera on, a
   * microphone, a connection that is not poor, and its readiness check done; otherwise {@code
   * problems} says why (the one rule: {@link RoomStatusService#problems}).
   */
  public record RoomState(
      long endpointId,
      String code,
      String name,
      long unitId,
      String unitName,
      boolean host,
      boolean connected,
      ConferenceState conference,
      MediaState camera,
      MediaState microphone,
      LinkQuality quality,
      String jitsiId,
      RoomChecks checks,
      Instant seenAt,
      boolean ready,
      List<RoomProblem> problems) {}

  public record RoomCounts(
      int total, int connected, int inConference, int ready, int notReady, int checked) {}

  /**
   * The whole grid: the rooms in Vietnamese order of their unit, then of their names (the web app
   * groups them by unit), with the counts.
   */
  public record RoomBoard(Instant now, RoomCounts counts, List<RoomState> rooms) {}

  /** What {@code rooms.status} events carry: the rooms that changed, and the new counts. */
  public record RoomsStatus(RoomCounts counts, List<RoomState> rooms) {}

  /**
   * A display's report on its meeting's live socket ({@code type} routes it there): its state now,
   * and the parts of the readiness check it confirms ({@code true}) or reports failing ({@code
   * false}); a part left out keeps its answer.
   */
  public record RoomReport(
      @NotNull String type,
      @NotNull ConferenceState conference,
      @NotNull MediaState camera,
      @NotNull MediaState microphone,
      LinkQuality quality,
      @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:@-]*") String jitsiId,
      @Valid RoomCheckAnswers checks) {}

  public record RoomCheckAnswers(Boolean camera, Boolean microphone, Boolean speakers) {
    /** The answers of {@code later} over those of {@code earlier} (either may be null). */
    static RoomCheckAnswers merge(RoomCheckAnswers earlier, RoomCheckAnswers later) {
      if (earlier == null || later == null) {
        return later != null ? later : earlier;
      }
      return new RoomCheckAnswers(
          later.camera != null ? later.camera : earlier.camera,
          later.microphone != null ? later.microphone : earlier.microphone,
          later.speakers != null ? later.speakers : earlier.speakers);
    }
  }
}
