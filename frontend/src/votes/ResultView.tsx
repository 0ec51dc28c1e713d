import type { Poll, PollResult, Rating } from '../api/types';
import { RATINGS } from '../api/types';
import { formatNumber } from '../format';
import { type TFunction, useI18n } from '../lib/i18n';
import { type Bar, barWidth, chartScale, formatShare, outcomeCounts, resultLayout } from './results';

/**
 * A published (or, for those who run it, closed) poll's result: the decision in large type, the
 * bars (plain CSS: a count's share of the rule's base, with a mark where the rule's requirement
 * lies), the figures and the rule. The same component serves the tablet, the meeting page and the
 * room's screen (`display`: sized by the screen). Everything shown is the server's result.
 */
export function ResultView({ poll, result, display, showRule = true }: { poll: Poll; result: PollResult; display?: boolean; showRule?: boolean }) {
  const { t } = useI18n();
  const layout = resultLayout(poll.kind, result);
  const scale = chartScale(layout);
  const requiredAt = layout.required != null && scale > 0 ? barWidth(layout.required, scale) : null;
  const rule = result.rule?.text ?? poll.rule?.text;
  const decision = result.decision;

  return (
    <section
      className={`poll-result${display ? ' is-display' : ''}`}
      data-testid="poll-result"
      data-decision={poll.kind === 'YES_NO' ? decision : undefined}
      aria-label={t('votes:result.title')}
    >
      {poll.kind === 'YES_NO' && decision && (
        <p className={`poll-decision ${decision === 'ADOPTED' ? 'is-adopted' : 'is-rejected'}`} data-testid="result-decision" data-decision={decision}>
          <span aria-hidden="true">{decision === 'ADOPTED' ? '✓ ' : '✗ '}</span>
          {t(`votes:decision.${decision}`)}
          {result.tie && (
            <span className="poll-decision-note">
              {' '}
              ({t('votes:result.tie')}
              {result.decidedByChair ? `, ${t('votes:result.decidedByChair')}` : ''})
            </span>
          )}
        </p>
      )}

      {poll.kind !== 'YES_NO' && (
        <p className="poll-decision is-neutral" data-testid="result-text">
          {outcomeSummary(poll.kind, result, t)}
        </p>
      )}

      {layout.kind === 'CONFIDENCE' ? (
        <>
          <p className="result-legend" aria-hidden="true">
            {RATINGS.map((r) => (
              <span key={r} className={`result-legend-item rating-${r.toLowerCase()}`}>
                <span className="result-legend-swatch" /> {t(`votes:rating.${r}`)}
              </span>
            ))}
          </p>
          <ul className="result-chart result-ratings" data-testid="result-chart" aria-label={t('votes:result.chart')}>
            {layout.rows.map((row) => (
              <li key={row.key} className={`result-bar result-rating-row${row.outcome ? ` outcome-${row.outcome.toLowerCase()}` : ''}`} data-testid="result-row" data-outcome={row.outcome}>
                <span className="result-bar-label result-rating-who">
                  <span>{row.label}</span>
                  {row.outcome && <OutcomeBadge outcome={row.outcome} />}
                </span>
                <span className="result-bar-track is-stacked">
                  {RATINGS.map((r: Rating) => (
                    <span
                      key={r}
                      className={`result-bar-seg rating-${r.toLowerCase()}`}
                      style={{ width: `${barWidth(row.counts[r], scale)}%` }}
                      data-testid="result-bar"
                      data-key={r}
                      data-count={row.counts[r]}
                      title={`${t(`votes:rating.${r}`)}: ${formatNumber(row.counts[r])}`}
                    />
                  ))}
                </span>
                <span className="result-bar-value">
                  {RATINGS.map((r: Rating, i) => (
                    <span key={r} className={`result-rating-count rating-${r.toLowerCase()}`}>
                      {i > 0 && ' · '}
                      <span className="visually-hidden">{t(`votes:rating.${r}`)} </span>
                      <strong>{formatNumber(row.counts[r])}</strong>
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <ul className="result-chart" data-testid="result-chart" aria-label={t('votes:result.chart')}>
          {layout.bars.map((b) => (
            <ResultBar key={b.key} bar={b} kind={layout.kind} scale={scale} requiredAt={requiredAt} />
          ))}
        </ul>
      )}

      <dl className="result-figures" aria-label={t('votes:result.figures')}>
        <Figure label={t('votes:result.members')} value={result.members} testId="result-members" />
        <Figure label={t('votes:result.present')} value={result.present} testId="result-present" />
        <Figure label={t('votes:result.cast')} value={result.cast} testId="result-cast" />
        {result.invalid != null && result.invalid > 0 && <Figure label={t('votes:result.invalid')} value={result.invalid} />}
        <Figure label={t('votes:result.required')} value={result.required} testId="result-required" />
      </dl>
      {rule && showRule && (
        <p className="result-rule" data-testid="result-rule">
          {t('votes:result.rule', { rule })}
        </p>
      )}
    </section>
  );
}

/** "2 người trúng cử", "1 người bằng phiếu"; "0 người có số phiếu tín nhiệm thấp đạt ngưỡng": from the outcomes. */
function outcomeSummary(kind: Poll['kind'], result: PollResult, t: TFunction): string {
  const n = outcomeCounts(result);
  if (kind === 'CONFIDENCE') return t('votes:result.lowConfidence', { count: n.lowConfidence });
  const elected = t('votes:result.elected', { count: n.elected });
  return n.tied > 0 ? `${elected} · ${t('votes:result.tied', { count: n.tied })}` : elected;
}

function ResultBar({ bar, kind, scale, requiredAt }: { bar: Bar; kind: 'YES_NO' | 'ELECTION'; scale: number; requiredAt: number | null }) {
  const { t } = useI18n();
  const label = kind === 'YES_NO' ? t(`votes:value.${bar.key as 'YES' | 'NO' | 'ABSTAIN'}`) : bar.label;
  // the requirement concerns the yes votes of a motion and every candidate's votes
  const mark = requiredAt !== null && (kind === 'ELECTION' || bar.key === 'YES');
  return (
    <li
      className={`result-bar bar-${bar.key.toLowerCase()}${bar.outcome ? ` outcome-${bar.outcome.toLowerCase()}` : ''}`}
      data-testid="result-bar"
      data-key={bar.key}
      data-count={bar.count}
      data-outcome={bar.outcome}
    >
      <span className="result-bar-label">{label}</span>
      <span className="result-bar-track">
        <span className="result-bar-fill" style={{ width: `${barWidth(bar.count, scale)}%` }} />
        {mark && <span className="result-bar-mark" style={{ left: `${requiredAt}%` }} title={t('votes:result.required')} />}
      </span>
      <span className="result-bar-value">
        <strong>{formatNumber(bar.count)}</strong>
        {bar.share !== null && <span className="result-bar-share"> · {formatShare(bar.share)}</span>}
        {bar.outcome && <OutcomeBadge outcome={bar.outcome} />}
      </span>
    </li>
  );
}

function OutcomeBadge({ outcome }: { outcome: NonNullable<Bar['outcome']> }) {
  const { t } = useI18n();
  const good = outcome === 'ELECTED' || outcome === 'CONFIDENCE';
  return (
    <span className={`badge ${good ? 'badge-ok' : outcome === 'TIED' ? 'badge-warn' : 'badge-muted'} outcome-badge`} data-testid="result-outcome" data-outcome={outcome}>
      {t(`votes:outcome.${outcome}`)}
    </span>
  );
}

function Figure({ label, value, testId }: { label: string; value: number | undefined; testId?: string }) {
  if (value == null) return null;
  return (
    <div className="result-figure">
      <dt>{label}</dt>
      <dd data-testid={testId}>{formatNumber(value)}</dd>
    </div>
  );
}
