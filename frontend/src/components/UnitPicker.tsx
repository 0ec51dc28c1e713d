import { api } from '../api';
import { useI18n } from '../i18n';
import type { Id, Page, Unit } from '../types';
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

/**
 * A searchable unit choice: the generic {@link SearchPicker} over GET /api/units?q= (diacritics
 * optional). Options carry `data-unit-code`.
 */
export function UnitPicker({ value, onChange, emptyLabel, activeOnly = true, ...rest }: UnitPickerProps) {
  const { t } = useI18n();
  return (
    <SearchPicker<Unit>
      {...rest}
      value={value ? { id: value.id, name: value.name, sub: value.code ?? null } : null}
      onChange={(_, u) => onChange(u ? { id: u.id, name: u.name, code: u.code } : null)}
      placeholder={emptyLabel}
      noMatch={t('picker.noMatch')}
      searchKey={`units|${activeOnly}`}
      search={async (q, signal) =>
        (await api.get<Page<Unit>>('/api/units', { q, size: 20, active: activeOnly ? true : undefined }, signal))
          .items ?? []
      }
      toRef={(u) => ({ id: u.id, name: u.name, sub: u.code })}
      optionData={(u) => ({ 'data-unit-code': u.code })}
      renderOption={(u) => (
        <>
          <span className="picker-name">{u.name}</span>
          <span className="picker-meta">
            <code>{u.code}</code> <LevelBadge level={u.level} />
            {u.parentName && <span className="muted"> · {u.parentName}</span>}
          </span>
        </>
      )}
    />
  );
}
