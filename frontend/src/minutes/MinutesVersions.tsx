import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Id } from '../api/types';
import { FormError } from '../components/Field';
import { formatDateTime } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { minutesDiffQuery, minutesVersionsQuery } from './api/minutes';
import { diffRows, type Segment } from './diffRows';

/**
 * The saved versions of the minutes (newest first) and the comparison of any two: the lines added,
 * removed and changed, with the changed words marked.
 */
export function MinutesVersions({ meetingId }: { meetingId: Id }) {
  const { t } = useI18n();
  const { data, error } = useQuery(minutesVersionsQuery(meetingId));
  const versions = data ?? [];
  const revisions = versions.map((v) => v.revision ?? 0);
  // what the form shows until the person picks: the newest against the one before it
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  const [compared, setCompared] = useState<{ from: number; to: number } | null>(null);
  const newest = revisions[0];
  const from = picked?.from ?? revisions[1] ?? newest ?? 0;
  const to = picked?.to ?? newest ?? 0;

  function compare(e: FormEvent) {
    e.preventDefault();
    if (from !== to) setCompared({ from: Math.min(from, to), to: Math.max(from, to) });
  }

  return (
    <section className="panel" aria-labelledby="minutes-versions-title" data-testid="minutes-versions">
      <h2 id="minutes-versions-title">{t('minutes:versions.title')}</h2>
      <FormError message={error ? errorText(error, t) : null} />
      {data && versions.length === 0 && <p className="muted">{t('minutes:versions.none')}</p>}
      <ol className="history-list">
        {versions.map((v) => (
          <li key={v.revision} className="history-item" data-testid="minutes-version" data-revision={v.revision}>
            <strong>{t('minutes:versions.version', { n: v.revision ?? '' })}</strong>{' '}
            {v.current && <span className="badge badge-ok">{t('minutes:versions.current')}</span>}{' '}
            <span className="muted">{t('minutes:versions.by', { name: v.savedBy ?? '', at: formatDateTime(v.savedAt) })}</span>
            {v.note && <p className="pre-line">{v.note}</p>}
            {(v.revision ?? 0) > 1 && (
              <div>
                <button
                  type="button"
                  className="btn btn-small"
                  data-testid="minutes-version-compare"
                  onClick={() => {
                    const r = v.revision ?? 0;
                    setPicked({ from: r - 1, to: r });
                    setCompared({ from: r - 1, to: r });
                  }}
                >
                  {t('minutes:versions.withPrevious')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {versions.length > 1 && (
        <form className="toolbar diff-form" onSubmit={compare}>
          <div className="field field-inline">
            <label htmlFor="diff-from">{t('minutes:versions.from')}</label>
            <select id="diff-from" name="from" value={from} onChange={(e) => setPicked({ from: Number(e.target.value), to })} data-testid="minutes-diff-from">
              {revisions.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-inline">
            <label htmlFor="diff-to">{t('minutes:versions.to')}</label>
            <select id="diff-to" name="to" value={to} onChange={(e) => setPicked({ from, to: Number(e.target.value) })} data-testid="minutes-diff-to">
              {revisions.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-primary" data-testid="minutes-diff-run" disabled={from === to}>
            {t('minutes:versions.compare')}
          </button>
          {from === to && <p className="hint">{t('minutes:versions.sameVersion')}</p>}
        </form>
      )}
      {compared && <DiffView key={`${compared.from}-${compared.to}`} meetingId={meetingId} from={compared.from} to={compared.to} />}
    </section>
  );
}

function Pieces({ segments, side }: { segments: readonly Segment[]; side: 'before' | 'after' }) {
  return (
    <>
      {segments.map((s, i) =>
        s.kind === 'same' ? (
          <span key={i}>{s.text}</span>
        ) : side === 'before' ? (
          <del key={i}>{s.text}</del>
        ) : (
          <ins key={i}>{s.text}</ins>
        ),
      )}
    </>
  );
}

/** One comparison: counts, a legend, and the rows (unchanged stretches folded, unfolded on a press). */
function DiffView({ meetingId, from, to }: { meetingId: Id; from: number; to: number }) {
  const { t } = useI18n();
  const { data, error, isPending } = useQuery(minutesDiffQuery(meetingId, from, to));
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const rows = data ? diffRows(data.lines ?? [], 2, open) : [];
  const nothing = data && !data.inserted && !data.deleted && !data.changed;

  return (
    <div className="diff" data-testid="minutes-diff" data-from={from} data-to={to}>
      <h3>{t('minutes:diff.title', { from, to })}</h3>
      <FormError message={error ? errorText(error, t) : null} />
      {isPending && !error && <p className="muted">{t('app.loading')}</p>}
      {data && (
        <p data-testid="minutes-diff-summary">
          {nothing
            ? t('minutes:diff.none')
            : t('minutes:diff.summary', { inserted: data.inserted ?? 0, deleted: data.deleted ?? 0, changed: data.changed ?? 0 })}
        </p>
      )}
      {data && !nothing && <p className="hint">{t('minutes:diff.legend')}</p>}
      {data && !nothing && (
        <ol className="diff-lines">
          {rows.map((r) =>
            r.type === 'fold' ? (
              <li key={`fold-${r.from}`} className="diff-fold">
                <button type="button" className="btn btn-small" onClick={() => setOpen((s) => new Set([...s, r.from]))}>
                  {t('minutes:diff.fold', { count: r.count })}
                </button>
              </li>
            ) : (
              <li key={r.index} className={`diff-line diff-${r.kind.toLowerCase()}`} data-testid="minutes-diff-line" data-kind={r.kind}>
                <span className="diff-mark">{t(`minutes:diff.${r.kind}`)}</span>
                <span className="diff-text">
                  {r.kind === 'EQUAL' && r.after}
                  {r.kind === 'INSERT' && <ins>{r.after}</ins>}
                  {r.kind === 'DELETE' && <del>{r.before}</del>}
                  {r.kind === 'CHANGE' && r.words && (
                    <>
                      <span className="diff-before">
                        <Pieces segments={r.words.before} side="before" />
                      </span>
                      <span className="diff-after">
                        <Pieces segments={r.words.after} side="after" />
                      </span>
                    </>
                  )}
                </span>
              </li>
            ),
          )}
        </ol>
      )}
    </div>
  );
}
