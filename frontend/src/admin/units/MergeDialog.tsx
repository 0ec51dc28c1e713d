import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { LevelBadge } from '../../components/Badges';
import { Dialog } from '../../components/Dialog';
import { errorText } from '../../components/errors';
import { FormError } from '../../components/Field';
import { useAsync, useDebouncedValue } from '../../components/hooks';
import { useI18n } from '../../i18n';
import type { Id, MergeResult, Page, Unit, UnitNode } from '../../types';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<MergeResult | null>(null);
  const q = useDebouncedValue(query.trim(), 250);
  const { data, loading } = useAsync<Page<Unit>>(result ? null : `merge-target|${q}`, (signal) =>
    api.get<Page<Unit>>('/api/units', { q, active: true, size: 30 }, signal),
  );
  const excluded = new Set([key(unit.id), ...excludeIds.map(key)]);
  const options = (data?.items ?? []).filter((u) => !excluded.has(key(u.id)));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!target) {
      setError(t('units.mergeChoose'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<MergeResult>(`/api/units/${encodeURIComponent(key(unit.id))}/merge`, { intoUnitId: target.id });
      setResult(res);
      onMerged(res);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  if (result) {
    return (
      <Dialog title={t('units.mergeTitle', { name: unit.name })} onClose={onClose} testId="merge-dialog">
        <div className="alert alert-ok" role="status" data-testid="merge-result">
          {t('units.mergeDone', {
            from: result.from?.name ?? unit.name,
            into: result.into?.name ?? target?.name ?? '',
            endpoints: result.movedEndpoints,
            people: result.movedPeople,
            children: result.movedChildren,
          })}
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
    <Dialog title={t('units.mergeTitle', { name: unit.name })} onClose={onClose} testId="merge-dialog" wide>
      <form onSubmit={onSubmit} noValidate>
        <p>{t('units.mergeExplain', { name: unit.name })}</p>
        <FormError message={error} />
        <div className="field">
          <label htmlFor={searchId}>{t('units.mergeSearch')}</label>
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
          <legend>{t('units.mergeTarget')}</legend>
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
            <strong>{t('units.mergeSelected', { from: unit.name, into: target.name })}</strong>
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" data-testid="merge-confirm" disabled={busy || !target}>
            {busy ? t('common.saving') : t('units.merge')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
