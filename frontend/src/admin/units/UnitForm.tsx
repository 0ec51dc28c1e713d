import { useState, type FormEvent } from 'react';
import { UNIT_LEVELS, type Id, type Unit, type UnitInput, type UnitLevel } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { FormProblem } from '../../components/FormProblem';
import { UnitPicker, type UnitRef } from '../../components/UnitPicker';
import { useI18n } from '../../lib/i18n';
import { useApiForm } from '../../lib/useApiForm';
import { useSaveUnit } from './api/saveUnit';

/** Fields whose server errors appear next to their input. */
const SHOWN_FIELDS = ['code', 'name', 'level', 'parentId', 'parent'];

interface UnitFormProps {
  /** the unit to edit (GET /api/units/{id}: its `version` goes with the change); absent to create */
  unit?: Unit;
  /** read the unit again after someone else changed it (the owner then renders the form anew) */
  reload?: () => Promise<void>;
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

export function UnitForm({ unit, reload, parent, parentLevel, excludeParentIds, onSaved, onClose }: UnitFormProps) {
  const { t } = useI18n();
  const editing = !!unit;
  const [code, setCode] = useState(unit?.code ?? '');
  const [name, setName] = useState(unit?.name ?? '');
  const [level, setLevel] = useState<UnitLevel>(unit?.level ?? childLevel(parent ? parentLevel : undefined));
  const [parentRef, setParentRef] = useState<UnitRef | null>(
    unit ? (unit.parentId != null ? { id: unit.parentId, name: unit.parentName ?? String(unit.parentId) } : null) : (parent ?? null),
  );
  const [active, setActive] = useState(unit?.active ?? true);
  const form = useApiForm(useSaveUnit(), { fields: SHOWN_FIELDS, reload });
  const fields = form.fieldErrors;
  const busy = form.busy;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body: UnitInput = { code: code.trim(), name: name.trim(), level, parentId: parentRef?.id };
    form.submit({ existing: unit, body: unit ? { ...body, active, version: unit.version } : body }, { onSuccess: onSaved });
  }

  return (
    <Dialog title={editing ? t('admin:units.edit') : parent ? t('admin:units.addChild') : t('admin:units.add')} onClose={onClose} testId="unit-form">
      <form onSubmit={onSubmit} noValidate>
        <FormProblem form={form} />
        <div className="form-grid">
          <TextField label={t('admin:units.code')} name="code" required value={code} onChange={(e) => setCode(e.target.value)} error={fields.code} autoFocus />
          <SelectField label={t('admin:units.level')} name="level" required value={level} onChange={(e) => setLevel(e.target.value as UnitLevel)} error={fields.level}>
            {UNIT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField label={t('admin:units.name')} name="name" required value={name} onChange={(e) => setName(e.target.value)} error={fields.name} />
        <UnitPicker
          label={t('admin:units.parent')}
          name="parent"
          value={parentRef}
          onChange={setParentRef}
          allowClear
          emptyLabel={t('admin:units.noParent')}
          excludeIds={[...(unit?.id != null ? [unit.id] : []), ...(excludeParentIds ?? [])]}
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
