import { useI18n } from '../lib/i18n';
import { useOutboxCounts } from '../offline/sync';

/**
 * "2 ghi chú và 1 lượt đọc chờ gửi": annotation changes and read receipts made here that the
 * server has not received yet (they go when the network is back, after the next sign-in when they
 * were made with the PIN only). Always in the page with `data-count` (everything), `data-notes`
 * and `data-reads`; hidden at 0.
 */
export function OutboxCount({ className = '' }: { className?: string }) {
  const { t } = useI18n();
  const counts = useOutboxCounts();
  const notes = counts.notes ?? 0;
  const reads = counts.reads ?? 0;
  const count = notes + reads;
  const parts = [notes > 0 ? t('documents:outbox.notes', { count: notes }) : null, reads > 0 ? t('documents:outbox.reads', { count: reads }) : null].filter((p): p is string => p !== null);
  return (
    <span className={`outbox-count ${className}`} data-testid="outbox-count" data-count={count} data-notes={notes} data-reads={reads} role="status" hidden={count === 0}>
      {count > 0 && t('documents:outbox.waitingWhat', { what: parts.join(t('documents:outbox.and')) })}
    </span>
  );
}
