import { useState } from 'react';
import { api } from '../../api';
import { ActiveBadge, RoleBadges } from '../../components/Badges';
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
import { useI18n } from '../../i18n';
import { ROLES, type Page, type Person, type PersonUpdate } from '../../types';
import { PasswordDialog } from './PasswordDialog';
import { PersonForm } from './PersonForm';

type DialogState =
  | { kind: 'create' }
  | { kind: 'edit'; person: Person }
  | { kind: 'password'; person: Person }
  | { kind: 'toggle'; person: Person }
  | null;

/** Paged people list; `readOnly` for secretaries and chairs (/people). */
export function PeoplePage({ readOnly = false }: { readOnly?: boolean }) {
  const { t } = useI18n();
  const notify = useNotify();
  useTitle(t('people.title'));
  const { page, size, get, update } = useListParams();
  const q = get('q');
  const unitId = get('unitId');
  const role = get('role');
  const active = get('active');
  const [dialog, setDialog] = useState<DialogState>(null);

  const query = { q, unitId, role, active, page, size };
  const { data, error, loading, reload } = useAsync<Page<Person>>(JSON.stringify(query), (signal) =>
    api.get<Page<Person>>('/api/people', query, signal),
  );
  const items = data?.items ?? [];

  async function setActive(p: Person, value: boolean) {
    const body: PersonUpdate = {
      username: p.username,
      fullName: p.fullName,
      position: p.position,
      unitId: p.unitId,
      email: p.email,
      phone: p.phone,
      roles: p.roles,
      active: value,
    };
    await api.put<Person>(`/api/people/${encodeURIComponent(String(p.id))}`, body);
    notify(value ? t('common.activated', { name: p.fullName }) : t('common.deactivated', { name: p.fullName }));
    setDialog(null);
    reload();
  }

  return (
    <div className="page list-page">
      <header className="page-head">
        <h1>
          {t('people.title')}
          {readOnly && <span className="badge badge-muted head-badge">{t('common.readOnly')}</span>}
        </h1>
        {!readOnly && (
          <button type="button" className="btn btn-primary" data-testid="person-add" onClick={() => setDialog({ kind: 'create' })}>
            + {t('people.add')}
          </button>
        )}
      </header>

      <div className="toolbar">
        <SearchBox label={t('people.search')} value={q} onSearch={(v) => update({ q: v })} />
        <UnitFilter unitId={unitId} onChange={(v) => update({ unitId: v })} />
        <label className="field field-inline">
          <span className="label-text">{t('people.roles')}</span>
          <select name="role" data-testid="role-filter" value={role} onChange={(e) => update({ role: e.target.value })}>
            <option value="">{t('people.anyRole')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <ActiveFilter value={active} onChange={(v) => update({ active: v })} />
      </div>

      <FormError message={error ? errorText(error, t) : null} />

      <div className="table-wrap" aria-busy={loading}>
        <table className="rtable" data-testid="person-table">
          <thead>
            <tr>
              <th scope="col">{t('people.fullName')}</th>
              <th scope="col">{t('people.position')}</th>
              <th scope="col">{t('people.unit')}</th>
              <th scope="col">{t('people.roles')}</th>
              <th scope="col">{t('people.contact')}</th>
              <th scope="col">{t('common.status')}</th>
              {!readOnly && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={String(p.id)} data-testid="person-row" data-username={p.username} className={p.active ? '' : 'is-inactive'}>
                <td data-label={t('people.fullName')}>
                  <span className="cell-title">{p.fullName}</span>
                  <code className="cell-sub">{p.username}</code>
                </td>
                <td data-label={t('people.position')}>{p.position}</td>
                <td data-label={t('people.unit')}>{p.unitName}</td>
                <td data-label={t('people.roles')}>
                  <RoleBadges roles={p.roles ?? []} />
                </td>
                <td data-label={t('people.contact')} className="cell-contact">
                  {p.email && <a href={`mailto:${p.email}`}>{p.email}</a>}
                  {p.email && p.phone && <br />}
                  {p.phone && <a href={`tel:${p.phone}`}>{p.phone}</a>}
                </td>
                <td data-label={t('common.status')}>
                  <ActiveBadge active={p.active} />
                </td>
                {!readOnly && (
                  <td data-label={t('common.actions')} className="cell-actions">
                    <div className="cell-actions-inner">
                      <button type="button" className="btn btn-small" data-testid="person-edit" onClick={() => setDialog({ kind: 'edit', person: p })}>
                        {t('common.edit')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small"
                        data-testid="person-set-password"
                        onClick={() => setDialog({ kind: 'password', person: p })}
                      >
                        {t('people.setPassword')}
                      </button>
                      <button
                        type="button"
                        className={`btn btn-small ${p.active ? 'btn-danger-outline' : ''}`}
                        data-testid="person-toggle-active"
                        onClick={() => setDialog({ kind: 'toggle', person: p })}
                      >
                        {p.active ? t('common.deactivate') : t('common.activate')}
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
            {q || unitId || role || active ? t('common.noResults') : t('people.empty')}
          </p>
        )}
        {loading && !data && <p className="muted">{t('app.loading')}</p>}
      </div>

      {data && <Pager page={page} size={size} total={data.total} onPage={(p) => update({ page: p })} onSize={(s) => update({ size: s })} />}

      {dialog?.kind === 'create' && (
        <PersonForm
          onClose={() => setDialog(null)}
          onSaved={(p) => {
            setDialog(null);
            notify(t('people.created', { name: p.fullName }));
            reload();
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <PersonForm
          person={dialog.person}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            notify(t('common.saved'));
            reload();
          }}
        />
      )}
      {dialog?.kind === 'password' && (
        <PasswordDialog
          person={dialog.person}
          onClose={() => setDialog(null)}
          onDone={() => {
            notify(t('people.passwordSet', { name: dialog.person.fullName }));
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'toggle' && (
        <ConfirmDialog
          title={dialog.person.active ? t('common.deactivate') : t('common.activate')}
          message={
            dialog.person.active
              ? t('common.deactivateConfirm', { name: dialog.person.fullName })
              : t('common.activateConfirm', { name: dialog.person.fullName })
          }
          confirmLabel={dialog.person.active ? t('common.deactivate') : t('common.activate')}
          danger={dialog.person.active}
          onConfirm={() => setActive(dialog.person, !dialog.person.active)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
