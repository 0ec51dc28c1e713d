// UI texts through i18next. The texts live in src/locales/<lang>/<namespace>.json, Vietnamese
// first (the default and the fallback), English second; `npm run check:i18n` fails the build when
// a key exists in one language and not the other.
//
// Keys are written `namespace:path.to.key`; the `common` namespace needs no prefix:
//   t('common.save'), t('admin:units.title'), t('meetings:agenda.overrun', { count: 5 })
// Counts always go in `count` so i18next picks the plural form (`_one` / `_other` in English,
// only `_other` in Vietnamese). Numbers shown in a text use the `num` format (`{{count, num}}`),
// which is format.ts's Vietnamese number style whatever the UI language.

import i18next, { type ParseKeys, type TFunction as I18nextTFunction } from 'i18next';
import { useMemo } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import enAdmin from '../locales/en/admin.json';
import enCommon from '../locales/en/common.json';
import enDocuments from '../locales/en/documents.json';
import enLive from '../locales/en/live.json';
import enMeetings from '../locales/en/meetings.json';
import enMinutes from '../locales/en/minutes.json';
import enVotes from '../locales/en/votes.json';
import viAdmin from '../locales/vi/admin.json';
import viCommon from '../locales/vi/common.json';
import viDocuments from '../locales/vi/documents.json';
import viLive from '../locales/vi/live.json';
import viMeetings from '../locales/vi/meetings.json';
import viMinutes from '../locales/vi/minutes.json';
import viVotes from '../locales/vi/votes.json';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const DEFAULT_LANG: Lang = 'vi';

export const NAMESPACES = ['common', 'admin', 'meetings', 'live', 'documents', 'votes', 'minutes'] as const;
export const DEFAULT_NS = 'common';

export const resources = {
  vi: { common: viCommon, admin: viAdmin, meetings: viMeetings, live: viLive, documents: viDocuments, votes: viVotes, minutes: viMinutes },
  en: { common: enCommon, admin: enAdmin, meetings: enMeetings, live: enLive, documents: enDocuments, votes: enVotes, minutes: enMinutes },
} as const;

const STORAGE_KEY = 'hopso.lang';

function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

function savedLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage unavailable
  }
  return DEFAULT_LANG;
}

void i18next.use(initReactI18next).init({
  resources,
  lng: savedLang(),
  fallbackLng: DEFAULT_LANG,
  supportedLngs: LANGS,
  ns: NAMESPACES,
  defaultNS: DEFAULT_NS,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false, // resources are bundled: ready before the first render
});
i18next.services.formatter?.add('num', (value: unknown) => (typeof value === 'number' ? formatNumber(value) : String(value)));

function syncDocument(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
syncDocument(currentLang());
i18next.on('languageChanged', (lang) => {
  syncDocument(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage unavailable: the choice lasts until reload
  }
});

/** The UI language (also sent as Accept-Language). */
export function currentLang(): Lang {
  const lang = i18next.resolvedLanguage ?? i18next.language;
  return isLang(lang) ? lang : DEFAULT_LANG;
}

export function setLang(lang: Lang): void {
  if (lang !== currentLang()) void i18next.changeLanguage(lang);
}

export type TFunction = I18nextTFunction<typeof NAMESPACES>;
/** A text key: 'common.save', 'admin:units.title', … */
export type MsgKey = ParseKeys<typeof NAMESPACES>;

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

/** Current language and translate function; re-renders when the language changes. */
export function useI18n(): I18n {
  const { t, i18n } = useTranslation(NAMESPACES);
  const lang = isLang(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANG;
  return useMemo(() => ({ lang, setLang, t }), [lang, t]);
}

export { i18next };
