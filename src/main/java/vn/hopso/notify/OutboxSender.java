package vn.hopso.notify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import vn.hopso.common.Texts;
import vn.hopso.common.VietnameseDates;

/**
 * Sends due emails and SMS from the outbox. Several instances may run it at once: a message is
 * claimed with a conditional update before it is sent, so each is sent by one instance. A failure
 * is retried with back-off; after the last attempt the message is FAILED and the meeting's
 * secretary is told in the app.
 */
@ApplicationScoped
public class OutboxSender {
  private static final Logger LOG = Logger.getLogger(OutboxSender.class);
  private static final Duration CLAIM = Duration.ofMinutes(2);
  private static final int BATCH = 50;

  @Inject NotifyConfig config;
  @Inject Mailer mailer;
  @Inject SmsGateway sms;
  @Inject Announcer announcer;
  @Inject Clock clock;

  @Scheduled(
      every = "${hopso.notify.outbox.interval}",
      delayed = "3s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    sendDue();
    backlog.set(
        QuarkusTransaction.requiringNew()
            .call(() -> OutboundMessage.count("status", OutboundMessage.Status.PENDING)));
  }

  /** Messages waiting to be sent (due or retrying), as the last run of the sender counted them. */
  private final AtomicLong backlog = new AtomicLong();

  void register(@Observes StartupEvent e, MeterRegistry registry) {
    Gauge.builder("hopso.outbox.backlog", backlog, AtomicLong::get)
        .description("Emails and SMS waiting in the outbox (pending or retrying)")
        .register(registry);
  }

  /** Sends what is due now; answers how many messages were handled. */
  public int sendDue() {
    int handled = 0;
    while (true) {
      Instant now = clock.instant();
      List<Long> due =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      OutboundMessage.<OutboundMessage>find(
                              "status = ?1 and nextAttemptAt <= ?2 and (claimedUntil is null or"
                                  + " claimedUntil < ?2) order by nextAttemptAt, id",
                              OutboundMessage.Status.PENDING,
                              now)
                          .page(0, BATCH)
                          .list()
                          .stream()
                          .map(m -> m.id)
                          .toList());
      if (due.isEmpty()) {
        return handled;
      }
      for (Long id : due) {
        if (claim(id, now)) {
          send(id);
          handled++;
        }
      }
    }
  }

  private boolean claim(long id, Instant now) {
    return QuarkusTransaction.requiringNew()
            .call(
                () ->
                    OutboundMessage.update(
                        "claimedUntil = ?1 where id = ?2 and status = ?3 and (claimedUntil is"
                            + " null or claimedUntil < ?4)",
                        now.plus(CLAIM),
                        id,
                        OutboundMessage.Status.PENDING,
                        now))
        == 1;
  }

  private record Snapshot(
      OutboundMessage.Channel channel,
      String recipient,
      String subject,
      String body,
      String calendar,
      String method) {}

  private void send(long id) {
    Snapshot s =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  OutboundMessage m = OutboundMessage.findById(id);
                  return new Snapshot(
                      m.channel, m.recipient, m.subject, m.body, m.calendar, m.calendarMethod);
                });
    String error = null;
    try {
      if (s.channel() == OutboundMessage.Channel.EMAIL) {
        Mail mail = Mail.withText(s.recipient(), s.subject(), s.body());
        if (s.calendar() != null) {
          mail.addAttachment(
              s.method().equals("CANCEL") ? "cancel.ics" : "invite.ics",
              s.calendar().getBytes(StandardCharsets.UTF_8),
              "text/calendar; charset=UTF-8; method=" + s.method());
        }
        mailer.send(mail);
      } else {
        sms.send(s.recipient(), s.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    String failure = error;
    QuarkusTransaction.requiringNew().run(() -> record(id, failure));
  }

  private void record(long id, String error) {
    OutboundMessage m = OutboundMessage.findById(id);
    Instant now = clock.instant();
    m.attempts++;
    m.claimedUntil = null;
    if (error == null) {
      m.status = OutboundMessage.Status.SENT;
      m.sentAt = now;
      m.lastError = null;
      return;
    }
    m.lastError = Texts.cut(error, 1000);
    if (m.attempts >= config.outbox().maxAttempts()) {
      m.status = OutboundMessage.Status.FAILED;
      LOG.warnf(
          "giving up %s to %s after %d attempts: %s",
          m.channel, m.recipient, m.attempts, m.lastError);
      if (m.meeting != null && m.meeting.secretary != null) {
        announcer.notice(
            m.meeting.secretary,
            m.meeting,
            "DELIVERY_FAILED",
            "Không gửi được "
                + (m.channel == OutboundMessage.Channel.EMAIL ? "email" : "SMS")
                + " tới "
                + (m.person == null ? m.recipient : m.person.fullName),
            m.meeting.title
                + " · "
                + VietnameseDates.shortDateTime(m.meeting.startsAt)
                + " · "
                + m.lastError);
      }
    } else {
      List<Duration> backoff = config.outbox().backoff();
      Duration wait = backoff.get(Math.min(m.attempts - 1, backoff.size() - 1));
      m.nextAttemptAt = now.plus(wait);
    }
  }
}
