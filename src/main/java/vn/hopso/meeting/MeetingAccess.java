package vn.hopso.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.hopso.auth.CurrentUser;
import vn.hopso.auth.Role;
import vn.hopso.common.ApiException;
import vn.hopso.org.Endpoint;

/**
 * Who may do what with one meeting. Managers (ADMIN, or a secretary who is the meeting's secretary
 * or created it) prepare it; the chair runs it; participants (and the device accounts of its rooms)
 * read it once it is scheduled.
 */
@ApplicationScoped
public class MeetingAccess {
  @Inject CurrentUser current;

  public boolean canManage(Meeting m) {
    if (current.hasRole(Role.ADMIN)) {
      return true;
    }
    Long me = current.personId();
    if (me == null || !current.hasRole(Role.SECRETARY)) {
      return false;
    }
    return (m.secretary != null && me.equals(m.secretary.id))
        || (m.createdBy != null && me.equals(m.createdBy.id));
  }

  public boolean canRun(Meeting m) {
    Long me = current.personId();
    return canManage(m) || (me != null && me.equals(m.chair.id));
  }

  public Participant myParticipant(Meeting m) {
    Long me = current.personId();
    if (me == null) {
      return null;
    }
    return Participant.find("meeting = ?1 and person.id = ?2", m, me).firstResult();
  }

  /** A room's device account sees the meetings its room takes part in. */
  public boolean isRoomOf(Meeting m) {
    Long me = current.personId();
    if (me == null || !current.hasRole(Role.ENDPOINT)) {
      return false;
    }
    return MeetingEndpoint.count("meeting = ?1 and endpoint.account.id = ?2", m, me) > 0;
  }

  public boolean canView(Meeting m) {
    if (canRun(m)) {
      return true;
    }
    if (m.status == MeetingStatus.DRAFT) {
      return false;
    }
    if (myParticipant(m) != null || isRoomOf(m)) {
      return true;
    }
    // Secretaries see every non-confidential meeting (they plan around each other).
    return m.confidentiality == Confidentiality.NORMAL && current.hasRole(Role.SECRETARY);
  }

  public Meeting viewable(long id) {
    Meeting m = find(id);
    if (!canView(m)) {
      throw ApiException.forbidden("You are not a participant of this meeting");
    }
    return m;
  }

  public Meeting manageable(long id) {
    Meeting m = find(id);
    if (!canManage(m)) {
      throw ApiException.forbidden("Only the meeting's secretary or an administrator may do this");
    }
    return m;
  }

  public Meeting runnable(long id) {
    Meeting m = find(id);
    if (!canRun(m)) {
      throw ApiException.forbidden("Only the chair or the meeting's secretary may do this");
    }
    return m;
  }

  public boolean operates(Endpoint e) {
    Long me = current.personId();
    return me != null && e.account != null && me.equals(e.account.id);
  }

  public static Meeting find(long id) {
    Meeting m = Meeting.findById(id);
    if (m == null) {
      throw ApiException.notFound("meeting", id);
    }
    return m;
  }
}
