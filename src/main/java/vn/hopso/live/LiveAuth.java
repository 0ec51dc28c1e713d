package vn.hopso.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.hopso.auth.TicketService;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingEndpoint;
import vn.hopso.meeting.MeetingPolicy;

/**
 * Decides a WebSocket handshake. Whether the person may follow the meeting, and what they may see
 * there, is decided when the ticket is asked for ({@code POST /api/meetings/{id}/live-ticket}) and
 * travels with it; any change of their rights in the 30 s before its use revokes it. So the
 * handshake only has to use the ticket up: unused, unexpired, for this meeting, and decided.
 */
@ApplicationScoped
public class LiveAuth {
  @Inject TicketService tickets;

  /**
   * Who a connection is and what it may see; {@code status} 0 when allowed, else the HTTP refusal.
   * {@code endpointId} is the room a device account connects for (null for a person). {@code seq}:
   * the meeting's last event when the grant was decided; a change of rights recorded after it (an
   * {@code access.changed} event with a higher number) makes the socket reconnect at once.
   */
  public record Grant(
      int status, long personId, boolean runner, boolean manager, Long endpointId, long seq) {
    static Grant refused(int status) {
      return new Grant(status, 0, false, false, null, 0);
    }
  }

  public static String meetingScope(long meetingId) {
    return "live:meeting:" + meetingId;
  }

  public static final String PERSONAL_SCOPE = "live:me";

  /**
   * Decides, when the ticket is asked for, what the person's socket on this meeting will carry: the
   * caller was checked to be allowed to follow the meeting. The decision travels with the ticket
   * (its single use is the handshake); a change of rights in between revokes the ticket.
   */
  public static String grantFor(MeetingAccess.Access a, Long endpointId, long seq) {
    MeetingPolicy.Relation r = a.relation();
    return "r="
        + (r.runner() ? 1 : 0)
        + ";m="
        + (r.manager() ? 1 : 0)
        + ";e="
        + (endpointId == null ? "" : endpointId)
        + ";s="
        + seq;
  }

  /** The room a device account speaks for in this meeting (its first), or null for a person. */
  public static Long roomOf(MeetingAccess.Access a, long personId) {
    if (!a.relation().room()) {
      return null;
    }
    List<MeetingEndpoint> rooms = MeetingEndpoint.operatedBy(a.meeting(), personId);
    return rooms.isEmpty() ? null : rooms.get(0).endpoint.id;
  }

  /** The handshake of a meeting's socket: the ticket's single use hands back its grant. */
  @Transactional
  public Grant meeting(String ticket, long meetingId) {
    TicketService.Claim claim = tickets.claim(ticket, meetingScope(meetingId));
    if (claim == null) {
      return Grant.refused(401);
    }
    if (claim.grant() == null) {
      return Grant.refused(403); // a ticket nobody decided on (not from the live-ticket call)
    }
    return decode(claim.personId(), claim.grant());
  }

  static Grant decode(long personId, String grant) {
    boolean runner = false;
    boolean manager = false;
    Long endpointId = null;
    long seq = 0;
    for (String part : grant == null ? new String[0] : grant.split(";")) {
      if (part.equals("r=1")) {
        runner = true;
      } else if (part.equals("m=1")) {
        manager = true;
      } else if (part.startsWith("e=") && part.length() > 2) {
        endpointId = Long.parseLong(part.substring(2));
      } else if (part.startsWith("s=") && part.length() > 2) {
        seq = Long.parseLong(part.substring(2));
      }
    }
    return new Grant(0, personId, runner, manager, endpointId, seq);
  }

  @Transactional
  public Grant personal(String ticket) {
    // like a meeting's: whatever ends the person's sessions (deactivation too) revokes the ticket
    Long personId = tickets.consume(ticket, PERSONAL_SCOPE);
    return personId == null ? Grant.refused(401) : new Grant(0, personId, false, false, null, 0);
  }
}
