package vn.hopso.video;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import vn.hopso.video.RoomViews.ConferenceState;
import vn.hopso.video.RoomViews.LinkQuality;
import vn.hopso.video.RoomViews.MediaState;

/**
 * A room's status in one meeting, as its display last reported it (shared by every instance). A row
 * not refreshed for {@link RoomStatusService#STALE} is a display that is gone.
 */
@Entity
@Table(name = "room_status")
public class RoomStatusRow extends PanacheEntityBase {
  @Embeddable
  public record Key(
      @Column(name = "meeting_id") long meetingId, @Column(name = "endpoint_id") long endpointId)
      implements Serializable {}

  @EmbeddedId public Key key;

  /** The instance that wrote it last (the one the display is connected to). */
  @Column(name = "instance_id", nullable = false, length = 40)
  public String instanceId;

  @Column(nullable = false)
  public boolean connected;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public ConferenceState conference = ConferenceState.NONE;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public MediaState camera = MediaState.UNKNOWN;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public MediaState microphone = MediaState.UNKNOWN;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public LinkQuality quality = LinkQuality.UNKNOWN;

  /** The room's participant id in the Jitsi conference (for the chair's console commands). */
  @Column(name = "jitsi_id", length = 64)
  public String jitsiId;

  /** When the room confirmed each part of its readiness check (null: not confirmed). */
  @Column(name = "camera_ok_at")
  public Instant cameraOkAt;

  @Column(name = "microphone_ok_at")
  public Instant microphoneOkAt;

  @Column(name = "speakers_ok_at")
  public Instant speakersOkAt;

  @Column(name = "connected_at")
  public Instant connectedAt;

  @Column(name = "seen_at", nullable = false)
  public Instant seenAt;
}
