import { useState, type FormEvent } from 'react';
import type { Person } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { FormError, TextField } from '../../components/Field';
import { useI18n } from '../../lib/i18n';
import { useApiForm } from '../../lib/useApiForm';
import { useSetPassword } from './api/setPassword';

/** Fields whose server errors appear next to their input. */
const SHOWN_FIELDS = ['password'];

/** Admin sets a person's password (POST /api/people/{id}/password). */
export function PasswordDialog({ person, onDone, onClose }: { person: Person; onDone: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const form = useApiForm(useSetPassword(), { fields: SHOWN_FIELDS });
  const fields = form.fieldErrors;
  const busy = form.busy;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!password) {
      form.invalid({ password: t('common.required') });
      return;
    }
    if (password !== repeat) {
      form.invalid({ repeat: t('admin:people.passwordMismatch') });
      return;
    }
    form.submit({ id: person.id, password }, { onSuccess: onDone });
  }

  return (
    <Dialog title={t('admin:people.setPasswordTitle', { name: person.fullName ?? '' })} onClose={onClose} testId="password-dialog">
      <form onSubmit={onSubmit} noValidate>
        <FormError message={form.error} />
        <TextField
          label={t('admin:people.newPassword')}
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
          label={t('admin:people.repeatPassword')}
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
            {busy ? t('common.saving') : t('admin:people.setPassword')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
