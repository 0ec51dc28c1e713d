package vn.hopso.agenda;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.hopso.common.ApiException;
import vn.hopso.common.DomainEvent;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingAccess;
import vn.hopso.meeting.MeetingEvents;
import vn.hopso.meeting.MeetingOp;

/**
 * The agenda in the running session: which item is being discussed, each item's state (pending,
 * current, done, deferred) and the time spent on it, whose clock stops while the session is paused.
 * The chair (or the meeting's secretary) moves through it.
 */
@ApplicationScoped
@Transactional
public class AgendaRunService {
  @Inject MeetingAccess access;
  @Inject Event<DomainEvent> events;
  @Inject Clock clock;

  /** The current item or the item states changed. */
  public record RunChanged(Meeting meeting, String what) implements DomainEvent {
    @Override
    public String action() {
      return "agenda.run." + what;
    }

    @Override
    public String target() {
      return "meeting:" + meeting.id;
    }
  }

  /** Items in agenda order (depth first), as the chair moves through them. */
  static List<AgendaItem> inOrder(Meeting m) {
    return AgendaItem.inAgendaOrder(m).stream().map(AgendaItem.Placed::item).toList();
  }

  /** Makes {@code itemId} the current item; the one before goes back to pending. */
  public void setCurrent(long meetingId, long itemId) {
    Meeting m = access.require(meetingId, MeetingOp.RUN_SESSION).meeting();
    AgendaItem item = item(m, itemId);
    leaveCurrent(m, ItemState.PENDING);
    enter(m, item);
    events.fire(new RunChanged(m, "current"));
  }

  /** The current item is done; the next pending one (in agenda order) becomes current. */
  public void next(long meetingId) {
    Meeting m = access.require(meetingId, MeetingOp.RUN_SESSION).meeting();
    List<AgendaItem> items = inOrder(m);
    int from = indexOfCurrent(m, items);
    leaveCurrent(m, ItemState.DONE);
    for (int i = from + 1; i < items.size(); i++) {
      if (items.get(i).runState == ItemState.PENDING) {
        enter(m, items.get(i));
        break;
      }
    }
    events.fire(new RunChanged(m, "next"));
  }

  /**
   * Back to the item before the current one (the current one goes back to pending). With no item
   * current (the chair went past the last one), back to the last item dealt with; before any item
   * was taken up there is nothing to go back to.
   */
  public void previous(long meetingId) {
    Meeting m = access.require(meetingId, MeetingOp.RUN_SESSION).meeting();
    List<AgendaItem> items = inOrder(m);
    if (items.isEmpty()) {
      throw ApiException.conflict(AgendaMsg.EMPTY);
    }
    int from = indexOfCurrent(m, items);
    int target = from - 1;
    if (from < 0) {
      for (int i = items.size() - 1; i >= 0 && target < 0; i--) {
        if (items.get(i).runState == ItemState.DONE) {
          target = i;
        }
      }
    }
    if (target < 0) {
      throw ApiException.conflict(AgendaMsg.NO_PREVIOUS);
    }
    leaveCurrent(m, ItemState.PENDING);
    enter(m, items.get(target));
    events.fire(new RunChanged(m, "previous"));
  }

  /** Marks an item done, deferred or pending again; the current item stops being current. */
  public void setState(long meetingId, long itemId, ItemState state) {
    Meeting m = access.require(meetingId, MeetingOp.RUN_SESSION).meeting();
    AgendaItem item = item(m, itemId);
    if (state == ItemState.CURRENT) {
      setCurrent(meetingId, itemId);
      return;
    }
    if (item.id.equals(m.currentItemId)) {
      leaveCurrent(m, state);
    } else {
      item.runState = state;
    }
    events.fire(new RunChanged(m, "state"));
  }

  /** The time limit of one speech on this item (null: the meeting's). */
  public void setSpeechLimit(long meetingId, long itemId, Integer seconds) {
    Meeting m = access.require(meetingId, MeetingOp.RUN_SESSION).meeting();
    item(m, itemId).speechLimitSeconds = seconds;
    events.fire(new RunChanged(m, "limit"));
  }

  private void enter(Meeting m, AgendaItem item) {
    item.runState = ItemState.CURRENT;
    item.runStartedAt = m.paused ? null : clock.instant();
    m.currentItemId = item.id;
  }

  private void leaveCurrent(Meeting m, ItemState to) {
    if (m.currentItemId == null) {
      return;
    }
    AgendaItem current = AgendaItem.findById(m.currentItemId);
    m.currentItemId = null;
    if (current == null) {
      return;
    }
    stopClock(current);
    current.runState = to;
  }

  private void stopClock(AgendaItem item) {
    if (item.runStartedAt != null) {
      item.spentSeconds +=
          Math.max(0, Duration.between(item.runStartedAt, clock.instant()).toSeconds());
      item.runStartedAt = null;
    }
  }

  private static int indexOfCurrent(Meeting m, List<AgendaItem> items) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).id.equals(m.currentItemId)) {
        return i;
      }
    }
    return -1;
  }

  private static AgendaItem item(Meeting m, long id) {
    AgendaItem item = AgendaItem.findById(id);
    if (item == null || !item.meeting.id.equals(m.id)) {
      throw ApiException.notFound(AgendaMsg.ITEM, id);
    }
    return item;
  }

  // --- the session's clock ------------------------------------------------------------------

  void paused(@Observes MeetingEvents.SessionPaused e) {
    current(e.meeting()).ifPresent(this::stopClock);
  }

  void resumed(@Observes MeetingEvents.SessionResumed e) {
    Instant now = clock.instant();
    current(e.meeting()).ifPresent(i -> i.runStartedAt = now);
  }

  void ended(@Observes MeetingEvents.Ended e) {
    current(e.meeting()).ifPresent(this::stopClock);
  }

  private static java.util.Optional<AgendaItem> current(Meeting m) {
    return m.currentItemId == null
        ? java.util.Optional.empty()
        : java.util.Optional.ofNullable(AgendaItem.findById(m.currentItemId));
  }

  /**
   * One item as the running session shows it. Its time so far is {@code spentSeconds}, plus (server
   * time − {@code runStartedAt}) while its clock runs (runStartedAt not null).
   */
  public record RunItem(
      long id,
      String number,
      String title,
      int depth,
      ItemState state,
      Integer plannedMinutes,
      long spentSeconds,
      java.time.Instant runStartedAt,
      Integer speechLimitSeconds,
      String presenterName) {}

  /** The items in agenda order with their numbers ("2.1"), states and clocks. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<RunItem> runItems(Meeting m) {
    return AgendaItem.inAgendaOrder(m).stream()
        .map(
            p -> {
              AgendaItem i = p.item();
              return new RunItem(
                  i.id,
                  p.number(),
                  i.title,
                  p.depth(),
                  i.runState,
                  i.plannedMinutes,
                  i.spentSeconds,
                  i.runStartedAt,
                  i.speechLimitSeconds,
                  i.presenter != null ? i.presenter.fullName : i.presenterName);
            })
        .toList();
  }
}
