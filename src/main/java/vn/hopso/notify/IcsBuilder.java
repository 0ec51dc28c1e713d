package vn.hopso.notify;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.MeetingStatus;

/**
 * iCalendar (RFC 5545/5546) for meetings, built with ical4j. Times are written in UTC, which every
 * calendar program converts to the reader's zone. The UID is stable per meeting and the SEQUENCE
 * rises with each change participants are told about, so calendars update the entry instead of
 * adding a new one; a cancellation is METHOD:CANCEL with STATUS:CANCELLED.
 */
public final class IcsBuilder {
  static final String PRODID = "-//HopSo//Hop so 1.0//VI";

  private IcsBuilder() {}

  /** One meeting addressed to one attendee (email invitations and updates). */
  public static String invitation(
      Meeting m,
      String method,
      String attendeeEmail,
      String attendeeName,
      String organizerEmail,
      String description,
      String url,
      Instant now) {
    VEvent event = event(m, description, url, now);
    if (organizerEmail != null) {
      ParameterList params =
          new ParameterList(List.of(new Cn(m.secretary == null ? "HopSo" : m.secretary.fullName)));
      event.add(new Organizer(params, URI.create("mailto:" + organizerEmail)));
    }
    if (attendeeEmail != null) {
      ParameterList params =
          new ParameterList(
              List.of(
                  new Cn(attendeeName), Role.REQ_PARTICIPANT, PartStat.NEEDS_ACTION, Rsvp.TRUE));
      event.add(new Attendee(params, URI.create("mailto:" + attendeeEmail)));
    }
    if (Method.VALUE_CANCEL.equals(method)) {
      event.replace(new Status(Status.VALUE_CANCELLED));
    }
    return calendar(method, List.of(event));
  }

  /** A personal feed: every meeting of a person (METHOD:PUBLISH). */
  public static String feed(
      List<Meeting> meetings, java.util.function.Function<Meeting, String> url, Instant now) {
    return calendar(
        Method.VALUE_PUBLISH,
        meetings.stream().map(m -> event(m, null, url.apply(m), now)).toList());
  }

  private static VEvent event(Meeting m, String description, String url, Instant now) {
    VEvent event = new VEvent(m.startsAt, m.endsAt, m.title);
    event.add(new Uid(m.icalUid));
    event.add(new Sequence(m.icalSequence));
    event.add(new DtStamp(now));
    String place = MessageTexts.place(m);
    if (!place.isBlank()) {
      event.add(new Location(place));
    }
    if (description != null) {
      event.add(new Description(description));
    }
    if (url != null) {
      event.add(new Url(URI.create(url)));
    }
    event.add(
        new Status(
            m.status == MeetingStatus.CANCELLED
                ? Status.VALUE_CANCELLED
                : m.status == MeetingStatus.DRAFT
                    ? Status.VALUE_TENTATIVE
                    : Status.VALUE_CONFIRMED));
    return event;
  }

  private static String calendar(String method, List<VEvent> events) {
    Calendar cal = new Calendar();
    cal.add(new ProdId(PRODID));
    cal.add(new Version(new ParameterList(), Version.VALUE_2_0));
    cal.add(new CalScale(CalScale.VALUE_GREGORIAN));
    cal.add(new Method(method));
    events.forEach(cal::add);
    return cal.toString();
  }
}
