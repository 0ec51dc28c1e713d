import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { errorText, fieldErrorsOf } from '../../components/errors';
import { CheckboxField, FormError, TextField } from '../../components/Field';
import { blankToNull } from '../../components/text';
import { UnitPicker, type UnitRef } from '../../components/UnitPicker';
import { useI18n } from '../../i18n';
import { ROLES, type Person, type PersonCreate, type PersonUpdate, type Role } from '../../types';

/** Fields whose server errors appear next to their input. */
const SHOWN_FIELDS = ['username', 'fullName', 'position', 'unitId', 'unit', 'email', 'phone', 'roles', 'password'];

interface PersonFormProps {
  person?: Person;
  onSaved: (person: Person) => void;
  onClose: () => void;
}

export function PersonForm({ person, onSaved, onClose }: PersonFormProps) {
  const { t } = useI18n();
  const [username, setUsername] = useState(person?.username ?? '');
  const [fullName, setFullName] = useState(person?.fullName ?? '');
  const [position, setPosition] = useState(person?.position ?? '');
  const [unit, setUnit] = useState<UnitRef | null>(
    person?.unitId !== null && person?.unitId !== undefined ? { id: person.unitId, name: person.unitName ?? String(person.unitId) } : null,
  );
  const [email, setEmail] = useState(person?.email ?? '');
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [roles, setRoles] = useState<Role[]>(person?.roles ?? ['DELEGATE']);
  const [password, setPassword] = useState('');
  const [active, setActive] = useState(person?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  function toggleRole(role: Role, on: boolean) {
    setRoles((prev) => (on ? ROLES.filter((r) => r === role || prev.includes(r)) : prev.filter((r) => r !== role)));
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    const body: Omit<PersonCreate, 'password'> = {
      username: username.trim(),
      fullName: fullName.trim(),
      position: blankToNull(position),
      unitId: unit?.id ?? null,
      email: blankToNull(email),
      phone: blankToNull(phone),
      roles,
    };
    try {
      const saved = person
        ? await api.put<Person>(`/api/people/${encodeURIComponent(String(person.id))}`, { ...body, active } satisfies PersonUpdate)
        : await api.post<Person>('/api/people', (password ? { ...body, password } : body) satisfies PersonCreate);
      onSaved(saved);
    } catch (err) {
      setFields(fieldErrorsOf(err));
      setError(errorText(err, t, SHOWN_FIELDS));
      setBusy(false);
    }
  }

  return (
    <Dialog title={person ? t('people.edit') : t('people.add')} onClose={onClose} testId="person-form" wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={error} />
        <div className="form-grid">
          <TextField label={t('people.fullName')} name="fullName" required value={fullName} onChange={(e) => setFullName(e.target.value)} error={fields.fullName} autoFocus />
          <TextField
            label={t('people.username')}
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
          <TextField label={t('people.position')} name="position" optional value={position} onChange={(e) => setPosition(e.target.value)} error={fields.position} />
          <UnitPicker label={t('people.unit')} name="unit" value={unit} onChange={setUnit} allowClear error={fields.unitId ?? fields.unit} />
          <TextField label={t('people.email')} name="email" type="email" optional autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={fields.email} />
          <TextField label={t('people.phone')} name="phone" type="tel" inputMode="tel" optional autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} error={fields.phone} />
        </div>
        <fieldset className={`field roles-field${fields.roles ? ' has-error' : ''}`} aria-describedby={fields.roles ? 'roles-error' : undefined}>
          <legend>{t('people.roles')}</legend>
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
            label={t('people.password')}
            name="password"
            type="password"
            autoComplete="new-password"
            optional
            hint={t('people.passwordHint')}
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
