import { useId, type ReactNode } from 'react';
import { formatNumber } from '../format';
import { useI18n } from '../lib/i18n';

/** The quorum in short: the attendance tab's read (`Quorum`) and the live state's (`QuorumSummary`). */
export interface QuorumFigures {
  reached?: boolean;
  present?: number;
  required?: number;
  /** the voting members */
  voting?: number;
}

/** A count, or "–" while unknown. */
export function formatCount(n: number | undefined): string {
  return n == null ? '–' : formatNumber(n);
}

/**
 * Reached or not, with present / required / voting members (`quorum`, `data-reached`). The
 * attendance tab adds the rule and the counts per state below (`children`) and titles it.
 */
export function QuorumPanel({ q, titled, children }: { q: QuorumFigures; titled?: boolean; children?: ReactNode }) {
  const { t } = useI18n();
  const titleId = useId();
  const reached = q.reached ? 'true' : 'false';
  return (
    <section
      className={`quorum-panel ${q.reached ? 'is-reached' : 'is-short'}`}
      data-testid="quorum"
      data-reached={reached}
      aria-live="polite"
      aria-labelledby={titled ? titleId : undefined}
    >
      {titled && (
        <h2 id={titleId} className="visually-hidden">
          {t('meetings:quorum.title')}
        </h2>
      )}
      <p className="quorum-verdict" data-testid="quorum-reached" data-reached={reached} data-value={reached}>
        <span aria-hidden="true">{q.reached ? '✓ ' : '! '}</span>
        {q.reached ? t('meetings:quorum.reached') : t('meetings:quorum.notReached')}
      </p>
      <dl className="quorum-numbers">
        <div>
          <dt>{t('meetings:quorum.present')}</dt>
          <dd data-testid="quorum-present">{formatCount(q.present)}</dd>
        </div>
        <div>
          <dt>{t('meetings:quorum.required')}</dt>
          <dd data-testid="quorum-required">{formatCount(q.required)}</dd>
        </div>
        <div>
          <dt>{t('meetings:quorum.voting')}</dt>
          <dd data-testid="quorum-voting">{formatCount(q.voting)}</dd>
        </div>
      </dl>
      {children}
    </section>
  );
}
