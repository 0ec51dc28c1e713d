import { useQuery } from '@tanstack/react-query';
import { FormError } from '../../components/Field';
import { useListParams } from '../../components/listParams';
import { Pager } from '../../components/Pager';
import { useTitle } from '../../components/useTitle';
import { formatDateTime } from '../../format';
import { errorText } from '../../lib/errors';
import { type TFunction, useI18n } from '../../lib/i18n';
import { auditQuery, auditVerifyQuery } from './api/getAudit';

export function AuditPage() {
  const { t } = useI18n();
  useTitle(t('admin:audit.title'));
  const { page, size, update } = useListParams();
  const { data, error, isFetching: loading } = useQuery(auditQuery({ page, size }));
  const items = data?.items ?? [];

  return (
    <div className="page list-page">
      <header className="page-head">
        <h1>{t('admin:audit.title')}</h1>
        <VerifyChain />
      </header>

      <FormError message={error ? errorText(error, t) : null} />

      <div className="table-wrap" aria-busy={loading}>
        <table className="rtable" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('admin:audit.at')}</th>
              <th scope="col">{t('admin:audit.actor')}</th>
              <th scope="col">{t('admin:audit.action')}</th>
              <th scope="col">{t('admin:audit.target')}</th>
              <th scope="col">{t('admin:audit.detail')}</th>
              <th scope="col">{t('admin:audit.ip')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={String(a.id)} data-testid="audit-row" data-id={String(a.id)}>
                <td data-label={t('admin:audit.at')} className="nowrap">
                  {formatDateTime(a.at)}
                  {a.seq != null && <span className="cell-sub">#{a.seq}</span>}
                </td>
                <td data-label={t('admin:audit.actor')}>{a.actor}</td>
                <td data-label={t('admin:audit.action')}>
                  <code>{a.action}</code>
                </td>
                <td data-label={t('admin:audit.target')}>{a.target}</td>
                <td data-label={t('admin:audit.detail')} className="cell-detail">
                  {a.detail}
                </td>
                <td data-label={t('admin:audit.ip')}>{a.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && items.length === 0 && <p className="empty">{t('admin:audit.empty')}</p>}
        {loading && !data && <p className="muted">{t('app.loading')}</p>}
      </div>

      {data && <Pager page={page} size={size} total={data.total ?? 0} onPage={(p) => update({ page: p })} onSize={(s) => update({ size: s })} />}
    </div>
  );
}

function VerifyChain() {
  const { t } = useI18n();
  // a read on demand: nothing is fetched until the button is pressed
  const { data: result, error, isFetching: busy, refetch } = useQuery(auditVerifyQuery());

  return (
    <div className="verify">
      <button type="button" className="btn btn-primary" data-testid="audit-verify" onClick={() => void refetch()} disabled={busy}>
        {busy ? t('admin:audit.verifying') : t('admin:audit.verify')}
      </button>
      {result && !busy && (
        <div
          className={`alert ${result.ok ? 'alert-ok' : 'alert-error'}`}
          role={result.ok ? 'status' : 'alert'}
          data-testid="audit-verify-result"
          data-ok={result.ok}
        >
          {result.ok
            ? t('admin:audit.verifyOk', { count: result.checked ?? 0 })
            : t('admin:audit.verifyBroken', {
                seq: String(result.firstBrokenSeq ?? '?'),
                reason: brokenReason(result.reason, t),
                count: result.checked ?? 0,
              })}
          {(result.awaitingSeal ?? 0) > 0 && <> {t('admin:audit.awaitingSeal', { count: result.awaitingSeal ?? 0 })}</>}
        </div>
      )}
      <FormError message={error && !busy ? errorText(error, t) : null} />
    </div>
  );
}

/**
 * Why the chain check failed. The server writes the reason in English only (no code): the known
 * ones are translated, an unknown one is left out rather than shown in the wrong language.
 */
const REASONS: Record<string, 'missing' | 'link' | 'hash' | 'tail' | 'head'> = {
  'entry missing': 'missing',
  'link to previous entry broken': 'link',
  'hash mismatch: entry was altered': 'hash',
  'entries missing at the end': 'tail',
  'chain head does not match the last entry': 'head',
};

function brokenReason(reason: string | undefined, t: TFunction): string {
  const known = reason ? REASONS[reason] : undefined;
  return known ? t(`admin:audit.reason.${known}`) : t('admin:audit.reason.unknown');
}
