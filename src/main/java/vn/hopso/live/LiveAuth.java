package vn.hopso.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import vn.hopso.auth.TicketService;
import vn.hopso.common.Role;
import vn.hopso.common.Viewer;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingEndpoint;
import vn.hopso.meeting.MeetingPolicy;
import vn.hopso.org.Person;

/**
 * Decides a WebSocket handshake: the ticket must be valid (unused, unexpired, for this meeting) and
 * its person must (still) be allowed to follow the meeting. Answers what the connection may see, or
 * why it is refused.
 */
@ApplicationScoped
public class LiveAuth {
  @Inject TicketService tickets;
  @Inject MeetingAccess access;

  /**
   * Who a connection is and what it may see; {@code status} 0 when allowed, else the HTTP refusal.
   * {@code endpointId} is the room a device account connects for (null for a person).
   */
  public record Grant(int status, long personId, boolean runner, boolean manager, Long endpointId) {
    static Grant refused(int status) {
      return new Grant(status, 0, false, false, null);
    }
  }

  public static String meetingScope(long meetingId) {
    return "live:meeting:" + meetingId;
  }

  public static final String PERSONAL_SCOPE = "live:me";

  @Transactional
  public Grant meeting(String ticket, long meetingId) {
    Long personId = tickets.consume(ticket, meetingScope(meetingId));
    if (personId == null) {
      return Grant.refused(401);
    }
    Person p = Person.findById(personId);
    Meeting m = Meeting.findById(meetingId);
    if (p == null || !p.active) {
      return Grant.refused(401);
    }
    if (m == null) {
      return Grant.refused(404);
    }
    Viewer v =
        new Viewer(p.id, p.roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(p.roles));
    if (!access.visible(v, meetingId)) {
      return Grant.refused(403);
    }
    MeetingPolicy.Relation r = access.relation(m, v);
    // a room's own screen or operator PC (its device account) connects for the room; people,
    // wherever they sit, connect for themselves
    Long endpointId = null;
    if (r.room()) {
      MeetingEndpoint room =
          MeetingEndpoint.find("meeting = ?1 and endpoint.account.id = ?2 order by id", m, p.id)
              .firstResult();
      endpointId = room == null ? null : room.endpoint.id;
    }
    return new Grant(0, p.id, r.runner(), r.manager(), endpointId);
  }

  @Transactional
  public Grant personal(String ticket) {
    Long personId = tickets.consume(ticket, PERSONAL_SCOPE);
    Person p = personId == null ? null : Person.findById(personId);
    if (p == null || !p.active) {
      return Grant.refused(401);
    }
    return new Grant(0, p.id, false, false, null);
  }
}
