package vn.hopso.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings under hopso.notify.* (mail, SMS, the outbox sender, reminders). */
@ConfigMapping(prefix = "hopso.notify")
public interface NotifyConfig {
  Mail mail();

  Sms sms();

  Outbox outbox();

  Reminders reminders();

  interface Mail {
    /** Send invitation emails (configure quarkus.mailer.* for the SMTP server). */
    @WithDefault("false")
    boolean enabled();
  }

  interface Sms {
    @WithDefault("false")
    boolean enabled();

    /** The gateway's HTTP endpoint; HopSo POSTs JSON {"to","from","text"}. */
    Optional<String> url();

    Optional<String> username();

    Optional<String> password();

    /** Sent as "Authorization: Bearer …" when set (instead of basic credentials). */
    Optional<String> token();

    @WithDefault("HOPSO")
    String sender();

    /** Placeholders: {kind} {title} {time} {place} {link}. */
    @WithDefault("[HopSo] {kind}: {title}, {time}, {place}. {link}")
    String template();

    /** Vietnamese without diacritics fits the GSM alphabet: 160 characters a message. */
    @WithDefault("true")
    boolean stripDiacritics();

    @WithDefault("PT10S")
    Duration timeout();
  }

  interface Outbox {
    /** How often the sender looks for due messages. */
    @WithDefault("5s")
    String interval();

    /** Attempts before a message is marked FAILED and shown to the secretary. */
    @WithDefault("4")
    int maxAttempts();

    /** Wait before attempt 2, 3, … (the last value repeats). */
    @WithDefault("PT30S,PT2M,PT10M")
    List<Duration> backoff();
  }

  interface Reminders {
    /** Before the start, a reminder is sent at each of these offsets. */
    @WithDefault("P1D,PT1H")
    List<Duration> offsets();

    @WithDefault("1m")
    String interval();
  }
}
