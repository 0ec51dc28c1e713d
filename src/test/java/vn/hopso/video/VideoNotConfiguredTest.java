package vn.hopso.video;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;

/** Without a Jitsi deployment: the token call says so; nothing fails. */
@QuarkusTest
@TestProfile(VideoNotConfiguredTest.NoJitsi.class)
class VideoNotConfiguredTest {
  public static class NoJitsi implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("hopso.jitsi.domain", "", "hopso.jitsi.secret", "");
    }
  }

  @Test
  void theTokenCallSaysVideoIsNotConfigured() {
    {
      Object[] m = VideoTokenTest.meetingInProgress("Không Truyền Hình");
      Api.as((String) m[1])
          .post("/api/meetings/" + m[0] + "/video-token")
          .then()
          .statusCode(200)
          .body("configured", equalTo(false))
          .body("jwt", nullValue());
    }
  }
}
