import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Id } from '../api/types';
import { useDebouncedValue } from '../components/hooks';
import { useI18n } from '../lib/i18n';
import { participantsQuery } from '../meetings/api/participants';

/** A person chosen among the meeting's participants. */
export interface Reader {
  id: Id;
  name: string;
}

/**
 * Choose people among the meeting's participants (a document's named readers, who sees a shared
 * annotation): a search (diacritics optional) over the participants, large check boxes, and the
 * chosen ones as chips that remove with one tap.
 */
export function ReadersPicker({
  meetingId,
  value,
  onChange,
  label,
  name = 'readers',
  error,
}: {
  meetingId: Id;
  value: readonly Reader[];
  onChange: (readers: Reader[]) => void;
  label: string;
  name?: string;
  error?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 300);
  const { data, isFetching, error: loadError } = useQuery(participantsQuery(meetingId, { q: query || undefined, size: 20 }));
  const chosen = new Set(value.map((r) => r.id));
  const toggle = (reader: Reader, on: boolean) => onChange(on ? [...value.filter((r) => r.id !== reader.id), reader] : value.filter((r) => r.id !== reader.id));
  const people = (data?.items ?? []).filter((p) => p.personId != null);

  return (
    <fieldset className={`readers-picker${error ? ' has-error' : ''}`} data-testid={`${name}-picker`}>
      <legend>{label}</legend>
      {value.length > 0 ? (
        <ul className="chips" aria-label={t('documents:readers.chosen', { count: value.length })}>
          {value.map((r) => (
            <li key={r.id} className="chip" data-testid="reader-chip" data-person-id={r.id}>
              {r.name}
              <button type="button" className="chip-x" aria-label={t('common.removeName', { name: r.name })} onClick={() => toggle(r, false)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('documents:readers.none')}</p>
      )}
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('documents:readers.search')}</label>
        <input id={`${id}-q`} name={`${name}Search`} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('common.searchPlaceholder')} autoComplete="off" />
      </div>
      {loadError ? (
        <p className="field-error">{t('documents:readers.loadFailed')}</p>
      ) : (
        <ul className="reader-options" aria-busy={isFetching || undefined}>
          {people.map((p) => {
            const reader = { id: p.personId as Id, name: p.fullName ?? '' };
            return (
              <li key={p.personId}>
                <label className="check">
                  <input type="checkbox" name={name} value={String(p.personId)} data-testid={`reader-option-${p.personId}`} checked={chosen.has(reader.id)} onChange={(e) => toggle(reader, e.target.checked)} />
                  <span>
                    {p.fullName}
                    {(p.position || p.unitName) && <span className="cell-sub">{[p.position, p.unitName].filter(Boolean).join(' · ')}</span>}
                  </span>
                </label>
              </li>
            );
          })}
          {!isFetching && people.length === 0 && <li className="muted">{t('common.noResults')}</li>}
        </ul>
      )}
      {error && <p className="field-error" data-testid="field-error">{error}</p>}
    </fieldset>
  );
}
