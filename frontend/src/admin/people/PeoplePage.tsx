import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { requireId } from '../../api/client';
import { PERSON_KINDS, ROLES, type Person } from '../../api/types';
import { ActiveBadge, RoleBadges } from '../../components/Badges';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../components/Field';
import { FilterSelect } from '../../components/FilterSelect';
import { useListParams } from '../../components/listParams';
import { useNotify } from '../../components/Notice';
import { Pager } from '../../components/Pager';
import { SearchBox } from '../../components/SearchBox';
import { ActiveFilter, UnitFilter } from '../../components/UnitFilter';
import { useTitle } from '../../components/useTitle';
import { errorText } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { queryKeys } from '../../lib/queryKeys';
import { peopleQuery, personQuery } from './api/getPeople';
import { useSavePerson } from './api/savePerson';
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
  useTitle(t('admin:people.title'));
  const { page, size, get, update } = useListParams();
  const q = get('q');
  const unitId = get('unitId');
  const role = get('role');
  const active = get('active');
  // people by default: the device accounts of the 356 rooms would otherwise fill the first pages
  const kind = get('kind');
  const [dialog, setDialog] = useState<DialogState>(null);

  const { data, error, isFetching: loading } = useQuery(peopleQuery({ q, unitId, role, active, kind, page, size }));
  const items = data?.items ?? [];
  const save = useSavePerson();
  const queryClient = useQueryClient();

  /** The person again, fresh from the server (after a 409 "stale"); the list is refreshed as well. */
  async function fresh(p: Person): Promise<Person> {
    void queryClient.invalidateQueries({ queryKey: queryKeys.people.all() });
    return queryClient.fetchQuery(personQuery(requireId(p.id)));
  }

  async function setActive(p: Person, value: boolean) {
    await save.mutateAsync({
      existing: p,
      body: {
        username: p.username ?? '',
        fullName: p.fullName ?? '',
        position: p.position,
        unitId: p.unitId,
        email: p.email,
        phone: p.phone,
        roles: p.roles ?? [],
        active: value,
        version: p.version,
      },
    });
    const name = p.fullName ?? '';
    notify(value ? t('common.activated', { name }) : t('common.deactivated', { name }));
    setDialog(null);
  }

  return (
    <div className="page list-page">
      <header className="page-head">
        <h1>
          {t('admin:people.title')}
          {readOnly && <span className="badge badge-muted head-badge">{t('common.readOnly')}</span>}
        </h1>
        {!readOnly && (
          <button type="button" className="btn btn-primary" data-testid="person-add" onClick={() => setDialog({ kind: 'create' })}>
            + {t('admin:people.add')}
          </button>
        )}
      </header>

      <div className="toolbar">
        <SearchBox label={t('admin:people.search')} value={q} onSearch={(v) => update({ q: v })} />
        <UnitFilter unitId={unitId} onChange={(v) => update({ unitId: v })} />
        <FilterSelect
          label={t('admin:people.roles')}
          name="role"
          testId="role-filter"
          value={role}
          onChange={(v) => update({ role: v })}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          allLabel={t('admin:people.anyRole')}
        />
        <label className="field field-inline">
          <span className="label-text">{t('admin:people.kind')}</span>
          <select name="kind" data-testid="kind-filter" value={kind} onChange={(e) => update({ kind: e.target.value })}>
            {PERSON_KINDS.map((k) => (
              <option key={k} value={k === 'PEOPLE' ? '' : k}>
                {t(`admin:people.kinds.${k}`)}
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
              <th scope="col">{t('admin:people.fullName')}</th>
              <th scope="col">{t('admin:people.position')}</th>
              <th scope="col">{t('admin:people.unit')}</th>
              <th scope="col">{t('admin:people.roles')}</th>
              <th scope="col">{t('admin:people.contact')}</th>
              <th scope="col">{t('common.status')}</th>
              {!readOnly && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={String(p.id)} data-testid="person-row" data-username={p.username} className={p.active ? '' : 'is-inactive'}>
                <td data-label={t('admin:people.fullName')}>
                  <span className="cell-title">{p.fullName}</span>
                  <code className="cell-sub">{p.username}</code>
                </td>
                <td data-label={t('admin:people.position')}>{p.position}</td>
                <td data-label={t('admin:people.unit')}>{p.unitName}</td>
                <td data-label={t('admin:people.roles')}>
                  <RoleBadges roles={p.roles ?? []} />
                </td>
                <td data-label={t('admin:people.contact')} className="cell-contact">
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
                        {t('admin:people.setPassword')}
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
            {q || unitId || role || active || kind ? t('common.noResults') : t('admin:people.empty')}
          </p>
        )}
        {loading && !data && <p className="muted">{t('app.loading')}</p>}
      </div>

      {data && <Pager page={page} size={size} total={data.total ?? 0} onPage={(p) => update({ page: p })} onSize={(s) => update({ size: s })} />}

      {dialog?.kind === 'create' && (
        <PersonForm
          onClose={() => setDialog(null)}
          onSaved={(p) => {
            setDialog(null);
            notify(t('admin:people.created', { name: p.fullName ?? '' }));
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <PersonForm
          key={dialog.person.version}
          person={dialog.person}
          reload={async () => setDialog({ kind: 'edit', person: await fresh(dialog.person) })}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            notify(t('common.saved'));
          }}
        />
      )}
      {dialog?.kind === 'password' && (
        <PasswordDialog
          person={dialog.person}
          onClose={() => setDialog(null)}
          onDone={() => {
            notify(t('admin:people.passwordSet', { name: dialog.person.fullName ?? '' }));
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'toggle' && (
        <ConfirmDialog
          key={dialog.person.version}
          reload={async () => setDialog({ kind: 'toggle', person: await fresh(dialog.person) })}
          title={dialog.person.active ? t('common.deactivate') : t('common.activate')}
          message={
            dialog.person.active
              ? t('common.deactivateConfirm', { name: dialog.person.fullName ?? '' })
              : t('common.activateConfirm', { name: dialog.person.fullName ?? '' })
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
