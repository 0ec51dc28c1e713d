import { Suspense, lazy, useState, type FormEvent } from 'react';
import { useAuth } from '../auth/AuthContext';
import { RoleBadges } from '../components/Badges';
import { FormError, TextField } from '../components/Field';
import { useNotify } from '../components/Notice';
import { useTitle } from '../components/useTitle';
import { useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useChangePassword } from './api/changePassword';
import { CalendarFeed } from './CalendarFeed';

// the device PIN of the documents stored for reading offline (IndexedDB)
const DevicePin = lazy(() => import('../documents/DevicePin').then((m) => ({ default: m.DevicePin })));

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
  const form = useApiForm(useChangePassword(), { fields: SHOWN_FIELDS });
  const fields = form.fieldErrors;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (next !== repeat) {
      form.invalid({ repeat: t('admin:people.passwordMismatch') });
      return;
    }
    form.submit(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
          notify(t('account.changed'));
        },
      },
    );
  }

  if (!user) return null;
  return (
    <div className="page account-page">
      <header className="page-head">
        <h1>{t('account.title')}</h1>
      </header>
      <section className="panel">
        <dl className="props">
          <dt>{t('admin:people.fullName')}</dt>
          <dd>{user.fullName}</dd>
          <dt>{t('admin:people.username')}</dt>
          <dd>
            <code>{user.username}</code>
          </dd>
          {user.position && (
            <>
              <dt>{t('admin:people.position')}</dt>
              <dd>{user.position}</dd>
            </>
          )}
          {user.unitName && (
            <>
              <dt>{t('admin:people.unit')}</dt>
              <dd>{user.unitName}</dd>
            </>
          )}
          <dt>{t('admin:people.roles')}</dt>
          <dd>
            <RoleBadges roles={user.roles} />
          </dd>
        </dl>
      </section>
      <section className="panel narrow" aria-labelledby="change-password-title">
        <h2 id="change-password-title">{t('account.changePassword')}</h2>
        <form onSubmit={onSubmit} noValidate>
          <FormError message={form.error} />
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
            <button type="submit" className="btn btn-primary" data-testid="password-change" disabled={form.busy}>
              {form.busy ? t('common.saving') : t('account.changePassword')}
            </button>
          </div>
        </form>
      </section>
      <CalendarFeed />
      <Suspense fallback={null}>
        <DevicePin />
      </Suspense>
    </div>
  );
}
