import { useQuery } from '@tanstack/react-query';
import type { Id } from '../../api/types';
import { FormError } from '../../components/Field';
import { formatDateTime } from '../../format';
import { errorText } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { unitMergesQuery } from './api/getUnitMerges';

/** Merges into or out of a unit (GET /api/units/{id}/merges). */
export function MergeHistory({ unitId }: { unitId: Id }) {
  const { t } = useI18n();
  const { data, error, isPending: loading } = useQuery(unitMergesQuery(unitId));
  return (
    <section className="merge-history" data-testid="merge-history" aria-labelledby="merge-history-title">
      <h3 id="merge-history-title">{t('admin:units.mergeHistory')}</h3>
      <FormError message={error ? errorText(error, t) : null} />
      {loading && !data && <p className="muted">{t('app.loading')}</p>}
      {data && data.length === 0 && <p className="muted">{t('admin:units.mergeHistoryEmpty')}</p>}
      {data && data.length > 0 && (
        <ul className="merge-list">
          {data.map((m) => (
            <li key={`${String(m.fromId)}-${String(m.intoId)}-${m.mergedAt}`} className="merge-item" data-testid="merge-row">
              <p className="merge-line">
                <strong>{m.fromName}</strong> <code>{m.fromCode}</code>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> {t('admin:units.mergeInto')} </span>
                <strong>{m.intoName}</strong> <code>{m.intoCode}</code>
              </p>
              <p className="muted merge-meta">
                {formatDateTime(m.mergedAt)}
                {m.mergedBy && ` · ${t('admin:units.mergedBy')}: ${m.mergedBy}`}
              </p>
              <p className="merge-meta">
                {t('admin:units.moved')}:{' '}
                {t('admin:units.movedSummary', {
                  endpoints: t('count.endpoints', { count: m.movedEndpoints ?? 0 }),
                  people: t('count.people', { count: m.movedPeople ?? 0 }),
                  children: t('count.units', { count: m.movedChildren ?? 0 }),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
