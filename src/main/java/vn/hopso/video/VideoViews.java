package vn.hopso.video;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** What the video API answers. */
public final class VideoViews {
  private VideoViews() {}

  /**
   * How to join the meeting's conference: Jitsi's domain, the room, the token ({@code jwt}, valid
   * until {@code expiresAt}: ask again to rejoin later), the name shown, the affiliation, and the
   * role: {@code PARTICIPANT} on the stage, {@code VISITOR} (the token asks Jitsi for a visitor's
   * place) for the others of a large meeting ({@link StageService}), and whose place it is on the
   * stage ({@code endpointId} for a room's device, else {@code personId}). {@code configured:
   * false} (and nothing else) when the system has no Jitsi deployment.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VideoJoin(
      boolean configured,
      String domain,
      String room,
      String jwt,
      Instant expiresAt,
      String displayName,
      String affiliation,
      StageRole role,
      Long endpointId,
      Long personId) {
    static VideoJoin notConfigured() {
      return new VideoJoin(false, null, null, null, null, null, null, null, null, null);
    }
  }

  /** How one joins the conference. */
  public enum StageRole {
    /** A full participant: sends and receives video and sound. */
    PARTICIPANT,
    /** Jitsi's visitor: receives the conference, sends nothing until promoted. */
    VISITOR
  }

  /**
   * The conference's stage ({@code video.stage} events and {@code GET …/video/stage}): whether the
   * meeting is large (more possible joiners than {@code max}, the stage's seats), and then the
   * rooms and people on it; in a meeting that is not large, everyone joins as a participant.
   */
  public record StageView(
      boolean large, int max, int joiners, List<Long> endpointIds, List<Long> personIds) {}

  /** The chair's commands to the conference. */
  public enum VideoAction {
    /** Every microphone off (the chair's own client as moderator; every room's screen too). */
    MUTE_ALL,
    /** One room's microphone off. */
    MUTE,
    /** A room asked to turn its microphone on (its screen shows the request). */
    ASK_UNMUTE,
    /** A room's video large on every screen (follow-me). */
    SPOTLIGHT,
    END_SPOTLIGHT,
    LOBBY_ON,
    LOBBY_OFF,
    /** A room out of the conference (its screen does not join again by itself). */
    REMOVE;

    boolean needsRoom() {
      return this == MUTE || this == ASK_UNMUTE || this == SPOTLIGHT || this == REMOVE;
    }
  }

  /** {@code endpointId}: the room, for the commands about one room. */
  public record VideoCommand(
      @jakarta.validation.constraints.NotNull VideoAction action, Long endpointId) {}

  /**
   * The command as every client receives it ({@code video.command} events): the room and its
   * participant id in the conference, when known (from its screen's reports).
   */
  public record VideoCommandView(
      VideoAction action, Long endpointId, String roomName, String jitsiId) {}
}
