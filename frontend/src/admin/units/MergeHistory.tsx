import { api } from '../../api';
import { errorText } from '../../components/errors';
import { FormError } from '../../components/Field';
import { useAsync } from '../../components/hooks';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import type { Id, MergeRecord } from '../../types';

/** Merges into or out of a unit (GET /api/units/{id}/merges). `version` forces a reload. */
export function MergeHistory({ unitId, version }: { unitId: Id; version: number }) {
  const { t } = useI18n();
  const { data, error, loading } = useAsync<MergeRecord[]>(`merges|${String(unitId)}|${version}`, (signal) =>
    api.get<MergeRecord[]>(`/api/units/${encodeURIComponent(String(unitId))}/merges`, undefined, signal),
  );
  return (
    <section className="merge-history" data-testid="merge-history" aria-labelledby="merge-history-title">
      <h3 id="merge-history-title">{t('units.mergeHistory')}</h3>
      <FormError message={error ? errorText(error, t) : null} />
      {loading && !data && <p className="muted">{t('app.loading')}</p>}
      {data && data.length === 0 && <p className="muted">{t('units.mergeHistoryEmpty')}</p>}
      {data && data.length > 0 && (
        <ul className="merge-list">
          {data.map((m) => (
            <li key={`${String(m.fromId)}-${String(m.intoId)}-${m.mergedAt}`} className="merge-item" data-testid="merge-row">
              <p className="merge-line">
                <strong>{m.fromName}</strong> <code>{m.fromCode}</code>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> {t('units.mergeInto')} </span>
                <strong>{m.intoName}</strong> <code>{m.intoCode}</code>
              </p>
              <p className="muted merge-meta">
                {formatDateTime(m.mergedAt)}
                {m.mergedBy && ` · ${t('units.mergedBy')}: ${m.mergedBy}`}
              </p>
              <p className="merge-meta">
                {t('units.moved')}: {t('units.movedSummary', { endpoints: m.movedEndpoints, people: m.movedPeople, children: m.movedChildren })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
