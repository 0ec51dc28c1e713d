import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useAuth } from '../auth/AuthContext';
import { RoleBadges } from '../components/Badges';
import { errorText, fieldErrorsOf } from '../components/errors';
import { FormError, TextField } from '../components/Field';
import { useNotify } from '../components/Notice';
import { useTitle } from '../components/useTitle';
import { useI18n } from '../i18n';
import { CalendarFeed } from './CalendarFeed';

/** Fields whose server errors appear next to their input. */
const SHOWN_FIELDS = ['currentPassword', 'newPassword'];

/** The signed-in person's own details and password change (POST /api/auth/password). */
export function AccountPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const notify = useNotify();
  useTitle(t('account.title'));
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (next !== repeat) {
      setFields({ repeat: t('people.passwordMismatch') });
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await api.post<void>('/api/auth/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      notify(t('account.changed'));
    } catch (err) {
      setFields(fieldErrorsOf(err));
      setError(errorText(err, t, SHOWN_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  if (!user) return null;
  return (
    <div className="page account-page">
      <header className="page-head">
        <h1>{t('account.title')}</h1>
      </header>
      <section className="panel">
        <dl className="props">
          <dt>{t('people.fullName')}</dt>
          <dd>{user.fullName}</dd>
          <dt>{t('people.username')}</dt>
          <dd>
            <code>{user.username}</code>
          </dd>
          {user.position && (
            <>
              <dt>{t('people.position')}</dt>
              <dd>{user.position}</dd>
            </>
          )}
          {user.unitName && (
            <>
              <dt>{t('people.unit')}</dt>
              <dd>{user.unitName}</dd>
            </>
          )}
          <dt>{t('people.roles')}</dt>
          <dd>
            <RoleBadges roles={user.roles} />
          </dd>
        </dl>
      </section>
      <section className="panel narrow" aria-labelledby="change-password-title">
        <h2 id="change-password-title">{t('account.changePassword')}</h2>
        <form onSubmit={onSubmit} noValidate>
          <FormError message={error} />
          <TextField
            label={t('account.current')}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            error={fields.currentPassword}
          />
          <TextField
            label={t('account.new')}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.target.value)}
            error={fields.newPassword}
          />
          <TextField
            label={t('account.repeat')}
            name="repeat"
            type="password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            error={fields.repeat}
          />
          <div className="form-actions form-actions-start">
            <button type="submit" className="btn btn-primary" data-testid="password-change" disabled={busy}>
              {busy ? t('common.saving') : t('account.changePassword')}
            </button>
          </div>
        </form>
      </section>
      <CalendarFeed />
    </div>
  );
}
