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
}
