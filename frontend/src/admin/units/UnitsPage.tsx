import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import type { MergeResult, Unit, UnitNode } from '../../api/types';
import { ActiveBadge, LevelBadge } from '../../components/Badges';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CheckboxField, FormError } from '../../components/Field';
import { useNotify } from '../../components/Notice';
import { unitRef } from '../../components/UnitPicker';
import { useTitle } from '../../components/useTitle';
import { formatDateTime } from '../../format';
import { errorText } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import { queryKeys } from '../../lib/queryKeys';
import { unitQuery } from './api/getUnit';
import { unitTreeQuery } from './api/getUnitTree';
import { useSaveUnit } from './api/saveUnit';
import { MergeDialog, mergeDoneText } from './MergeDialog';
import { MergeHistory } from './MergeHistory';
import { UnitForm } from './UnitForm';
import { UnitTree } from './UnitTree';
import { ancestorsOf, branchIds, descendantIds, filterTree, indexTree, key } from './treeUtils';

// Edit and toggle work on the unit as read from GET /api/units/{id} (the tree has no `version`).
type DialogState =
  | { kind: 'create'; parent: UnitNode | null }
  | { kind: 'edit'; unit: Unit; node: UnitNode }
  | { kind: 'merge'; unit: UnitNode }
  | { kind: 'toggle'; unit: Unit }
  | null;

