import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { errorText, fieldErrorsOf } from '../../components/errors';
import { CheckboxField, FormError, SelectField, TextField } from '../../components/Field';
import { UnitPicker, type UnitRef } from '../../components/UnitPicker';
import { useI18n } from '../../i18n';
import { UNIT_LEVELS, type Id, type Unit, type UnitCreate, type UnitLevel, type UnitUpdate } from '../../types';

/** Fields whose server errors appear next to their input. */
const SHOWN_FIELDS = ['code', 'name', 'level', 'parentId', 'parent'];

interface UnitFormProps {
  /** the unit to edit; absent to create */
  unit?: Unit;
  /** parent preset when creating a sub-unit */
  parent?: UnitRef | null;
  /** level of the preset parent, to suggest the child's level */
  parentLevel?: UnitLevel;
  /** ids that may not become the parent (the unit and its descendants) */
  excludeParentIds?: readonly Id[];
  onSaved: (unit: Unit) => void;
  onClose: () => void;
}

/** Suggest the level below the parent's. */
function childLevel(parentLevel: UnitLevel | undefined): UnitLevel {
  if (parentLevel === 'PROVINCE') return 'DISTRICT';
  if (parentLevel === 'DISTRICT') return 'COMMUNE';
  return parentLevel ? 'AGENCY' : 'PROVINCE';
}

export function UnitForm({ unit, parent, parentLevel, excludeParentIds, onSaved, onClose }: UnitFormProps) {
  const { t } = useI18n();
  const editing = !!unit;
  const [code, setCode] = useState(unit?.code ?? '');
  const [name, setName] = useState(unit?.name ?? '');
  const [level, setLevel] = useState<UnitLevel>(unit?.level ?? childLevel(parent ? parentLevel : undefined));
  const [parentRef, setParentRef] = useState<UnitRef | null>(
    unit ? (unit.parentId !== null ? { id: unit.parentId, name: unit.parentName ?? String(unit.parentId) } : null) : (parent ?? null),
  );
  const [active, setActive] = useState(unit?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    const body: UnitCreate = { code: code.trim(), name: name.trim(), level, parentId: parentRef?.id ?? null };
    try {
      const saved = unit
        ? await api.put<Unit>(`/api/units/${encodeURIComponent(String(unit.id))}`, { ...body, active } satisfies UnitUpdate)
        : await api.post<Unit>('/api/units', body);
      onSaved(saved);
    } catch (err) {
      setFields(fieldErrorsOf(err));
      setError(errorText(err, t, SHOWN_FIELDS));
      setBusy(false);
    }
  }

  return (
    <Dialog title={editing ? t('units.edit') : parent ? t('units.addChild') : t('units.add')} onClose={onClose} testId="unit-form">
      <form onSubmit={onSubmit} noValidate>
        <FormError message={error} />
        <div className="form-grid">
          <TextField label={t('units.code')} name="code" required value={code} onChange={(e) => setCode(e.target.value)} error={fields.code} autoFocus />
          <SelectField label={t('units.level')} name="level" required value={level} onChange={(e) => setLevel(e.target.value as UnitLevel)} error={fields.level}>
            {UNIT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField label={t('units.name')} name="name" required value={name} onChange={(e) => setName(e.target.value)} error={fields.name} />
        <UnitPicker
          label={t('units.parent')}
          name="parent"
          value={parentRef}
          onChange={setParentRef}
          allowClear
          emptyLabel={t('units.noParent')}
          excludeIds={[...(unit ? [unit.id] : []), ...(excludeParentIds ?? [])]}
          error={fields.parentId ?? fields.parent}
        />
        {editing && <CheckboxField label={t('common.active')} name="active" checked={active} onChange={setActive} />}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="unit-save" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
