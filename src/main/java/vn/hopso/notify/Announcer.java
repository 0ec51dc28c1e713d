package vn.hopso.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import net.fortuna.ical4j.model.property.Method;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.hopso.common.Limits;
import vn.hopso.common.Texts;
import vn.hopso.meeting.Meeting;
import vn.hopso.meeting.Participant;
import vn.hopso.notify.MessageTexts.Kind;

/**
 * Tells participants about a meeting (for {@link MeetingNotifier}, which observes the events): an
 * in-app notification for each, plus an email (with the iCalendar entry) and an SMS where
 * configured and where the person has an address or number. Everything is written in the caller's
 * transaction; the {@link OutboxSender} sends after commit.
 */
@ApplicationScoped
public class Announcer {
  @Inject NotifyConfig config;
  @Inject Clock clock;
  @Inject jakarta.enterprise.event.Event<vn.hopso.common.DomainEvent> events;

  @ConfigProperty(name = "hopso.public-url")
  String publicUrl;

  @ConfigProperty(name = "quarkus.mailer.from")
  String mailFrom;

  public enum What {
    INVITATION(Kind.INVITATION, Method.VALUE_REQUEST),
    UPDATE(Kind.UPDATE, Method.VALUE_REQUEST),
    CANCELLATION(Kind.CANCELLATION, Method.VALUE_CANCEL),
    REMOVED(Kind.REMOVED, Method.VALUE_CANCEL),
    REMINDER(Kind.REMINDER, null),
    AGENDA(Kind.AGENDA, null),
    MINUTES(Kind.MINUTES, null);

    final Kind kind;
    final String method;

    What(Kind kind, String method) {
      this.kind = kind;
      this.method = method;
    }
  }

  /**
   * @param agenda the published agenda as text lines (may be empty)
   * @param extra a sentence added to the message (reason of a cancellation, what changed)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void announce(
      Meeting m, What what, Collection<Participant> to, List<String> agenda, String extra) {
    Instant now = clock.instant();
    java.util.Set<Long> told = new java.util.HashSet<>();
    for (Participant p : to) {
      if (!p.person.active) {
        continue;
      }
      told.add(p.person.id);
      Notification n = new Notification();
      n.person = p.person;
      n.meeting = m;
      n.kind = what.name();
      n.title = Texts.fit(MessageTexts.title(what.kind, m), Limits.NOTIFICATION_TITLE);
      n.body = Texts.fit(MessageTexts.shortBody(what.kind, m, extra), Limits.NOTIFICATION_BODY);
      n.createdAt = now;
      n.persist();
      if (config.mail().enabled() && notBlank(p.person.email)) {
        OutboundMessage mail = message(OutboundMessage.Channel.EMAIL, m, p, what, now);
        mail.recipient = p.person.email.trim();
        mail.subject = Texts.fit(MessageTexts.subject(what.kind, m), Limits.MAIL_SUBJECT);
        mail.body = MessageTexts.email(what.kind, m, p, agenda, extra, publicUrl);
        if (what.method != null) {
          mail.calendarMethod = what.method;
          mail.calendar =
              IcsBuilder.invitation(
                  m,
                  what.method,
                  mail.recipient,
                  p.person.fullName,
                  organizer(m),
                  String.join("\n", agenda),
                  MessageTexts.link(publicUrl, m),
                  now);
        }
        mail.persist();
      }
      if (config.sms().enabled() && notBlank(p.person.phone)) {
        OutboundMessage sms = message(OutboundMessage.Channel.SMS, m, p, what, now);
        sms.recipient = smsNumber(p.person.phone);
        sms.body =
            MessageTexts.sms(
                config.sms().template(), config.sms().stripDiacritics(), what.kind, m, publicUrl);
        sms.persist();
      }
    }
    if (!told.isEmpty()) {
      events.fire(new NotifyEvents.NotificationsChanged(told));
    }
  }

  /**
   * A message to one person about something of a meeting that is not the meeting itself (a task's
   * reminder): in-app, and by email and SMS where configured and where the person has an address or
   * a number. Written in the caller's transaction; the {@link OutboxSender} sends after commit.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void tell(
      vn.hopso.org.Person person, Meeting m, String kind, String title, String body, String sms) {
    notice(person, m, kind, title, body);
    Instant now = clock.instant();
    if (!person.active) {
      return;
    }
    if (config.mail().enabled() && notBlank(person.email)) {
      OutboundMessage mail = direct(OutboundMessage.Channel.EMAIL, m, person, kind, now);
      mail.recipient = person.email.trim();
      mail.subject = Texts.fit(title, Limits.MAIL_SUBJECT);
      mail.body = body + "\n\n" + MessageTexts.link(publicUrl, m);
      mail.persist();
    }
    if (config.sms().enabled() && notBlank(person.phone)) {
      OutboundMessage text = direct(OutboundMessage.Channel.SMS, m, person, kind, now);
      text.recipient = smsNumber(person.phone);
      text.body =
          config.sms().stripDiacritics() ? vn.hopso.common.VietnameseText.stripMarks(sms) : sms;
      text.persist();
    }
  }

  private static OutboundMessage direct(
      OutboundMessage.Channel channel,
      Meeting m,
      vn.hopso.org.Person person,
      String kind,
      Instant now) {
    OutboundMessage msg = new OutboundMessage();
    msg.channel = channel;
    msg.meeting = m;
    msg.person = person;
    msg.kind = kind;
    msg.createdAt = now;
    msg.nextAttemptAt = now;
    return msg;
  }

  /** A plain in-app notice to one person (e.g. a failed delivery, for the secretary). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void notice(
      vn.hopso.org.Person person, Meeting m, String kind, String title, String body) {
    Notification n = new Notification();
    n.person = person;
    n.meeting = m;
    n.kind = kind;
    n.title = Texts.fit(title, Limits.NOTIFICATION_TITLE);
    n.body = Texts.fit(body, Limits.NOTIFICATION_BODY);
    n.createdAt = clock.instant();
    n.persist();
    events.fire(new NotifyEvents.NotificationsChanged(java.util.Set.of(person.id)));
  }

  private String organizer(Meeting m) {
    if (m.secretary != null && notBlank(m.secretary.email)) {
      return m.secretary.email.trim();
    }
    return addressOf(mailFrom);
  }

  /** "HopSo <hopso@x.vn>" → "hopso@x.vn". */
  static String addressOf(String from) {
    int lt = from.indexOf('<');
    int gt = from.indexOf('>');
    return lt >= 0 && gt > lt ? from.substring(lt + 1, gt).trim() : from.trim();
  }

  private static OutboundMessage message(
      OutboundMessage.Channel channel, Meeting m, Participant p, What what, Instant now) {
    return direct(channel, m, p.person, what.name(), now);
  }

  /** "0912 000 123" → "0912000123": what an SMS gateway takes. */
  private static String smsNumber(String phone) {
    return phone.replaceAll("[^0-9+]", "");
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
