import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { Dialog } from './Dialog';
import { FormProblem } from './FormProblem';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  /** the action (usually a mutation's mutateAsync); the dialog shows its error when it fails */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  /** read the record again when the action was refused as "stale" (someone else saved first) */
  reload?: () => Promise<unknown>;
}

/** Ask before an action; shows the server's error inside the dialog when it fails. */
export function ConfirmDialog({ title, message, confirmLabel, danger, onConfirm, onClose, reload }: ConfirmDialogProps) {
  const { t } = useI18n();
  const form = useApiForm(useMutation({ mutationFn: onConfirm }), { reload });
  return (
    <Dialog title={title} onClose={onClose} testId="confirm-dialog">
      <p>{message}</p>
      <FormProblem form={form} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose} disabled={form.busy}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`}
          data-testid="confirm-ok"
          disabled={form.busy}
          onClick={() => form.submit(undefined)}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
