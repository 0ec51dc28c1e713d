import { useState } from 'react';
import type { Id } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { FormError } from '../components/Field';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { useMeetingLive, useServerNow } from '../live/hooks';
import { currentItem } from '../live/liveState';
import type { MeetingTabProps } from '../meetings/MeetingPage';
import { capsOf } from '../meetings/shared';
import { PollCard } from './PollCard';
import { PollFormDialog } from './PollFormDialog';
import { pendingVoters, tabletPolls } from './results';
import { usePolls } from './usePolls';

/**
 * "Biểu quyết": every poll of the meeting, newest first. Those who manage polls create drafts here
 * and open, close and publish them; a delegate votes and sees the results and their receipts.
 */
export function VotesTab({ meeting, meetingId }: MeetingTabProps) {
  const { t } = useI18n();
  const userId = useAuth().user?.id;
  const polls = usePolls(meetingId);
  const { state } = useMeetingLive(meetingId);
  const now = useServerNow();
  const [creating, setCreating] = useState(false);
  const items = state?.items ?? [];
  const list = polls.data ?? [];

  return (
    <div className="votes-tab" data-testid="votes-tab">
      {capsOf(meeting).canManagePolls && (
        <div className="btn-row">
          <button type="button" className="btn btn-primary btn-large" data-testid="poll-new" onClick={() => setCreating(true)}>
            + {t('votes:new')}
          </button>
        </div>
      )}
      <FormError message={polls.error ? errorText(polls.error, t) : null} />
      {polls.isPending && <p className="muted">{t('votes:loading')}</p>}
      {polls.data && list.length === 0 && (
        <p className="muted" data-testid="polls-empty">
          {t('votes:empty')}
        </p>
      )}
      <div className="poll-list" data-testid="poll-list">
        {list.map((p) => (
          <PollCard key={String(p.id)} meeting={meeting} meetingId={meetingId} poll={p} now={now} casterId={userId} items={items} />
        ))}
      </div>
      {creating && (
        <PollFormDialog meetingId={meetingId} items={items} defaultItemId={currentItem(state)?.id} onClose={() => setCreating(false)} />
      )}
    </div>
  );
}

/**
 * Above every tab of the meeting page but "Biểu quyết" itself: an open poll the person may vote in
 * appears by itself (the live channel's poll.changed), with the ballot; once voted, the count and
 * the receipt; after publication the result and the receipt check, until closed.
 */
export function LiveVotes({ meeting, meetingId, withResult = true }: MeetingTabProps & { withResult?: boolean }) {
  const { t } = useI18n();
  const userId = useAuth().user?.id;
  const polls = usePolls(meetingId, meeting.status === 'IN_PROGRESS' || meeting.status === 'ENDED');
  const now = useServerNow();
  const [dismissed, setDismissed] = useState<ReadonlySet<Id>>(readDismissed);
  const shown = tabletPolls(polls.data ?? [], now, withResult).filter((poll) => poll.id == null || !dismissed.has(poll.id) || pendingVoters(poll).length > 0);
  if (shown.length === 0) return null;
  return (
    <div className="live-votes" data-testid="live-votes">
      {shown.map((poll) => (
        <div key={String(poll.id)} className="live-vote">
          {poll.state === 'PUBLISHED' && (
            <button
              type="button"
              className="btn btn-icon live-vote-close"
              aria-label={t('common.close')}
              data-testid="live-vote-close"
              onClick={() => setDismissed((d) => keepDismissed(new Set(d).add(poll.id ?? 0)))}
            >
              <span aria-hidden="true">×</span>
            </button>
          )}
          <PollCard meeting={meeting} meetingId={meetingId} poll={poll} now={now} view="voter" casterId={userId} />
        </div>
      ))}
    </div>
  );
}

/** Results closed on this tab stay closed while it is open (across the meeting's tabs). */
const DISMISSED_KEY = 'hopso.votes.dismissed';

function readDismissed(): ReadonlySet<Id> {
  try {
    const ids = JSON.parse(sessionStorage.getItem(DISMISSED_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(ids) ? ids.filter((x): x is number => typeof x === 'number') : []);
  } catch {
    return new Set();
  }
}

function keepDismissed(ids: Set<Id>): Set<Id> {
  try {
    sessionStorage.setItem(DISMISSED_KEY, JSON.stringify([...ids].slice(-50)));
  } catch {
    // storage unavailable: closed until the page is left
  }
  return ids;
}
