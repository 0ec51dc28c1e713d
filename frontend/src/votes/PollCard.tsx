import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Id, MeetingDetail, Poll, RunItem } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormError } from '../components/Field';
import { useNotify } from '../components/Notice';
import { type MsgKey, useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useMeetingLive } from '../live/hooks';
import { meetingEndpointsQuery } from '../meetings/api/rooms';
import { capsOf } from '../meetings/shared';
import { type PollAction, useDeletePoll, usePollAction } from './api/polls';
import { BallotPanel } from './BallotPanel';
import { CountsForm, type CountSource } from './CountsForm';
import { PollBadges, PollProgress, PollStateBadge } from './PollBits';
import { PollFormDialog } from './PollFormDialog';
import { MyReceipts } from './Receipts';
import { ResultView } from './ResultView';
import { VotersPanel } from './VotersPanel';

/**
 * What a card shows:
 *   full    the "Biểu quyết" tab: everything the person may see and do with the poll;
 *   voter   on the tablet's other tabs: the ballot, the count, the result and the receipts;
 *   runner  the chair's console: the count and the actions, who has not voted, the result.
 */
export type PollView = 'full' | 'voter' | 'runner';

const ACTION_LABEL: Record<PollAction, MsgKey> = {
  open: 'votes:action.open',
  close: 'votes:action.close',
  publish: 'votes:action.publish',
};

/** Rooms a manager may enter an analog poll's figures for, besides the hall (one page is plenty). */
const ALL_ROOMS = { size: 500 };

/**
 * One poll: its title, kind and rule; while open the count (cast / entitled) and the countdown,
 * the person's ballot; afterwards the result with its figures and decision, and the receipts this
 * device keeps. Every button is there only when the poll's `can` flags allow it.
 */
