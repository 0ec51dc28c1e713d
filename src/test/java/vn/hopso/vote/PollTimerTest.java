package vn.hopso.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.hopso.meeting.MeetingFixture;
import vn.hopso.meeting.MeetingFixture.Someone;
import vn.hopso.support.Api;
import vn.hopso.support.MoreApi;

/**
 * The poll ticker runs by itself where the scheduler is on (production): once every member present
 * has voted the poll closes without anyone calling {@link PollTicker#tick()}. The other vote tests
 * run with the scheduler off and tick by hand; this one is what notices a ticker that never starts,
 * or one that runs far less often than configured (Quarkus's own scheduler once ran a half-second
 * tick every second).
 */
@QuarkusTest
@TestProfile(PollTimerTest.TickerOn.class)
class PollTimerTest {
  public static class TickerOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.scheduler.enabled", "true", "hopso.polls.tick", "200ms");
    }
  }

  @Test
  void aPollEveryoneVotedOnClosesByItself() throws Exception {
    String admin = Api.admin();
    long unit = MoreApi.province(admin, "Tỉnh Hẹn Giờ");
    Someone secretary = MeetingFixture.quiet(admin, "Thư Ký Hẹn Giờ", "SECRETARY");
    Someone chair = MeetingFixture.quiet(admin, "Chủ Tọa Hẹn Giờ", "CHAIR");
    Someone delegate = MeetingFixture.quiet(admin, "Đại Biểu Hẹn Giờ", "DELEGATE");
    long meeting =
        MeetingFixture.startingSoon(
            secretary.token(), "Kỳ họp hẹn giờ", unit, chair.id(), secretary.id());
    String base = "/api/meetings/" + meeting;
    MeetingFixture.inviteDelegates(secretary.token(), meeting, List.of(delegate));
    long item = MeetingFixture.agenda(secretary.token(), meeting, List.of("Biểu quyết")).get(0);
    MeetingFixture.startSession(secretary.token(), chair.token(), meeting);
    for (Someone s : List.of(chair, delegate)) {
      Api.as(s.token()).post(base + "/check-in").then().statusCode(200);
    }
    long poll =
        Api.as(secretary.token())
            .body(
                Map.of(
                    "title",
                    "Thông qua",
                    "kind",
                    "YES_NO",
                    "secret",
                    false,
                    "itemId",
                    item,
                    "rule",
                    Map.of(
                        "base",
                        "ALL_MEMBERS",
                        "threshold",
                        "MORE_THAN_HALF",
                        "tie",
                        "NOT_ADOPTED")))
            .post(base + "/polls")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("id");
    Api.as(chair.token()).post("/api/polls/" + poll + "/open").then().statusCode(200);
    for (Someone s : List.of(chair, delegate)) {
      Api.as(s.token())
          .body(Map.of("ballotId", UUID.randomUUID().toString(), "value", "YES"))
          .post("/api/polls/" + poll + "/ballots")
          .then()
          .statusCode(200);
    }
    String state = "OPEN";
    // generous: the tick is every 200 ms (and starts 2 s after start-up); a loaded CI machine
    // must not fail this, a ticker that never runs must
    for (int i = 0; i < 150 && state.equals("OPEN"); i++) {
      Thread.sleep(100);
      state =
          Api.as(chair.token())
              .get("/api/polls/" + poll)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getString("state");
    }
    assertEquals("CLOSED", state);
  }
}
