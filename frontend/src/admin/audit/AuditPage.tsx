import { useState } from 'react';
import { api } from '../../api';
import { errorText } from '../../components/errors';
import { FormError } from '../../components/Field';
import { useAsync } from '../../components/hooks';
import { useListParams } from '../../components/listParams';
import { Pager } from '../../components/Pager';
import { useTitle } from '../../components/useTitle';
import { formatDateTime, formatNumber } from '../../format';
import { useI18n } from '../../i18n';
import type { AuditEntry, AuditVerifyResult, Page } from '../../types';

export function AuditPage() {
  const { t } = useI18n();
  useTitle(t('audit.title'));
  const { page, size, update } = useListParams();
  const { data, error, loading } = useAsync<Page<AuditEntry>>(`audit|${page}|${size}`, (signal) =>
    api.get<Page<AuditEntry>>('/api/audit', { page, size }, signal),
  );
  const items = data?.items ?? [];

  return (
    <div className="page list-page">
      <header className="page-head">
        <h1>{t('audit.title')}</h1>
        <VerifyChain />
      </header>

      <FormError message={error ? errorText(error, t) : null} />

      <div className="table-wrap" aria-busy={loading}>
        <table className="rtable" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.detail')}</th>
              <th scope="col">{t('audit.ip')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={String(a.id)} data-testid="audit-row" data-id={String(a.id)}>
                <td data-label={t('audit.at')} className="nowrap">
                  {formatDateTime(a.at)}
                </td>
                <td data-label={t('audit.actor')}>{a.actor}</td>
                <td data-label={t('audit.action')}>
                  <code>{a.action}</code>
                </td>
                <td data-label={t('audit.target')}>{a.target}</td>
                <td data-label={t('audit.detail')} className="cell-detail">
                  {a.detail}
                </td>
                <td data-label={t('audit.ip')}>{a.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && items.length === 0 && <p className="empty">{t('audit.empty')}</p>}
        {loading && !data && <p className="muted">{t('app.loading')}</p>}
      </div>

      {data && <Pager page={page} size={size} total={data.total} onPage={(p) => update({ page: p })} onSize={(s) => update({ size: s })} />}
    </div>
  );
}

function VerifyChain() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function verify() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.get<AuditVerifyResult>('/api/audit/verify'));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="verify">
      <button type="button" className="btn btn-primary" data-testid="audit-verify" onClick={verify} disabled={busy}>
        {busy ? t('audit.verifying') : t('audit.verify')}
      </button>
      {result && (
        <div
          className={`alert ${result.ok ? 'alert-ok' : 'alert-error'}`}
          role={result.ok ? 'status' : 'alert'}
          data-testid="audit-verify-result"
          data-ok={result.ok}
        >
          {result.ok
            ? t('audit.verifyOk', { checked: formatNumber(result.checked) })
            : t('audit.verifyBroken', {
                id: String(result.firstBrokenId ?? '?'),
                reason: result.reason ?? '',
                checked: formatNumber(result.checked),
              })}
        </div>
      )}
      <FormError message={error} />
    </div>
  );
}
