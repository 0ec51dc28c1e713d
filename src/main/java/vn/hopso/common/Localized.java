package vn.hopso.common;

/**
 * A text that exists in Vietnamese and English. Message templates and enum values shown to people
 * (a meeting's status, a role) implement it so that an answer never mixes languages.
 */
public interface Localized {
  String vi();

  String en();

  default String in(Lang lang) {
    return lang == Lang.EN ? en() : vi();
  }
}
