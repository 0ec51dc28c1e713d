package vn.hopso.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hopso.support.OnInstance.login;
import static vn.hopso.support.OnInstance.meeting;
import static vn.hopso.support.OnInstance.on;
import static vn.hopso.support.OnInstance.wsUrl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hopso.support.Api;
import vn.hopso.support.LiveClient;
import vn.hopso.support.PackagedApp;

/**
 * Two packaged instances on the test PostgreSQL (issue 7): a change made through instance A reaches
 * a socket on instance B (LISTEN/NOTIFY; the notification carries ids, B reads the rows); A is
 * killed like {@code kill -9}; its client resumes on B without losing or repeating an event.
 */
class TwoInstancesIT {
  @Test
  void anEventCrossesInstancesAndAClientOfAKilledInstanceResumesOnTheOther() throws Exception {
    try (PackagedApp a = PackagedApp.startOnPostgres("instance-a", Map.of());
        PackagedApp b = PackagedApp.startOnPostgres("instance-b", Map.of())) {
      String admin = login(a, "admin", Api.ADMIN_PASSWORD);
      String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
      long unit =
          on(a, admin)
              .body(Map.of("code", "IT2-" + suffix, "name", "Tỉnh Hai Máy", "level", "PROVINCE"))
              .post("/api/units")
              .then()
              .statusCode(201)
              .extract()
              .jsonPath()
              .getLong("id");
      List<Long> people = new ArrayList<>();
      List<String> users = new ArrayList<>();
      for (String role : List.of("CHAIR", "DELEGATE", "DELEGATE", "DELEGATE", "DELEGATE")) {
        String user = ("it2" + role + suffix + people.size()).toLowerCase();
        users.add(user);
        people.add(
            on(a, admin)
                .body(
                    Map.of(
                        "username",
                        user,
                        "fullName",
                        "Người Hai Máy " + people.size(),
                        "roles",
                        List.of(role),
                        "password",
                        Api.PASSWORD))
                .post("/api/people")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id"));
      }
      long meeting =
          meeting(a, admin, unit, people.get(0), "Họp trên hai máy chủ", Duration.ofMinutes(30));
      List<Map<String, Object>> invite = new ArrayList<>();
      for (int i = 1; i < people.size(); i++) {
        invite.add(Map.of("personId", people.get(i), "role", "DELEGATE"));
      }
      on(a, admin)
          .body(Map.of("participants", invite))
          .post("/api/meetings/" + meeting + "/participants")
          .then()
          .statusCode(200);
      on(a, admin).post("/api/meetings/" + meeting + "/schedule").then().statusCode(200);
      String chairOnA = login(a, users.get(0), Api.PASSWORD);
      on(a, chairOnA).post("/api/meetings/" + meeting + "/start").then().statusCode(200);
      List<String> delegatesOnA = new ArrayList<>();
      for (int i = 1; i < users.size(); i++) {
        delegatesOnA.add(login(a, users.get(i), Api.PASSWORD));
      }

      // 1. a change made through A reaches a socket on B
      String chairOnB = login(b, users.get(0), Api.PASSWORD);
      try (LiveClient onB = LiveClient.connect(wsUrl(b, chairOnB, meeting, null))) {
        long helloSeq = onB.next("hello", 10, null).path("seq").asLong();
        long t0 = System.nanoTime();
        on(a, delegatesOnA.get(0))
            .body(Map.of())
            .post("/api/meetings/" + meeting + "/check-in")
            .then()
            .statusCode(200);
        JsonNode e = null;
        while (e == null) {
          JsonNode m = onB.next(10);
          if (m.path("event").asText().equals("attendance.changed")) {
            e = m;
          }
        }
        System.out.printf(
            "TwoInstancesIT: a change on A reached a socket on B in %d ms%n",
            (System.nanoTime() - t0) / 1_000_000);
        assertTrue(e.path("seq").asLong() > helloSeq);
      }

      // 2. a client of A; A is killed; the client resumes on B
      LiveClient onA = LiveClient.connect(wsUrl(a, chairOnA, meeting, null));
      onA.next("hello", 10, null);
      on(a, delegatesOnA.get(1))
          .body(Map.of())
          .post("/api/meetings/" + meeting + "/check-in")
          .then()
          .statusCode(200);
      long lastSeen = 0;
      for (JsonNode m : onA.drain(1500)) {
        lastSeen = Math.max(lastSeen, m.path("seq").asLong());
      }
      assertTrue(lastSeen > 0, "the client of A saw events");
      a.kill();
      onA.close();
      // while the client is away, more happens through B
      List<String> delegatesOnB = new ArrayList<>();
      for (int i = 3; i < users.size(); i++) {
        delegatesOnB.add(login(b, users.get(i), Api.PASSWORD));
      }
      for (String token : delegatesOnB) {
        on(b, token)
            .body(Map.of())
            .post("/api/meetings/" + meeting + "/check-in")
            .then()
            .statusCode(200);
      }
      try (LiveClient resumed = LiveClient.connect(wsUrl(b, chairOnB, meeting, lastSeen))) {
        List<JsonNode> messages = resumed.drain(3000);
        long expected = lastSeen + 1;
        int attendance = 0;
        for (JsonNode m : messages) {
          if (m.path("type").asText().equals("event")) {
            assertEquals(
                expected++, m.path("seq").asLong(), "no event lost or repeated: " + messages);
            if (m.path("event").asText().equals("attendance.changed")) {
              attendance++;
            }
          }
        }
        assertEquals(2, attendance, messages.toString());
        assertTrue(
            messages.stream().anyMatch(m -> m.path("type").asText().equals("hello")),
            messages.toString());
      }
      // the quorum as B answers it counts all three check-ins
      on(b, chairOnB)
          .get("/api/meetings/" + meeting + "/live")
          .then()
          .statusCode(200)
          .body("quorum.present", org.hamcrest.Matchers.equalTo(4));
    }
  }
}