export function UnitsPage() {
  const { t } = useI18n();
  const notify = useNotify();
  useTitle(t('admin:units.title'));
  const filterId = useId();

  const [showInactive, setShowInactive] = useState(false);
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const detailsRef = useRef<HTMLElement>(null);
  const save = useSaveUnit();
  const queryClient = useQueryClient();

  const { data, error, isFetching: loading } = useQuery(unitTreeQuery(showInactive));
  const roots = useMemo(() => data ?? [], [data]);
  const index = useMemo(() => indexTree(roots), [roots]);
  const visible = useMemo(() => filterTree(roots, filter), [roots, filter]);
  const selected = selectedId ? (index.get(selectedId) ?? null) : null;
  // The tree nodes lack the parent's name and the merge fields: the unit itself has them.
  const detail = useQuery({ ...unitQuery(Number(selectedId)), enabled: selected?.id != null });
  const selectedUnit: Unit | null = selected ? toUnit(selected, detail.data, index) : null;
  /** the selected unit as the server has it (with `version`), once it has been read */
  const fetched = detail.data && selected && key(detail.data.id) === key(selected.id) ? detail.data : null;

  /** The unit again, fresh from the server (after a 409 "stale"); the tree is refreshed as well. */
  async function freshUnit(id: Unit['id']): Promise<Unit> {
    void queryClient.invalidateQueries({ queryKey: queryKeys.units.all() });
    return queryClient.fetchQuery(unitQuery(Number(id)));
  }

  // Open the roots the first time the tree arrives.
  const [initialized, setInitialized] = useState(false);
  if (!initialized && data) {
    setInitialized(true);
    setExpanded(new Set(data.map((r) => key(r.id))));
  }

  function select(node: UnitNode | Unit) {
    const id = key(node.id);
    setSelectedId(id);
    setExpanded((prev) => new Set([...prev, ...ancestorsOf(index, node.id)]));
    // On narrow screens the details sit below the tree: bring them into view.
    requestAnimationFrame(() => {
      if (window.matchMedia('(max-width: 900px)').matches) detailsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    });
  }

  function toggle(id: string) {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function setActive(unit: Unit, active: boolean) {
    if (!unit.level) throw new Error('missing level');
    await save.mutateAsync({
      existing: unit,
      body: { code: unit.code ?? '', name: unit.name ?? '', level: unit.level, parentId: unit.parentId, active, version: unit.version },
    });
    const name = unit.name ?? '';
    notify(active ? t('common.activated', { name }) : t('common.deactivated', { name }));
    setDialog(null);
  }

  return (
    <div className="page units-page">
      <header className="page-head">
        <h1>{t('admin:units.title')}</h1>
        <button type="button" className="btn btn-primary" data-testid="unit-add" onClick={() => setDialog({ kind: 'create', parent: null })}>
          + {t('admin:units.add')}
        </button>
      </header>

      <div className="toolbar">
        <div className="field field-inline field-grow">
          <label htmlFor={filterId}>{t('admin:units.filter')}</label>
          <input
            id={filterId}
            name="treeFilter"
            type="search"
            data-testid="unit-tree-filter"
            placeholder={t('common.searchPlaceholder')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
        <CheckboxField label={t('admin:units.showInactive')} name="showInactive" checked={showInactive} onChange={setShowInactive} />
        <div className="btn-row">
          <button type="button" className="btn" onClick={() => setExpanded(new Set(branchIds(roots)))} data-testid="unit-expand-all">
            {t('admin:units.expandAll')}
          </button>
          <button type="button" className="btn" onClick={() => setExpanded(new Set())} data-testid="unit-collapse-all">
            {t('admin:units.collapseAll')}
          </button>
        </div>
      </div>

      <FormError message={error ? errorText(error, t) : null} />

      <div className="split">
        <section className="split-main panel" aria-busy={loading}>
          {loading && !data && <p className="muted">{t('app.loading')}</p>}
          {data && roots.length === 0 && <p className="muted">{t('admin:units.empty')}</p>}
          {data && roots.length > 0 && visible.length === 0 && <p className="muted">{t('common.noResults')}</p>}
          <UnitTree
            nodes={visible}
            expanded={expanded}
            forceOpen={filter.trim() !== ''}
            selectedId={selectedId}
            onToggle={toggle}
            onSelect={select}
          />
        </section>

        <aside className="split-side panel" ref={detailsRef} aria-labelledby="unit-details-title" data-testid="unit-details">
          {!selected && (
            <>
              <h2 id="unit-details-title" className="visually-hidden">
                {t('admin:units.details')}
              </h2>
              <p className="muted">{t('admin:units.selectHint')}</p>
            </>
          )}
          {selected && (
            <>
              <h2 id="unit-details-title">{selected.name}</h2>
              <dl className="props">
                <dt>{t('admin:units.code')}</dt>
                <dd>
                  <code>{selected.code}</code>
                </dd>
                <dt>{t('admin:units.level')}</dt>
                <dd>
                  <LevelBadge level={selected.level} />
                </dd>
                <dt>{t('admin:units.parent')}</dt>
                <dd>{selectedUnit?.parentName ?? t('admin:units.noParent')}</dd>
                <dt>{t('common.status')}</dt>
                <dd>
                  <ActiveBadge active={selected.active} />
                  {selectedUnit && selectedUnit.mergedIntoId != null && (
                    <span className="merged-note" data-testid="unit-merged-into">
                      {' '}
                      {t('admin:units.mergedInto', { name: selectedUnit.mergedIntoName ?? String(selectedUnit.mergedIntoId) })}
                      {selectedUnit.mergedAt && ` (${formatDateTime(selectedUnit.mergedAt)})`}
                    </span>
                  )}
                </dd>
                <dt>{t('nav.endpoints')}</dt>
                <dd>{selected.endpointCount ?? 0}</dd>
                <dt>{t('nav.people')}</dt>
                <dd>{selected.peopleCount ?? 0}</dd>
              </dl>
              <div className="btn-row wrap">
                <button
                  type="button"
                  className="btn"
                  data-testid="unit-edit"
                  disabled={!fetched}
                  onClick={() => fetched && setDialog({ kind: 'edit', unit: fetched, node: selected })}
                >
                  {t('common.edit')}
                </button>
                {selected.active && (
                  <button type="button" className="btn" data-testid="unit-add-child" onClick={() => setDialog({ kind: 'create', parent: selected })}>
                    + {t('admin:units.addChild')}
                  </button>
                )}
                {selected.active && (
                  <button type="button" className="btn" data-testid="unit-merge" onClick={() => setDialog({ kind: 'merge', unit: selected })}>
                    {t('admin:units.merge')}
                  </button>
                )}
                <button
                  type="button"
                  className={`btn ${selected.active ? 'btn-danger-outline' : ''}`}
                  data-testid="unit-toggle-active"
                  disabled={!fetched}
                  onClick={() => fetched && setDialog({ kind: 'toggle', unit: fetched })}
                >
                  {selected.active ? t('common.deactivate') : t('common.activate')}
                </button>
              </div>
              {selected.id != null && <MergeHistory unitId={selected.id} />}
            </>
          )}
        </aside>
      </div>

      {dialog?.kind === 'create' && (
        <UnitForm
          parent={dialog.parent ? unitRef(dialog.parent) : null}
          parentLevel={dialog.parent?.level}
          onClose={() => setDialog(null)}
          onSaved={(u) => {
            setDialog(null);
            notify(t('admin:units.created', { name: u.name ?? '' }));
            setSelectedId(key(u.id));
            const parentId = u.parentId;
            if (parentId != null) setExpanded((prev) => new Set([...prev, key(parentId), ...ancestorsOf(index, parentId)]));
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <UnitForm
          key={dialog.unit.version}
          unit={dialog.unit}
          reload={async () => setDialog({ kind: 'edit', unit: await freshUnit(dialog.unit.id), node: dialog.node })}
          excludeParentIds={descendantIds(dialog.node)}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            notify(t('common.saved'));
          }}
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeDialog
          unit={dialog.unit}
          excludeIds={descendantIds(dialog.unit)}
          onClose={() => setDialog(null)}
          onMerged={(res: MergeResult) => {
            notify(mergeDoneText(t, res, dialog.unit.name ?? '', ''));
            if (res.into) setSelectedId(key(res.into.id));
          }}
        />
      )}
      {dialog?.kind === 'toggle' && (
        <ConfirmDialog
          key={dialog.unit.version}
          reload={async () => setDialog({ kind: 'toggle', unit: await freshUnit(dialog.unit.id) })}
          title={dialog.unit.active ? t('common.deactivate') : t('common.activate')}
          message={
            dialog.unit.active
              ? t('common.deactivateConfirm', { name: dialog.unit.name ?? '' })
              : t('common.activateConfirm', { name: dialog.unit.name ?? '' })
          }
          confirmLabel={dialog.unit.active ? t('common.deactivate') : t('common.activate')}
          danger={dialog.unit.active}
          onConfirm={() => setActive(dialog.unit, !dialog.unit.active)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}

/** A full Unit for a tree node: the fetched unit when it is that one, else the node + parent name from the tree. */
function toUnit(node: UnitNode, fetched: Unit | undefined, index: Map<string, UnitNode>): Unit {
  if (fetched && key(fetched.id) === key(node.id)) return fetched;
  return {
    id: node.id,
    code: node.code,
    name: node.name,
    level: node.level,
    parentId: node.parentId,
    parentName: node.parentId != null ? index.get(key(node.parentId))?.name : undefined,
    active: node.active,
  };
}
