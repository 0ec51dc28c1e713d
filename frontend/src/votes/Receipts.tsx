import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Poll } from '../api/types';
import { FormError } from '../components/Field';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { receiptsQuery } from './api/polls';
import { ballotsOfPoll, deviceStorage } from './ballots';
import { choiceText } from './PollBits';
import { checkReceipt } from './results';

/**
 * "Mã phiếu của bạn" after publish: each receipt this device keeps for the poll, checked against
 * the published list (GET /api/polls/{id}/receipts): there, with the choice it was cast with.
 * The list can be opened too, to compare a neighbour's code by eye.
 */
export function MyReceipts({ poll }: { poll: Poll }) {
  const { t } = useI18n();
  const pollId = poll.id;
  const kept = useMemo(() => (pollId != null ? ballotsOfPoll(deviceStorage(), pollId).filter((r) => r.cast) : []), [pollId]);
  const [showList, setShowList] = useState(false);
  const list = useQuery({ ...receiptsQuery(pollId ?? 0), enabled: pollId != null && poll.state === 'PUBLISHED' && (kept.length > 0 || showList) });
  if (pollId == null || poll.state !== 'PUBLISHED') return null;
  const names = new Map((poll.mine ?? []).map((m) => [m.participantId, m]));

  return (
    <section className="my-receipts" data-testid="my-receipts" aria-label={t('votes:receipts.title')}>
      {kept.length > 0 && <h4 className="my-receipts-title">{t('votes:receipts.title')}</h4>}
      {kept.map((r) => {
        const cast = r.cast;
        if (!cast) return null;
        const result = list.data ? checkReceipt(list.data, cast.receipt, cast.choice) : null;
        const who = names.get(r.participantId);
        return (
          <div key={r.participantId} className="my-receipt" data-testid="my-receipt" data-participant-id={r.participantId}>
            <code className="receipt-code receipt-code-large" data-testid="receipt-code">
              {cast.receipt}
            </code>
            {who?.proxy && <span className="muted"> {t('votes:ballot.proxy', { name: who.name ?? '' })}</span>}
            <span className="my-receipt-choice">{choiceText(poll, cast.choice, t)}</span>
            <span
              className={`badge receipt-check ${result === 'FOUND' ? 'badge-ok' : result ? 'badge-danger' : 'badge-muted'}`}
              data-testid="receipt-check"
              data-result={result ?? 'checking'}
            >
              {result ? `${result === 'FOUND' ? '✓ ' : '✗ '}${t(`votes:receipts.${result}`)}` : t('votes:receipts.checking')}
            </span>
          </div>
        );
      })}
      <FormError message={list.error ? errorText(list.error, t) : null} />
      <button type="button" className="btn btn-small" aria-expanded={showList} data-testid="receipts-toggle" onClick={() => setShowList((v) => !v)}>
        {t('votes:receipts.list', { count: list.data?.entries?.length ?? poll.result?.cast ?? 0 })}
      </button>
      {showList && list.data && (
        <ol className="receipt-list" data-testid="receipt-list">
          {(list.data.entries ?? []).map((e) => (
            <li key={e.receipt}>
              <code className="receipt-code">{e.receipt}</code> <span className="muted">{e.choiceText || choiceText(poll, e.choice, t)}</span>
              {e.voter && <span> · {e.voter}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
