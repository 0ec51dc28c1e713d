import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { errorText, fieldErrorsOf } from '../../components/errors';
import { FormError, TextField } from '../../components/Field';
import { useI18n } from '../../i18n';
import type { Person } from '../../types';

/** Fields whose server errors appear next to their input. */
const SHOWN_FIELDS = ['password'];

/** Admin sets a person's password (POST /api/people/{id}/password). */
export function PasswordDialog({ person, onDone, onClose }: { person: Person; onDone: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!password) {
      setFields({ password: t('common.required') });
      return;
    }
    if (password !== repeat) {
      setFields({ repeat: t('people.passwordMismatch') });
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await api.post<void>(`/api/people/${encodeURIComponent(String(person.id))}/password`, { password });
      onDone();
    } catch (err) {
      setFields(fieldErrorsOf(err));
      setError(errorText(err, t, SHOWN_FIELDS));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('people.setPasswordTitle', { name: person.fullName })} onClose={onClose} testId="password-dialog">
      <form onSubmit={onSubmit} noValidate>
        <FormError message={error} />
        <TextField
          label={t('people.newPassword')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
          autoFocus
        />
        <TextField
          label={t('people.repeatPassword')}
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={fields.repeat}
        />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="password-save" disabled={busy}>
            {busy ? t('common.saving') : t('people.setPassword')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
