package vn.hopso.live;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * The live channel over HTTP: tickets for the sockets, the state to start from, who is connected.
 * (One small resource per path: a root resource for "/api/meetings/{id}" would take every meeting
 * path away from the meetings feature.)
 */
public final class LiveResource {
  private LiveResource() {}

  /** A single-use ticket (valid 30 s) to open /ws/meetings/{id}?ticket=… . */
  @Path("/api/meetings/{id}/live-ticket")
  @RolesAllowed("**")
  public static class TicketResource {
    @Inject LiveService live;

    @POST
    public LiveService.Ticket ticket(@PathParam("id") long id) {
      return live.meetingTicket(id);
    }
  }

  /** The whole live state of a meeting, with the number of the last event it reflects. */
  @Path("/api/meetings/{id}/live")
  @RolesAllowed("**")
  public static class StateResource {
    @Inject LiveService live;

    @GET
    public LiveService.LiveState state(@PathParam("id") long id) {
      return live.state(id);
    }
  }

  /** Who is connected (people and rooms), for the chair and the secretary. */
  @Path("/api/meetings/{id}/presence")
  @RolesAllowed("**")
  public static class PresenceResource {
    @Inject LiveService live;

    @GET
    public Presence.Online presence(@PathParam("id") long id) {
      return live.online(id);
    }
  }

  /** A single-use ticket to open /ws/me (the bell). */
  @Path("/api/live/me-ticket")
  @RolesAllowed("**")
  public static class PersonalTicketResource {
    @Inject LiveService live;

    @POST
    public LiveService.Ticket ticket() {
      return live.personalTicket();
    }
  }
}
