import { useState } from 'react';
import { api } from '../../api';
import { ActiveBadge, StatusBadge } from '../../components/Badges';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/errors';
import { FormError } from '../../components/Field';
import { useAsync } from '../../components/hooks';
import { useListParams } from '../../components/listParams';
import { useNotify } from '../../components/Notice';
import { Pager } from '../../components/Pager';
import { SearchBox } from '../../components/SearchBox';
import { ActiveFilter, UnitFilter } from '../../components/UnitFilter';
import { useTitle } from '../../components/useTitle';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import type { Endpoint, EndpointUpdate, Page } from '../../types';
import { EndpointForm } from './EndpointForm';

type DialogState = { kind: 'create' } | { kind: 'edit'; endpoint: Endpoint } | { kind: 'toggle'; endpoint: Endpoint } | null;

/**
 * Paged endpoint list. `readOnly` is the secretary/chair view (/endpoints); admins get
 * create, edit, deactivate and activate (/admin/endpoints).
 */
export function EndpointsPage({ readOnly = false }: { readOnly?: boolean }) {
  const { t } = useI18n();
  const notify = useNotify();
  useTitle(t('endpoints.title'));
  const { page, size, get, update } = useListParams();
  const q = get('q');
  const unitId = get('unitId');
  const active = get('active');
  const [dialog, setDialog] = useState<DialogState>(null);

  const query = { q, unitId, active, page, size };
  const { data, error, loading, reload } = useAsync<Page<Endpoint>>(JSON.stringify(query), (signal) =>
    api.get<Page<Endpoint>>('/api/endpoints', query, signal),
  );
  const items = data?.items ?? [];

  async function setActive(ep: Endpoint, value: boolean) {
    const body: EndpointUpdate = {
      code: ep.code,
      name: ep.name,
      unitId: ep.unitId,
      room: ep.room,
      deviceAccount: ep.deviceAccount,
      active: value,
    };
    await api.put<Endpoint>(`/api/endpoints/${encodeURIComponent(String(ep.id))}`, body);
    notify(value ? t('common.activated', { name: ep.name }) : t('common.deactivated', { name: ep.name }));
    setDialog(null);
    reload();
  }

  return (
    <div className="page list-page">
      <header className="page-head">
        <h1>
          {t('endpoints.title')}
          {readOnly && <span className="badge badge-muted head-badge">{t('common.readOnly')}</span>}
        </h1>
        {!readOnly && (
          <button type="button" className="btn btn-primary" data-testid="endpoint-add" onClick={() => setDialog({ kind: 'create' })}>
            + {t('endpoints.add')}
          </button>
        )}
      </header>

      <div className="toolbar">
        <SearchBox label={t('endpoints.search')} value={q} onSearch={(v) => update({ q: v })} />
        <UnitFilter unitId={unitId} onChange={(v) => update({ unitId: v })} />
        <ActiveFilter value={active} onChange={(v) => update({ active: v })} />
      </div>

      <FormError message={error ? errorText(error, t) : null} />

      <div className="table-wrap" aria-busy={loading}>
        <table className="rtable" data-testid="endpoint-table">
          <thead>
            <tr>
              <th scope="col">{t('nav.endpoints')}</th>
              <th scope="col">{t('endpoints.unit')}</th>
              <th scope="col">{t('endpoints.room')}</th>
              <th scope="col">{t('endpoints.deviceAccount')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('endpoints.lastSeen')}</th>
              {!readOnly && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((ep) => (
              <tr key={String(ep.id)} data-testid="endpoint-row" data-code={ep.code} className={ep.active ? '' : 'is-inactive'}>
                <td data-label={t('nav.endpoints')}>
                  <span className="cell-title">{ep.name}</span>
                  <code className="cell-sub">{ep.code}</code>
                </td>
                <td data-label={t('endpoints.unit')}>{ep.unitName}</td>
                <td data-label={t('endpoints.room')}>{ep.room}</td>
                <td data-label={t('endpoints.deviceAccount')}>{ep.deviceAccount && <code>{ep.deviceAccount}</code>}</td>
                <td data-label={t('common.status')}>
                  <span className="badge-list">
                    <StatusBadge status={ep.status} />
                    {!ep.active && <ActiveBadge active={false} />}
                  </span>
                </td>
                <td data-label={t('endpoints.lastSeen')}>{formatDateTime(ep.lastSeenAt)}</td>
                {!readOnly && (
                  <td data-label={t('common.actions')} className="cell-actions">
                    <div className="cell-actions-inner">
                      <button type="button" className="btn btn-small" data-testid="endpoint-edit" onClick={() => setDialog({ kind: 'edit', endpoint: ep })}>
                        {t('common.edit')}
                      </button>
                      <button
                        type="button"
                        className={`btn btn-small ${ep.active ? 'btn-danger-outline' : ''}`}
                        data-testid="endpoint-toggle-active"
                        onClick={() => setDialog({ kind: 'toggle', endpoint: ep })}
                      >
                        {ep.active ? t('common.deactivate') : t('common.activate')}
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {data && items.length === 0 && (
          <p className="empty" data-testid="empty">
            {q || unitId || active ? t('common.noResults') : t('endpoints.empty')}
          </p>
        )}
        {loading && !data && <p className="muted">{t('app.loading')}</p>}
      </div>

      {data && <Pager page={page} size={size} total={data.total} onPage={(p) => update({ page: p })} onSize={(s) => update({ size: s })} />}

      {dialog?.kind === 'create' && (
        <EndpointForm
          onClose={() => setDialog(null)}
          onSaved={(ep) => {
            setDialog(null);
            notify(t('endpoints.created', { name: ep.name }));
            reload();
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EndpointForm
          endpoint={dialog.endpoint}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            notify(t('common.saved'));
            reload();
          }}
        />
      )}
      {dialog?.kind === 'toggle' && (
        <ConfirmDialog
          title={dialog.endpoint.active ? t('common.deactivate') : t('common.activate')}
          message={
            dialog.endpoint.active
              ? t('common.deactivateConfirm', { name: dialog.endpoint.name })
              : t('common.activateConfirm', { name: dialog.endpoint.name })
          }
          confirmLabel={dialog.endpoint.active ? t('common.deactivate') : t('common.activate')}
          danger={dialog.endpoint.active}
          onConfirm={() => setActive(dialog.endpoint, !dialog.endpoint.active)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
