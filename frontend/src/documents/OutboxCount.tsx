import { useI18n } from '../lib/i18n';
import { useOutboxCount } from '../offline/sync';

/**
 * "2 ghi chú chờ gửi": annotation changes made here that the server has not received yet (they
 * go when the network is back). Always in the page with `data-count`; hidden at 0.
 */
export function OutboxCount({ className = '' }: { className?: string }) {
  const { t } = useI18n();
  const count = useOutboxCount();
  return (
    <span className={`outbox-count ${className}`} data-testid="outbox-count" data-count={count} role="status" hidden={count === 0}>
      {count > 0 && t('documents:outbox.waiting', { count })}
    </span>
  );
}
