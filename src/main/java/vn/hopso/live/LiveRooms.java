package vn.hopso.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import vn.hopso.common.ApiException;
import vn.hopso.common.StrictInput;
import vn.hopso.meeting.MeetingMsg;
import vn.hopso.video.RoomStatusService;
import vn.hopso.video.RoomViews.RoomReport;

/**
 * A room's display on its meeting's socket: its connection counts as the room being connected, and
 * it reports its status (in the conference, camera, microphone, quality, readiness check) every few
 * seconds and whenever it changes:
 *
 * <pre>
 * → {"type":"room.status","conference":"JOINED","camera":"ON","microphone":"MUTED",
 *    "quality":"GOOD","jitsiId":"1a2b3c","checks":{"camera":true}}
 * ← {"type":"room.status.refused","problem":{…problem+json in the display's language…}}
 * </pre>
 *
 * Nothing answers a report that was taken; a refused one (bad input, not a room's socket, outside
 * the meeting's window) is answered with the problem.
 */
@ApplicationScoped
public class LiveRooms {
  @Inject RoomStatusService rooms;
  @Inject StrictInput input;
  @Inject ObjectMapper json;

  void opened(LiveConnection c) {
    if (c.endpointId != null && c.meetingId != 0) {
      rooms.connected(c.meetingId, c.endpointId);
    }
  }

  void closed(LiveConnection c) {
    if (c.endpointId != null && c.meetingId != 0) {
      rooms.disconnected(c.meetingId, c.endpointId);
    }
  }

  void report(LiveConnection c, JsonNode node) {
    try {
      if (c.endpointId == null || c.meetingId == 0) {
        throw ApiException.forbidden(MeetingMsg.NEED_ROOM);
      }
      RoomReport r = input.read(node, RoomReport.class);
      rooms
          .report(c.meetingId, c.endpointId, r)
          .whenCompleteAsync(
              (ok, failure) -> {
                if (failure != null) {
                  Throwable cause =
                      failure instanceof CompletionException ? failure.getCause() : failure;
                  refuse(
                      c,
                      cause instanceof ApiException api
                          ? api
                          : ApiException.internal(cause, "a room's status report failed"));
                }
              },
              c.loop);
    } catch (ApiException refused) {
      refuse(c, refused);
    }
  }

  private void refuse(LiveConnection c, ApiException refused) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", "room.status.refused");
    out.put("problem", refused.toProblem(c.lang));
    try {
      c.send(json.writeValueAsString(out));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
