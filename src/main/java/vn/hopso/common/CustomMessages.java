package vn.hopso.common;

import java.util.HashMap;
import java.util.Map;

/**
 * Bean Validation messages written as {@code "{hopso.<code>}"} in a constraint's {@code message}
 * are looked up here, so a pattern's explanation is localized like every other message.
 */
final class CustomMessages {
  private static final Map<String, Msg> BY_CODE = new HashMap<>();

  static {
    for (CommonMsg m : CommonMsg.values()) {
      BY_CODE.put(m.code(), m);
    }
  }

  private CustomMessages() {}

  static Msg byCode(String code) {
    return BY_CODE.get(code);
  }
}
