package vn.hopso.common;

/**
 * A message with a stable code (for programs) and its Vietnamese and English templates (for
 * people). Templates name their parameters in braces: {@code "tối đa {max} ký tự"}. Each feature
 * keeps its messages in an enum of its own that implements this interface.
 */
public interface Msg extends Localized {
  /** Stable, dotted, lower case: {@code meeting.time-past}. Clients may rely on it. */
  String code();
}
