import { api } from '../api';
import { ActiveBadge, StatusBadge } from '../components/Badges';
import { errorText } from '../components/errors';
import { FormError } from '../components/Field';
import { useAsync } from '../components/hooks';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import type { Endpoint, Page } from '../types';

/** For a meeting-room device account: its own endpoint (the server returns only that one). */
export function EndpointHome() {
  const { t } = useI18n();
  const { data, error, loading } = useAsync<Page<Endpoint>>('own-endpoint', (signal) =>
    api.get<Page<Endpoint>>('/api/endpoints', { size: 1 }, signal),
  );
  const ep = data?.items[0];
  return (
    <section className="home-section" aria-labelledby="own-endpoint-title">
      <h2 id="own-endpoint-title">{t('home.myEndpoint')}</h2>
      {loading && !data && <p className="muted">{t('app.loading')}</p>}
      <FormError message={error ? errorText(error, t) : null} />
      {data && !ep && <p data-testid="endpoint-card-empty">{t('home.noEndpoint')}</p>}
      {ep && (
        <article className="card endpoint-card" data-testid="endpoint-card">
          <span className="card-title">{ep.name}</span>
          <dl className="props">
            <dt>{t('endpoints.code')}</dt>
            <dd>
              <code>{ep.code}</code>
            </dd>
            <dt>{t('endpoints.unit')}</dt>
            <dd>{ep.unitName}</dd>
            {ep.room && (
              <>
                <dt>{t('endpoints.room')}</dt>
                <dd>{ep.room}</dd>
              </>
            )}
            <dt>{t('common.status')}</dt>
            <dd>
              <StatusBadge status={ep.status} /> <ActiveBadge active={ep.active} />
            </dd>
            {ep.lastSeenAt && (
              <>
                <dt>{t('endpoints.lastSeen')}</dt>
                <dd>{formatDateTime(ep.lastSeenAt)}</dd>
              </>
            )}
          </dl>
        </article>
      )}
    </section>
  );
}
