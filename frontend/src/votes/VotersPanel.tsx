import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Id } from '../api/types';
import { FormError } from '../components/Field';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { useLiveFallback } from '../live/hooks';
import { votersQuery } from './api/polls';

/**
 * "Ai chưa biểu quyết": for those who run the poll, who has not voted yet (named polls while open;
 * any poll after close), read when opened and again with each count the channel brings.
 */
export function VotersPanel({ meetingId, pollId }: { meetingId: Id; pollId: Id }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const fallback = useLiveFallback(meetingId);
  const voters = useQuery({ ...votersQuery(pollId), enabled: open, ...fallback });
  const all = voters.data?.rows ?? [];
  const missing = all.filter((v) => !v.voted);
  return (
    <div className="poll-voters">
      <button type="button" className="btn btn-small" aria-expanded={open} data-testid="voters-toggle" onClick={() => setOpen((v) => !v)}>
        {open ? t('votes:voters.hide') : t('votes:voters.show')}
      </button>
      {open && (
        <div data-testid="voters" data-missing={voters.data ? missing.length : undefined}>
          <FormError message={voters.error ? errorText(voters.error, t) : null} />
          {voters.data &&
            (missing.length === 0 ? (
              <p className="muted" data-testid="voters-all">
                {t('votes:voters.allVoted')}
              </p>
            ) : (
              <>
                <h4 className="poll-voters-title">{t('votes:voters.missing', { count: missing.length })}</h4>
                <ul className="poll-voters-list">
                  {missing.map((v) => (
                    <li key={String(v.participantId)} data-testid="voter-missing" data-participant-id={v.participantId}>
                      {v.name}
                      {v.unitName && <span className="muted"> · {v.unitName}</span>}
                      {v.present === false && <span className="badge badge-muted"> {t('votes:voters.absent')}</span>}
                    </li>
                  ))}
                </ul>
              </>
            ))}
        </div>
      )}
    </div>
  );
}
