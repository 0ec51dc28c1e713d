import { useEffect, useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { Unit } from '../types';
import { UnitPicker, type UnitRef } from './UnitPicker';

/** Unit filter bound to a unitId from the address bar (fetches the unit's name on reload). */
export function UnitFilter({ unitId, onChange }: { unitId: string; onChange: (unitId: string) => void }) {
  const { t } = useI18n();
  const [unit, setUnit] = useState<UnitRef | null>(null);

  useEffect(() => {
    if (!unitId) {
      setUnit(null);
      return;
    }
    if (unit && String(unit.id) === unitId) return;
    const ctrl = new AbortController();
    api
      .get<Unit>(`/api/units/${encodeURIComponent(unitId)}`, undefined, ctrl.signal)
      .then((u) => setUnit({ id: u.id, name: u.name, code: u.code }))
      .catch(() => setUnit({ id: unitId, name: unitId }));
    return () => ctrl.abort();
  }, [unitId, unit]);

  return (
    <UnitPicker
      label={t('filter.unit')}
      name="unitFilter"
      value={unit}
      activeOnly={false}
      allowClear
      emptyLabel={t('picker.anyUnit')}
      testId="unit-filter"
      onChange={(u) => {
        setUnit(u);
        onChange(u ? String(u.id) : '');
      }}
    />
  );
}

/** "Tình trạng" select: all / active / inactive, bound to the `active` parameter. */
export function ActiveFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <label className="field field-inline">
      <span className="label-text">{t('filter.active')}</span>
      <select name="active" data-testid="active-filter" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.all')}</option>
        <option value="true">{t('common.active')}</option>
        <option value="false">{t('common.inactive')}</option>
      </select>
    </label>
  );
}
