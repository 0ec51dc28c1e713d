import { unitsQuery } from '../admin/units/api/getUnits';
import type { Id, Unit, UnitPage } from '../api/types';
import { useI18n } from '../lib/i18n';
import { LevelBadge } from './Badges';
import { SearchPicker } from './SearchPicker';

/** The part of a unit a picker needs to show the current choice. */
export interface UnitRef {
  id: Id;
  name: string;
  code?: string;
}

interface UnitPickerProps {
  label: string;
  /** name of the text input (browser tests locate it by label or by this name) */
  name: string;
  value: UnitRef | null;
  onChange: (unit: UnitRef | null) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  /** shows a clear button; `emptyLabel` is what an empty choice means ("Tất cả đơn vị") */
  allowClear?: boolean;
  emptyLabel?: string;
  /** ids never offered (e.g. the unit itself as its own parent) */
  excludeIds?: readonly Id[];
  /** only active units (default true) */
  activeOnly?: boolean;
  testId?: string;
}

const activeUnits = (q: string) => unitsQuery({ q, size: 20, active: true });
const anyUnits = (q: string) => unitsQuery({ q, size: 20 });

const unitItems = (page: UnitPage): Unit[] => page.items ?? [];

/** A unit as a picker shows it; null without an id. */
export function unitRef(u: Pick<Unit, 'id' | 'name' | 'code'>): UnitRef | null {
  return u.id != null ? { id: u.id, name: u.name ?? String(u.id), code: u.code } : null;
}

/**
 * A searchable unit choice: the generic {@link SearchPicker} over GET /api/units?q= (diacritics
 * optional). Options carry `data-unit-code`.
 */
export function UnitPicker({ value, onChange, emptyLabel, activeOnly = true, ...rest }: UnitPickerProps) {
  const { t } = useI18n();
  return (
    <SearchPicker
      {...rest}
      value={value ? { id: value.id, name: value.name, sub: value.code ?? null } : null}
      onChange={(_, u) => onChange(u ? unitRef(u) : null)}
      placeholder={emptyLabel}
      noMatch={t('picker.noMatch')}
      query={activeOnly ? activeUnits : anyUnits}
      items={unitItems}
      toRef={(u) => (u.id != null ? { id: u.id, name: u.name ?? '', sub: u.code } : null)}
      optionData={(u) => ({ 'data-unit-code': u.code })}
      renderOption={(u) => (
        <>
          <span className="picker-name">{u.name}</span>
          <span className="picker-meta">
            <code>{u.code}</code> {u.level && <LevelBadge level={u.level} />}
            {u.parentName && <span className="muted"> · {u.parentName}</span>}
          </span>
        </>
      )}
    />
  );
}
