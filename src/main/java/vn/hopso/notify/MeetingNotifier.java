package vn.hopso.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import vn.hopso.agenda.AgendaEvents.AgendaPublished;
import vn.hopso.agenda.AgendaService;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingEvents;
import vn.hopso.meeting.MeetingService;
import vn.hopso.meeting.MeetingStatus;

/**
 * Turns meeting and agenda events into invitations, updates, cancellations and agenda notices.
 * Observed inside the transaction of the change, so the outbox rows commit (or roll back) with it;
 * the {@link OutboxSender} sends them after commit.
 */
@ApplicationScoped
public class MeetingNotifier {
  @Inject Announcer announcer;
  @Inject AgendaService agenda;

  void scheduled(@Observes MeetingEvents.Scheduled e) {
    announcer.announce(
        e.meeting(), Announcer.What.INVITATION, e.invited(), agenda.lines(e.meeting()), null);
  }

  void added(@Observes MeetingEvents.ParticipantsAdded e) {
    if (e.meeting().participantsInformed()) {
      announcer.announce(
          e.meeting(), Announcer.What.INVITATION, e.added(), agenda.lines(e.meeting()), null);
    }
  }

  void updated(@Observes MeetingEvents.Updated e) {
    if (e.moved() && e.meeting().participantsInformed()) {
      update(e.meeting(), null);
    }
  }

  void postponed(@Observes MeetingEvents.Postponed e) {
    if (e.informed()) {
      update(
          e.meeting(),
          "Lý do hoãn: " + (e.reason() == null || e.reason().isBlank() ? "không nêu" : e.reason()));
    }
  }

  private void update(Meeting m, String extra) {
    announcer.announce(
        m, Announcer.What.UPDATE, MeetingService.participants(m), agenda.lines(m), extra);
  }

  void cancelled(@Observes MeetingEvents.Cancelled e) {
    if (e.informed()) {
      announcer.announce(
          e.meeting(),
          Announcer.What.CANCELLATION,
          MeetingService.participants(e.meeting()),
          List.of(),
          "Lý do: " + e.reason());
    }
  }

  void removed(@Observes MeetingEvents.ParticipantRemoved e) {
    if (e.meeting().participantsInformed()) {
      announcer.announce(
          e.meeting(), Announcer.What.REMOVED, List.of(e.participant()), List.of(), null);
    }
  }

  /** Signed and published minutes: every participant is told where to read them. */
  void minutesPublished(@Observes MeetingEvents.MinutesPublished e) {
    announcer.announce(
        e.meeting(),
        Announcer.What.MINUTES,
        MeetingService.participants(e.meeting()),
        List.of(),
        e.number() == null ? null : "Biên bản số " + e.number() + ".");
  }

  void agendaPublished(@Observes AgendaPublished e) {
    Meeting m = e.meeting();
    if (m.status == MeetingStatus.SCHEDULED || m.status == MeetingStatus.IN_PROGRESS) {
      announcer.announce(
          m,
          Announcer.What.AGENDA,
          MeetingService.participants(m),
          agenda.lines(m),
          e.changes() == null ? null : "Thay đổi so với bản trước: " + e.changes());
    }
  }
}
