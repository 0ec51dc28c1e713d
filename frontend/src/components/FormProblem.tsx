import { useI18n } from '../lib/i18n';
import type { ApiForm } from '../lib/useApiForm';

type FormState = Pick<ApiForm<unknown, unknown>, 'error' | 'stale' | 'reload' | 'reloading' | 'problem'>;

/**
 * The message of a form's failed write (`form-error`, with the problem's `code` in `data-code`).
 * When someone else saved first (409 "stale") it adds the "Tải lại" button (`stale-reload`): the
 * record is read again and the form starts over from it.
 */
export function FormProblem({ form, testId = 'form-error' }: { form: FormState; testId?: string }) {
  const { t } = useI18n();
  if (!form.error) return null;
  const offerReload = form.stale && form.reload;
  return (
    <div className={`alert alert-error${offerReload ? ' alert-stale' : ''}`} role="alert" data-testid={testId} data-code={form.problem?.code}>
      <span>{form.error}</span>
      {offerReload && (
        <button type="button" className="btn btn-small" data-testid="stale-reload" disabled={form.reloading} onClick={() => form.reload?.()}>
          {form.reloading ? t('app.loading') : t('common.reload')}
        </button>
      )}
    </div>
  );
}
