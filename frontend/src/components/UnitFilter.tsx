import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unitQuery } from '../admin/units/api/getUnit';
import { useI18n } from '../lib/i18n';
import { FilterSelect } from './FilterSelect';
import { UnitPicker, unitRef, type UnitRef } from './UnitPicker';

/** Unit filter bound to a unitId from the address bar (fetches the unit's name on reload). */
export function UnitFilter({ unitId, onChange }: { unitId: string; onChange: (unitId: string) => void }) {
  const { t } = useI18n();
  const id = Number(unitId);
  const valid = unitId !== '' && Number.isSafeInteger(id);
  /** the unit last chosen here (its name is known without asking the server) */
  const [picked, setPicked] = useState<UnitRef | null>(null);
  const known = valid && picked?.id === id;
  const fetched = useQuery({ ...unitQuery(id), enabled: valid && !known });

  let unit: UnitRef | null = null;
  if (known) unit = picked;
  else if (valid && fetched.data) unit = unitRef(fetched.data) ?? { id, name: unitId };
  else if (valid && fetched.isError) unit = { id, name: unitId };

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
        setPicked(u);
        onChange(u ? String(u.id) : '');
      }}
    />
  );
}

/** "Tình trạng" select: all / active / inactive, bound to the `active` parameter. */
export function ActiveFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <FilterSelect
      label={t('filter.active')}
      name="active"
      testId="active-filter"
      value={value}
      onChange={onChange}
      options={[
        { value: 'true', label: t('common.active') },
        { value: 'false', label: t('common.inactive') },
      ]}
    />
  );
}
