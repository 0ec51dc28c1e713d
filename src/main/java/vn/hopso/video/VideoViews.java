package vn.hopso.video;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** What the video API answers. */
public final class VideoViews {
  private VideoViews() {}

  /**
   * How to join the meeting's conference: Jitsi's domain, the room, the token ({@code jwt}, valid
   * until {@code expiresAt}: ask again to rejoin later), the name shown and the affiliation. {@code
   * configured: false} (and nothing else) when the system has no Jitsi deployment.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VideoJoin(
      boolean configured,
      String domain,
      String room,
      String jwt,
      Instant expiresAt,
      String displayName,
      String affiliation) {
    static VideoJoin notConfigured() {
      return new VideoJoin(false, null, null, null, null, null, null);
    }
  }

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