export function PollCard({
  meeting,
  meetingId,
  poll,
  now,
  view = 'full',
  casterId,
  items = [],
}: {
  meeting: MeetingDetail | undefined;
  meetingId: Id;
  poll: Poll;
  /** the server's time */
  now: number;
  view?: PollView;
  casterId: Id | undefined;
  items?: readonly RunItem[];
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const can = poll.can ?? {};
  const action = usePollAction(meetingId);
  const actions = useApiForm(action);
  const remove = useDeletePoll(meetingId);
  const [confirm, setConfirm] = useState<PollAction | 'delete' | null>(null);
  const [editing, setEditing] = useState(false);
  const state = poll.state;
  const showActions = view !== 'voter';
  const showBallot = view !== 'runner' && state === 'OPEN' && (poll.mine?.length ?? 0) > 0;
  const result = poll.result;

  return (
    <article className={`panel poll-card state-${(state ?? 'DRAFT').toLowerCase()}`} data-testid="poll-card" data-poll-id={poll.id} data-state={state}>
      <header className="poll-head">
        <h3 className="poll-title" data-testid="poll-title">
          {poll.title}
        </h3>
        <p className="poll-meta">
          <PollStateBadge state={state} /> <PollBadges poll={poll} />
        </p>
        {poll.itemTitle && <p className="muted poll-item">{t('votes:forItem', { title: poll.itemTitle })}</p>}
        {poll.description && <p className="poll-description">{poll.description}</p>}
        {poll.rule?.text && <p className="poll-rule small">{t('votes:result.rule', { rule: poll.rule.text })}</p>}
        {state === 'DRAFT' && poll.kind !== 'YES_NO' && (poll.options?.length ?? 0) > 0 && (
          <p className="small">{(poll.options ?? []).map((o) => o.label).join(', ')}</p>
        )}
      </header>

      {state === 'OPEN' && !poll.analog && <PollProgress poll={poll} now={now} />}

      {showBallot && !poll.analog && <BallotPanel meetingId={meetingId} poll={poll} casterId={casterId} />}

      {showActions && (
        <>
          <FormError message={actions.error} testId="poll-action-error" />
          {(can.edit || can.delete || can.open || can.close || can.publish) && (
            <div className="btn-row wrap poll-actions">
              {can.open && (
                <button type="button" className="btn btn-primary btn-large" data-testid="poll-open" disabled={actions.busy} onClick={() => setConfirm('open')}>
                  {t('votes:action.open')}
                </button>
              )}
              {can.close && (
                <button type="button" className="btn btn-danger btn-large" data-testid="poll-close" disabled={actions.busy} onClick={() => setConfirm('close')}>
                  {t('votes:action.close')}
                </button>
              )}
              {can.publish && (
                <button type="button" className="btn btn-primary btn-large" data-testid="poll-publish" disabled={actions.busy} onClick={() => setConfirm('publish')}>
                  {t('votes:action.publish')}
                </button>
              )}
              {can.edit && (
                <button type="button" className="btn" data-testid="poll-edit" disabled={actions.busy} onClick={() => setEditing(true)}>
                  {t('votes:action.edit')}
                </button>
              )}
              {can.delete && (
                <button type="button" className="btn btn-danger-outline" data-testid="poll-delete" disabled={actions.busy} onClick={() => setConfirm('delete')}>
                  {t('votes:action.delete')}
                </button>
              )}
            </div>
          )}
          {can.enterCounts && poll.analog && state === 'OPEN' && <AnalogCounts meeting={meeting} meetingId={meetingId} poll={poll} />}
          {/* who has voted: for those who see the quorum by name; a secret poll's only once closed */}
          {capsOf(meeting).canViewQuorum && poll.id != null && state !== 'DRAFT' && (state !== 'OPEN' || !poll.secret) && !poll.analog && (
            <VotersPanel meetingId={meetingId} pollId={poll.id} />
          )}
        </>
      )}

      {result && (state === 'PUBLISHED' || state === 'CLOSED') && <ResultView poll={poll} result={result} showRule={!poll.rule?.text} />}
      {state === 'CLOSED' && !result && <p className="muted" data-testid="poll-result-pending">{t('votes:result.pending')}</p>}
      {state === 'PUBLISHED' && view !== 'runner' && !poll.analog && <MyReceipts poll={poll} />}

      {confirm && (
        <ConfirmDialog
          title={confirm === 'delete' ? t('votes:action.delete') : t(ACTION_LABEL[confirm])}
          message={t(`votes:confirm.${confirm}`, { title: poll.title ?? '' })}
          confirmLabel={confirm === 'delete' ? t('votes:action.delete') : t(ACTION_LABEL[confirm])}
          danger={confirm === 'delete' || confirm === 'close'}
          onClose={() => setConfirm(null)}
          onConfirm={async () => {
            if (confirm === 'delete') await remove.mutateAsync(poll.id);
            else await action.mutateAsync({ pollId: poll.id, action: confirm });
            notify(t(`votes:done.${confirm}`));
            setConfirm(null);
          }}
        />
      )}
      {editing && <PollFormDialog meetingId={meetingId} poll={poll} items={items} onClose={() => setEditing(false)} />}
    </article>
  );
}

/** The figures of an analog poll: for a manager the hall or any room, for a room's device account its room. */
function AnalogCounts({ meeting, meetingId, poll }: { meeting: MeetingDetail | undefined; meetingId: Id; poll: Poll }) {
  const { t } = useI18n();
  const caps = capsOf(meeting);
  const manager = !!(caps.canManage || caps.canRun);
  const live = useMeetingLive(meetingId).state;
  const rooms = useQuery({ ...meetingEndpointsQuery(meetingId, ALL_ROOMS), enabled: manager });
  const sources: CountSource[] = manager
    ? [
        { endpointId: null, name: t('votes:counts.hall') },
        ...(rooms.data?.items ?? [])
          .filter((r) => r.endpointId != null)
          .map((r) => ({ endpointId: r.endpointId ?? null, name: r.name ?? r.code ?? String(r.endpointId) })),
      ]
    : (live?.myRooms ?? []).filter((r) => r.endpointId != null).map((r) => ({ endpointId: r.endpointId ?? null, name: r.name ?? '' }));
  if (sources.length === 0) return null;
  return <CountsForm key={sources.length} meetingId={meetingId} poll={poll} sources={sources} />;
}
