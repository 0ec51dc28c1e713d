import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { Id, MergeResult, Unit, UnitNode } from '../../api/types';
import { LevelBadge } from '../../components/Badges';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/Field';
import { useDebouncedValue } from '../../components/hooks';
import { useI18n, type TFunction } from '../../lib/i18n';
import { useApiForm } from '../../lib/useApiForm';
import { unitsQuery } from './api/getUnits';
import { useMergeUnit } from './api/mergeUnit';
import { key } from './treeUtils';

interface MergeDialogProps {
  unit: UnitNode;
  /** the unit's own descendants cannot be the target */
  excludeIds: readonly Id[];
  onMerged: (result: MergeResult) => void;
  onClose: () => void;
}

/** "Sáp nhập": search the target unit, confirm, then show what moved. */
export function MergeDialog({ unit, excludeIds, onMerged, onClose }: MergeDialogProps) {
  const { t } = useI18n();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<Unit | null>(null);
  const [result, setResult] = useState<MergeResult | null>(null);
  const q = useDebouncedValue(query.trim(), 250);
  const { data, isFetching: loading } = useQuery({ ...unitsQuery({ q, active: true, size: 30 }), enabled: !result });
  const form = useApiForm(useMergeUnit());
  const busy = form.busy;
  const error = form.error;
  const excluded = new Set([key(unit.id), ...excludeIds.map(key)]);
  const options = (data?.items ?? []).filter((u) => u.id != null && !excluded.has(key(u.id)));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!target?.id || unit.id == null) {
      form.invalid({}, t('admin:units.mergeChoose'));
      return;
    }
    form.submit(
      { id: unit.id, intoUnitId: target.id },
      {
        onSuccess: (res) => {
          setResult(res);
          onMerged(res);
        },
      },
    );
  }

  if (result) {
    return (
      <Dialog title={t('admin:units.mergeTitle', { name: unit.name ?? '' })} onClose={onClose} testId="merge-dialog">
        <div className="alert alert-ok" role="status" data-testid="merge-result">
          {mergeDoneText(t, result, unit.name ?? '', target?.name ?? '')}
        </div>
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={onClose} autoFocus>
            {t('common.close')}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('admin:units.mergeTitle', { name: unit.name ?? '' })} onClose={onClose} testId="merge-dialog" wide>
      <form onSubmit={onSubmit} noValidate>
        <p>{t('admin:units.mergeExplain', { name: unit.name ?? '' })}</p>
        <FormError message={error} />
        <div className="field">
          <label htmlFor={searchId}>{t('admin:units.mergeSearch')}</label>
          <input
            id={searchId}
            name="mergeSearch"
            type="search"
            data-testid="merge-search"
            autoComplete="off"
            placeholder={t('common.searchPlaceholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoFocus
          />
        </div>
        <fieldset className="choice-list" aria-busy={loading}>
          <legend>{t('admin:units.mergeTarget')}</legend>
          {options.map((u) => (
            <label key={key(u.id)} className={`choice${target && key(target.id) === key(u.id) ? ' is-on' : ''}`} data-testid="merge-option" data-unit-code={u.code}>
              <input type="radio" name="intoUnitId" value={key(u.id)} checked={!!target && key(target.id) === key(u.id)} onChange={() => setTarget(u)} />
              <span className="choice-text">
                <span className="unit-name">{u.name}</span>
                <span className="unit-meta">
                  <code>{u.code}</code> <LevelBadge level={u.level} />
                  {u.parentName && <span className="muted">{u.parentName}</span>}
                </span>
              </span>
            </label>
          ))}
          {!loading && options.length === 0 && <p className="muted">{t('picker.noMatch')}</p>}
        </fieldset>
        {target && (
          <p className="merge-summary" data-testid="merge-summary">
            <strong>{t('admin:units.mergeSelected', { from: unit.name ?? '', into: target.name ?? '' })}</strong>
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" data-testid="merge-confirm" disabled={busy || !target}>
            {busy ? t('common.saving') : t('admin:units.merge')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** "Đã sáp nhập A vào B: chuyển 3 điểm cầu, 12 người, 0 đơn vị trực thuộc." */
export function mergeDoneText(t: TFunction, result: MergeResult, fromName: string, intoName: string): string {
  return t('admin:units.mergeDone', {
    from: result.from?.name ?? fromName,
    into: result.into?.name ?? intoName,
    endpoints: t('count.endpoints', { count: result.movedEndpoints ?? 0 }),
    people: t('count.people', { count: result.movedPeople ?? 0 }),
    children: t('count.subUnits', { count: result.movedChildren ?? 0 }),
  });
}
