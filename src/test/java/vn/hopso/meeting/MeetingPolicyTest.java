package vn.hopso.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hopso.meeting.MeetingPolicy.Relation;

/**
 * The cheap {@link MeetingPolicy#allowed} (capability flags, views) and the explaining {@link
 * MeetingPolicy#decide} (refusals) are one rule: they agree for every operation, state, relation
 * and time.
 */
class MeetingPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

  @Test
  void allowedAgreesWithDecideEverywhere() {
    MeetingPolicy policy = new MeetingPolicy();
    policy.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Participant voter = new Participant();
    voter.voting = true;
    Participant listener = new Participant();
    List<Relation> relations = new ArrayList<>();
    for (boolean manager : new boolean[] {false, true}) {
      for (boolean chair : new boolean[] {false, true}) {
        for (Participant mine : new Participant[] {null, voter, listener}) {
          for (boolean room : new boolean[] {false, true}) {
            relations.add(new Relation(false, manager, chair, mine, room));
          }
        }
      }
    }
    int checked = 0;
    for (MeetingStatus status : MeetingStatus.values()) {
      // before the window opens, inside it, and after the start
      for (Duration untilStart : List.of(Duration.ofHours(5), Duration.ofHours(1), Duration.ZERO)) {
        Meeting m = new Meeting();
        m.status = status;
        m.startsAt = NOW.plus(untilStart);
        m.endsAt = m.startsAt.plus(Duration.ofHours(2));
        for (Relation r : relations) {
          for (MeetingOp op : MeetingOp.values()) {
            assertEquals(
                policy.decide(m, r, op, NOW).allowed(),
                policy.allowed(m, r, op, NOW),
                op + " in " + status + " for " + r);
            checked++;
          }
        }
      }
    }
    assertEquals(
        MeetingStatus.values().length * 3 * relations.size() * MeetingOp.values().length, checked);
  }
}
