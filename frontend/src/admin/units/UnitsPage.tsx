import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { api } from '../../api';
import { ActiveBadge, LevelBadge } from '../../components/Badges';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { errorText } from '../../components/errors';
import { CheckboxField, FormError } from '../../components/Field';
import { useAsync } from '../../components/hooks';
import { useNotify } from '../../components/Notice';
import { useTitle } from '../../components/useTitle';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import type { MergeResult, Unit, UnitNode, UnitUpdate } from '../../types';
import { MergeDialog } from './MergeDialog';
import { MergeHistory } from './MergeHistory';
import { UnitForm } from './UnitForm';
import { UnitTree } from './UnitTree';
import { ancestorsOf, branchIds, descendantIds, filterTree, indexTree, key } from './treeUtils';

type DialogState =
  | { kind: 'create'; parent: UnitNode | null }
  | { kind: 'edit'; unit: UnitNode }
  | { kind: 'merge'; unit: UnitNode }
  | { kind: 'toggle'; unit: UnitNode }
  | null;

export function UnitsPage() {
  const { t } = useI18n();
  const notify = useNotify();
  useTitle(t('units.title'));
  const filterId = useId();

  const [showInactive, setShowInactive] = useState(false);
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [version, setVersion] = useState(0);
  const detailsRef = useRef<HTMLElement>(null);
  const initialized = useRef(false);

  const { data, error, loading, reload } = useAsync<UnitNode[]>(`tree|${showInactive}`, (signal) =>
    api.get<UnitNode[]>('/api/units/tree', showInactive ? undefined : { active: true }, signal),
  );
  const roots = useMemo(() => data ?? [], [data]);
  const index = useMemo(() => indexTree(roots), [roots]);
  const visible = useMemo(() => filterTree(roots, filter), [roots, filter]);
  const selected = selectedId ? (index.get(selectedId) ?? null) : null;
  // The tree nodes may lack parentName and the merge fields: the unit itself has them.
  const detail = useAsync<Unit>(selectedId ? `unit|${selectedId}|${version}` : null, (signal) =>
    api.get<Unit>(`/api/units/${encodeURIComponent(selectedId ?? '')}`, undefined, signal),
  );
  const selectedUnit: Unit | null = selected ? toUnit(selected, detail.data, index) : null;

  // Open the roots the first time the tree arrives.
  useEffect(() => {
    if (!initialized.current && data) {
      initialized.current = true;
      setExpanded(new Set(data.map((r) => key(r.id))));
    }
  }, [data]);

  function refresh() {
    reload();
    setVersion((v) => v + 1);
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

  async function setActive(unit: UnitNode, active: boolean) {
    const body: UnitUpdate = { code: unit.code, name: unit.name, level: unit.level, parentId: unit.parentId, active };
    await api.put<Unit>(`/api/units/${encodeURIComponent(key(unit.id))}`, body);
    notify(active ? t('common.activated', { name: unit.name }) : t('common.deactivated', { name: unit.name }));
    setDialog(null);
    refresh();
  }

  return (
    <div className="page units-page">
      <header className="page-head">
        <h1>{t('units.title')}</h1>
        <button type="button" className="btn btn-primary" data-testid="unit-add" onClick={() => setDialog({ kind: 'create', parent: null })}>
          + {t('units.add')}
        </button>
      </header>

      <div className="toolbar">
        <div className="field field-inline field-grow">
          <label htmlFor={filterId}>{t('units.filter')}</label>
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
        <CheckboxField label={t('units.showInactive')} name="showInactive" checked={showInactive} onChange={setShowInactive} />
        <div className="btn-row">
          <button type="button" className="btn" onClick={() => setExpanded(new Set(branchIds(roots)))} data-testid="unit-expand-all">
            {t('units.expandAll')}
          </button>
          <button type="button" className="btn" onClick={() => setExpanded(new Set())} data-testid="unit-collapse-all">
            {t('units.collapseAll')}
          </button>
        </div>
      </div>

      <FormError message={error ? errorText(error, t) : null} />

      <div className="split">
        <section className="split-main panel" aria-busy={loading}>
          {loading && !data && <p className="muted">{t('app.loading')}</p>}
          {data && roots.length === 0 && <p className="muted">{t('units.empty')}</p>}
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
                {t('units.details')}
              </h2>
              <p className="muted">{t('units.selectHint')}</p>
            </>
          )}
          {selected && (
            <>
              <h2 id="unit-details-title">{selected.name}</h2>
              <dl className="props">
                <dt>{t('units.code')}</dt>
                <dd>
                  <code>{selected.code}</code>
                </dd>
                <dt>{t('units.level')}</dt>
                <dd>
                  <LevelBadge level={selected.level} />
                </dd>
                <dt>{t('units.parent')}</dt>
                <dd>{selectedUnit?.parentName ?? t('units.noParent')}</dd>
                <dt>{t('common.status')}</dt>
                <dd>
                  <ActiveBadge active={selected.active} />
                  {selectedUnit && selectedUnit.mergedIntoId !== null && (
                    <span className="merged-note" data-testid="unit-merged-into">
                      {' '}
                      {t('units.mergedInto', { name: selectedUnit.mergedIntoName ?? String(selectedUnit.mergedIntoId) })}
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
                <button type="button" className="btn" data-testid="unit-edit" onClick={() => setDialog({ kind: 'edit', unit: selected })}>
                  {t('common.edit')}
                </button>
                {selected.active && (
                  <button type="button" className="btn" data-testid="unit-add-child" onClick={() => setDialog({ kind: 'create', parent: selected })}>
                    + {t('units.addChild')}
                  </button>
                )}
                {selected.active && (
                  <button type="button" className="btn" data-testid="unit-merge" onClick={() => setDialog({ kind: 'merge', unit: selected })}>
                    {t('units.merge')}
                  </button>
                )}
                <button
                  type="button"
                  className={`btn ${selected.active ? 'btn-danger-outline' : ''}`}
                  data-testid="unit-toggle-active"
                  onClick={() => setDialog({ kind: 'toggle', unit: selected })}
                >
                  {selected.active ? t('common.deactivate') : t('common.activate')}
                </button>
              </div>
              <MergeHistory unitId={selected.id} version={version} />
            </>
          )}
        </aside>
      </div>

      {dialog?.kind === 'create' && (
        <UnitForm
          parent={dialog.parent ? { id: dialog.parent.id, name: dialog.parent.name, code: dialog.parent.code } : null}
          parentLevel={dialog.parent?.level}
          onClose={() => setDialog(null)}
          onSaved={(u) => {
            setDialog(null);
            notify(t('units.created', { name: u.name }));
            refresh();
            setSelectedId(key(u.id));
            const parentId = u.parentId;
            if (parentId !== null) setExpanded((prev) => new Set([...prev, key(parentId), ...ancestorsOf(index, parentId)]));
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <UnitForm
          unit={toUnit(dialog.unit, detail.data, index)}
          excludeParentIds={descendantIds(dialog.unit)}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            notify(t('common.saved'));
            refresh();
          }}
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeDialog
          unit={dialog.unit}
          excludeIds={descendantIds(dialog.unit)}
          onClose={() => setDialog(null)}
          onMerged={(res: MergeResult) => {
            notify(
              t('units.mergeDone', {
                from: res.from?.name ?? dialog.unit.name,
                into: res.into?.name ?? '',
                endpoints: res.movedEndpoints,
                people: res.movedPeople,
                children: res.movedChildren,
              }),
            );
            if (res.into) setSelectedId(key(res.into.id));
            refresh();
          }}
        />
      )}
      {dialog?.kind === 'toggle' && (
        <ConfirmDialog
          title={dialog.unit.active ? t('common.deactivate') : t('common.activate')}
          message={
            dialog.unit.active
              ? t('common.deactivateConfirm', { name: dialog.unit.name })
              : t('common.activateConfirm', { name: dialog.unit.name })
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
  const parentName = node.parentName ?? (node.parentId !== null ? (index.get(key(node.parentId))?.name ?? null) : null);
  return {
    id: node.id,
    code: node.code,
    name: node.name,
    level: node.level,
    parentId: node.parentId,
    parentName,
    active: node.active,
    mergedIntoId: node.mergedIntoId ?? null,
    mergedIntoName: node.mergedIntoName ?? null,
    mergedAt: node.mergedAt ?? null,
  };
}
