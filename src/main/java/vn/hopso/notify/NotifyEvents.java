package vn.hopso.notify;

import java.util.Set;
import vn.hopso.common.DomainEvent;

/** What happens to people's notifications. */
public final class NotifyEvents {
  private NotifyEvents() {}

  /** These people's notifications (the bell) changed: new ones, or read. Not audited. */
  public record NotificationsChanged(Set<Long> personIds) implements DomainEvent {
    @Override
    public String action() {
      return null;
    }
  }
}
