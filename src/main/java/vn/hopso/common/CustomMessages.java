package vn.hopso.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bean Validation messages written as {@code "{hopso.<code>}"} in a constraint's {@code message}
 * are looked up here, among the messages of every feature, so a pattern's explanation is localized
 * like every other message and may belong to the feature whose input it checks.
 */
final class CustomMessages {
  /**
   * Every {@link Msg} enum of the application. Named, not imported: {@code common} depends on no
   * feature. LanguageTest checks that this list names exactly the Msg enums a class scan finds.
   */
  static final List<String> ENUMS =
      List.of(
          "vn.hopso.common.CommonMsg",
          "vn.hopso.common.ImportMsg",
          "vn.hopso.org.OrgMsg",
          "vn.hopso.auth.AuthMsg",
          "vn.hopso.meeting.MeetingMsg",
          "vn.hopso.agenda.AgendaMsg",
          "vn.hopso.notify.NotifyMsg",
          "vn.hopso.speaker.SpeakerMsg",
          "vn.hopso.live.LiveMsg",
          "vn.hopso.document.DocumentMsg",
          "vn.hopso.vote.PollMsg",
          "vn.hopso.minutes.MinutesMsg");

  private static final Map<String, Msg> BY_CODE = new HashMap<>();

  static {
    for (String name : ENUMS) {
      Class<?> type;
      try {
        type = Class.forName(name, true, CustomMessages.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("message enum " + name + " not found", e);
      }
      for (Object m : type.getEnumConstants()) {
        Msg msg = (Msg) m;
        if (BY_CODE.put(msg.code(), msg) != null) {
          throw new IllegalStateException("message code used twice: " + msg.code());
        }
      }
    }
  }

  private CustomMessages() {}

  static Msg byCode(String code) {
    return BY_CODE.get(code);
  }
}
