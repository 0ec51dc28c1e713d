package vn.hopso.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hopso.video.RoomViews.ConferenceState;
import vn.hopso.video.RoomViews.LinkQuality;
import vn.hopso.video.RoomViews.MediaState;
import vn.hopso.video.RoomViews.RoomProblem;

/** The one rule of a room's readiness ({@link RoomStatusService#problems}), case by case. */
class RoomProblemsTest {
  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  static RoomStatusRow ready() {
    RoomStatusRow r = new RoomStatusRow();
    r.connected = true;
    r.seenAt = NOW.minusSeconds(5);
    r.conference = ConferenceState.JOINED;
    r.camera = MediaState.ON;
    r.microphone = MediaState.MUTED;
    r.quality = LinkQuality.GOOD;
    r.cameraOkAt = r.microphoneOkAt = r.speakersOkAt = NOW.minusSeconds(600);
    return r;
  }

  static List<RoomProblem> problems(RoomStatusRow r) {
    return RoomStatusService.problems(r, NOW);
  }

  @Test
  void aRoomInTheConferenceWithItsDevicesCheckedIsReady() {
    assertEquals(List.of(), problems(ready()));
    RoomStatusRow unknownQuality = ready();
    unknownQuality.quality = LinkQuality.UNKNOWN;
    assertEquals(List.of(), problems(unknownQuality), "nothing measured is no problem");
    RoomStatusRow fair = ready();
    fair.quality = LinkQuality.FAIR;
    assertEquals(List.of(), problems(fair));
  }

  @Test
  void aRoomNeverSeenOrNotRefreshedIsOffline() {
    assertEquals(List.of(RoomProblem.OFFLINE, RoomProblem.NOT_CHECKED), problems(null));
    RoomStatusRow stale = ready();
    stale.seenAt = NOW.minus(RoomStatusService.STALE).minusSeconds(1);
    assertEquals(List.of(RoomProblem.OFFLINE), problems(stale), "its display or instance is gone");
    RoomStatusRow left = ready();
    left.connected = false;
    assertEquals(List.of(RoomProblem.OFFLINE), problems(left));
  }

  @Test
  void eachProblemIsNamed() {
    RoomStatusRow joining = ready();
    joining.conference = ConferenceState.JOINING;
    joining.camera = MediaState.MUTED; // not counted before it is in the conference
    assertEquals(List.of(RoomProblem.NOT_IN_CONFERENCE), problems(joining));

    RoomStatusRow devices = ready();
    devices.camera = MediaState.MISSING;
    devices.microphone = MediaState.MISSING;
    devices.quality = LinkQuality.POOR;
    assertEquals(
        List.of(
            RoomProblem.CAMERA_MISSING,
            RoomProblem.MICROPHONE_MISSING,
            RoomProblem.POOR_CONNECTION),
        problems(devices));

    RoomStatusRow cameraOff = ready();
    cameraOff.camera = MediaState.MUTED;
    assertEquals(List.of(RoomProblem.CAMERA_MUTED), problems(cameraOff));

    RoomStatusRow unchecked = ready();
    unchecked.speakersOkAt = null;
    assertEquals(List.of(RoomProblem.NOT_CHECKED), problems(unchecked));
  }
}
