import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { requireId } from '../../api/client';
import type { Endpoint } from '../../api/types';
import { ActiveBadge, StatusBadge } from '../../components/Badges';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../components/Field';
import { useListParams } from '../../components/listParams';
import { useNotify } from '../../components/Notice';
import { Pager } from '../../components/Pager';
import { SearchBox } from '../../components/SearchBox';
import { ActiveFilter, UnitFilter } from '../../components/UnitFilter';
import { useTitle } from '../../components/useTitle';
import { formatDateTime } from '../../format';
import { errorText } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { queryKeys } from '../../lib/queryKeys';
import { endpointQuery, endpointsQuery } from './api/getEndpoints';
import { useSaveEndpoint } from './api/saveEndpoint';
import { EndpointForm } from './EndpointForm';

type DialogState = { kind: 'create' } | { kind: 'edit'; endpoint: Endpoint } | { kind: 'toggle'; endpoint: Endpoint } | null;

/**
 * Paged endpoint list. `readOnly` is the secretary/chair view (/endpoints); admins get
 * create, edit, deactivate and activate (/admin/endpoints).
 */
export function EndpointsPage({ readOnly = false }: { readOnly?: boolean }) {
  const { t } = useI18n();
  const notify = useNotify();
  useTitle(t('admin:endpoints.title'));
  const { page, size, get, update } = useListParams();
  const q = get('q');
  const unitId = get('unitId');
  const active = get('active');
  const [dialog, setDialog] = useState<DialogState>(null);

  const { data, error, isFetching: loading } = useQuery(endpointsQuery({ q, unitId, active, page, size }));
  const items = data?.items ?? [];
  const save = useSaveEndpoint();
  const queryClient = useQueryClient();

  /** The endpoint again, fresh from the server (after a 409 "stale"); the list is refreshed as well. */
  async function fresh(ep: Endpoint): Promise<Endpoint> {
    void queryClient.invalidateQueries({ queryKey: queryKeys.endpoints.all() });
    return queryClient.fetchQuery(endpointQuery(requireId(ep.id)));
  }

  async function setActive(ep: Endpoint, value: boolean) {
    await save.mutateAsync({
      existing: ep,
      body: {
        code: ep.code ?? '',
        name: ep.name ?? '',
        unitId: requireId(ep.unitId),
        room: ep.room,
        deviceAccount: ep.deviceAccount,
        active: value,
        version: ep.version,
      },
    });
    const name = ep.name ?? '';
    notify(value ? t('common.activated', { name }) : t('common.deactivated', { name }));
    setDialog(null);
  }

  return (
    <div className="page list-page">
      <header className="page-head">
        <h1>
          {t('admin:endpoints.title')}
          {readOnly && <span className="badge badge-muted head-badge">{t('common.readOnly')}</span>}
        </h1>
        {!readOnly && (
          <button type="button" className="btn btn-primary" data-testid="endpoint-add" onClick={() => setDialog({ kind: 'create' })}>
            + {t('admin:endpoints.add')}
          </button>
        )}
      </header>

      <div className="toolbar">
        <SearchBox label={t('admin:endpoints.search')} value={q} onSearch={(v) => update({ q: v })} />
        <UnitFilter unitId={unitId} onChange={(v) => update({ unitId: v })} />
        <ActiveFilter value={active} onChange={(v) => update({ active: v })} />
      </div>

      <FormError message={error ? errorText(error, t) : null} />

      <div className="table-wrap" aria-busy={loading}>
        <table className="rtable" data-testid="endpoint-table">
          <thead>
            <tr>
              <th scope="col">{t('nav.endpoints')}</th>
              <th scope="col">{t('admin:endpoints.unit')}</th>
              <th scope="col">{t('admin:endpoints.room')}</th>
              <th scope="col">{t('admin:endpoints.deviceAccount')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('admin:endpoints.lastSeen')}</th>
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
                <td data-label={t('admin:endpoints.unit')}>{ep.unitName}</td>
                <td data-label={t('admin:endpoints.room')}>{ep.room}</td>
                <td data-label={t('admin:endpoints.deviceAccount')}>{ep.deviceAccount && <code>{ep.deviceAccount}</code>}</td>
                <td data-label={t('common.status')}>
                  <span className="badge-list">
                    <StatusBadge status={ep.status} />
                    {!ep.active && <ActiveBadge active={false} />}
                  </span>
                </td>
                <td data-label={t('admin:endpoints.lastSeen')}>{formatDateTime(ep.lastSeenAt)}</td>
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
            {q || unitId || active ? t('common.noResults') : t('admin:endpoints.empty')}
          </p>
        )}
        {loading && !data && <p className="muted">{t('app.loading')}</p>}
      </div>

      {data && <Pager page={page} size={size} total={data.total ?? 0} onPage={(p) => update({ page: p })} onSize={(s) => update({ size: s })} />}

      {dialog?.kind === 'create' && (
        <EndpointForm
          onClose={() => setDialog(null)}
          onSaved={(ep) => {
            setDialog(null);
            notify(t('admin:endpoints.created', { name: ep.name ?? '' }));
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EndpointForm
          key={dialog.endpoint.version}
          endpoint={dialog.endpoint}
          reload={async () => setDialog({ kind: 'edit', endpoint: await fresh(dialog.endpoint) })}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            notify(t('common.saved'));
          }}
        />
      )}
      {dialog?.kind === 'toggle' && (
        <ConfirmDialog
          key={dialog.endpoint.version}
          reload={async () => setDialog({ kind: 'toggle', endpoint: await fresh(dialog.endpoint) })}
          title={dialog.endpoint.active ? t('common.deactivate') : t('common.activate')}
          message={
            dialog.endpoint.active
              ? t('common.deactivateConfirm', { name: dialog.endpoint.name ?? '' })
              : t('common.activateConfirm', { name: dialog.endpoint.name ?? '' })
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
