package vn.hopso.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The heartbeat pings every connection once in each 15 seconds, a fifteenth of them each second:
 * thousands of tablets are never pinged (and never answer) in the same instant.
 */
class HeartbeatTest {
  @Test
  void everyConnectionIsPingedOnceInFifteenSecondsAndNoSecondTakesMoreThanItsShare() {
    int connections = 2_000;
    int[] slots = new int[connections];
    for (int i = 0; i < connections; i++) {
      slots[i] = Hub.nextHeartbeatSlot();
    }
    int[] pinged = new int[connections];
    long start = 1_795_000_000L; // any second
    int share = (connections + Hub.HEARTBEAT_SLOTS - 1) / Hub.HEARTBEAT_SLOTS;
    for (long second = start; second < start + Hub.HEARTBEAT_SLOTS; second++) {
      int thisSecond = 0;
      for (int i = 0; i < connections; i++) {
        if (Hub.pingDue(slots[i], second)) {
          pinged[i]++;
          thisSecond++;
        }
      }
      assertTrue(thisSecond <= share, second + ": " + thisSecond + " pings, share " + share);
    }
    for (int i = 0; i < connections; i++) {
      assertEquals(1, pinged[i], "connection " + i);
    }
  }
}
