import { useQueryClient } from '@tanstack/react-query';
import { LANGS, useI18n, type Lang } from '../lib/i18n';

/**
 * Two toggle buttons: Tiếng Việt / English. The choice is kept in localStorage. Some answers carry
 * texts the server wrote in the request's language (the quorum rule…): what is on screen is asked
 * for again in the new language.
 */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const queryClient = useQueryClient();
  function choose(l: Lang) {
    if (l === lang) return;
    setLang(l);
    void queryClient.invalidateQueries();
  }
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={`btn btn-toggle${lang === l ? ' is-on' : ''}`}
          aria-pressed={lang === l}
          data-testid={`lang-${l}`}
          onClick={() => choose(l)}
        >
          {t(`lang.${l}`)}
        </button>
      ))}
    </div>
  );
}
