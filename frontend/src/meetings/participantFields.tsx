import { PARTICIPANT_ROLES, type ParticipantRole } from '../api/types';
import { SelectField } from '../components/Field';
import { useI18n } from '../lib/i18n';

/** Chairs and delegates vote unless told otherwise; presenters, secretaries and observers do not. */
export function votingDefault(role: ParticipantRole): boolean {
  return role === 'CHAIR' || role === 'DELEGATE';
}

/** The participant role select (`name="role"` unless another form on the page has one). */
export function RoleSelect({
  value,
  onChange,
  error,
  name = 'role',
  roles = PARTICIPANT_ROLES,
}: {
  value: ParticipantRole;
  onChange: (r: ParticipantRole) => void;
  error?: string;
  name?: string;
  roles?: readonly ParticipantRole[];
}) {
  const { t } = useI18n();
  return (
    <SelectField label={t('meetings:participants.role')} name={name} value={value} onChange={(e) => onChange(e.target.value as ParticipantRole)} error={error}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {t(`meetings:prole.${r}`)}
        </option>
      ))}
    </SelectField>
  );
}

