import { useQuery } from '@tanstack/react-query';
import { endpointsQuery } from '../admin/endpoints/api/getEndpoints';
import { ActiveBadge, StatusBadge } from '../components/Badges';
import { FormError } from '../components/Field';
import { formatDateTime } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';

/** For a meeting-room device account: its own endpoint (the server returns only that one). */
export function EndpointHome() {
  const { t } = useI18n();
  const { data, error, isPending: loading } = useQuery(endpointsQuery({ size: 1 }));
  const ep = data?.items?.[0];
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
            <dt>{t('admin:endpoints.code')}</dt>
            <dd>
              <code>{ep.code}</code>
            </dd>
            <dt>{t('admin:endpoints.unit')}</dt>
            <dd>{ep.unitName}</dd>
            {ep.room && (
              <>
                <dt>{t('admin:endpoints.room')}</dt>
                <dd>{ep.room}</dd>
              </>
            )}
            <dt>{t('common.status')}</dt>
            <dd>
              <StatusBadge status={ep.status} /> <ActiveBadge active={ep.active} />
            </dd>
            {ep.lastSeenAt && (
              <>
                <dt>{t('admin:endpoints.lastSeen')}</dt>
                <dd>{formatDateTime(ep.lastSeenAt)}</dd>
              </>
            )}
          </dl>
        </article>
      )}
    </section>
  );
}
