import { useState, type FormEvent } from 'react';
import { ROLES, type Person, type PersonInput, type Role } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, TextField } from '../../components/Field';
import { FormProblem } from '../../components/FormProblem';
import { blankToUndefined } from '../../components/text';
import { UnitPicker, type UnitRef } from '../../components/UnitPicker';
import { useI18n } from '../../lib/i18n';
import { useApiForm } from '../../lib/useApiForm';
import { useSavePerson } from './api/savePerson';

/** Fields whose server errors appear next to their input. */
const SHOWN_FIELDS = ['username', 'fullName', 'position', 'unitId', 'unit', 'email', 'phone', 'roles', 'password'];

interface PersonFormProps {
  /** the person to edit (their `version` goes with the change); absent to create */
  person?: Person;
  /** read the person again after someone else changed them (the owner then renders the form anew) */
  reload?: () => Promise<void>;
  onSaved: (person: Person) => void;
  onClose: () => void;
}

export function PersonForm({ person, reload, onSaved, onClose }: PersonFormProps) {
  const { t } = useI18n();
  const [username, setUsername] = useState(person?.username ?? '');
  const [fullName, setFullName] = useState(person?.fullName ?? '');
  const [position, setPosition] = useState(person?.position ?? '');
  const [unit, setUnit] = useState<UnitRef | null>(
    person?.unitId != null ? { id: person.unitId, name: person.unitName ?? String(person.unitId) } : null,
  );
  const [email, setEmail] = useState(person?.email ?? '');
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [roles, setRoles] = useState<Role[]>(person?.roles ?? ['DELEGATE']);
  const [password, setPassword] = useState('');
  const [active, setActive] = useState(person?.active ?? true);
  const form = useApiForm(useSavePerson(), { fields: SHOWN_FIELDS, reload });
  const fields = form.fieldErrors;
  const busy = form.busy;

  function toggleRole(role: Role, on: boolean) {
    setRoles((prev) => (on ? ROLES.filter((r) => r === role || prev.includes(r)) : prev.filter((r) => r !== role)));
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body: PersonInput = {
      username: username.trim(),
      fullName: fullName.trim(),
      position: blankToUndefined(position),
      unitId: unit?.id,
      email: blankToUndefined(email),
      phone: blankToUndefined(phone),
      roles,
    };
    form.submit(
      { existing: person, body: person ? { ...body, active, version: person.version } : password ? { ...body, password } : body },
      { onSuccess: onSaved },
    );
  }

  return (
    <Dialog title={person ? t('admin:people.edit') : t('admin:people.add')} onClose={onClose} testId="person-form" wide>
      <form onSubmit={onSubmit} noValidate>
        <FormProblem form={form} />
        <div className="form-grid">
          <TextField label={t('admin:people.fullName')} name="fullName" required value={fullName} onChange={(e) => setFullName(e.target.value)} error={fields.fullName} autoFocus />
          <TextField
            label={t('admin:people.username')}
            name="username"
            required
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            autoComplete="off"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={fields.username}
          />
          <TextField label={t('admin:people.position')} name="position" optional value={position} onChange={(e) => setPosition(e.target.value)} error={fields.position} />
          <UnitPicker label={t('admin:people.unit')} name="unit" value={unit} onChange={setUnit} allowClear error={fields.unitId ?? fields.unit} />
          <TextField label={t('admin:people.email')} name="email" type="email" optional autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={fields.email} />
          <TextField label={t('admin:people.phone')} name="phone" type="tel" inputMode="tel" optional autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} error={fields.phone} />
        </div>
        <fieldset className={`field roles-field${fields.roles ? ' has-error' : ''}`} aria-describedby={fields.roles ? 'roles-error' : undefined}>
          <legend>{t('admin:people.roles')}</legend>
          <div className="check-grid">
            {ROLES.map((r) => (
              <CheckboxField key={r} label={t(`role.${r}`)} name="roles" value={r} checked={roles.includes(r)} onChange={(on) => toggleRole(r, on)} />
            ))}
          </div>
          {fields.roles && (
            <p id="roles-error" className="field-error" data-testid="field-error">
              {fields.roles}
            </p>
          )}
        </fieldset>
        {!person && (
          <TextField
            label={t('admin:people.password')}
            name="password"
            type="password"
            autoComplete="new-password"
            optional
            hint={t('admin:people.passwordHint')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fields.password}
          />
        )}
        {person && <CheckboxField label={t('common.active')} name="active" checked={active} onChange={setActive} />}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="person-save" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
