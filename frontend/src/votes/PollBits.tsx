// Small pieces of a poll shared by the meeting page, the console, the tablet and the room's screen.

import type { Choice, Poll, PollState } from '../api/types';
import { formatNumber } from '../format';
import { type TFunction, useI18n } from '../lib/i18n';
import { formatSeconds } from '../live/timing';
import { pollCount } from './results';

const STATE_CLASS: Record<PollState, string> = {
  DRAFT: 'badge-muted',
  OPEN: 'badge-live',
  CLOSED: 'badge-warn',
  PUBLISHED: 'badge-ok',
};

export function PollStateBadge({ state }: { state: PollState | undefined }) {
  const { t } = useI18n();
  if (!state) return null;
  return (
    <span className={`badge ${STATE_CLASS[state] ?? 'badge-muted'}`} data-testid="poll-state" data-state={state}>
      {t(`votes:state.${state}`)}
    </span>
  );
}

/** Kind, secret or named, analog: the badges under a poll's title. */
export function PollBadges({ poll }: { poll: Poll }) {
  const { t } = useI18n();
  return (
    <span className="badge-list poll-badges">
      {poll.kind && <span className="badge badge-role">{t(`votes:kind.${poll.kind}`)}</span>}
      <span className={`badge ${poll.secret ? 'badge-info' : 'badge-muted'}`} data-secret={!!poll.secret}>
        {poll.secret ? t('votes:secret') : t('votes:named')}
      </span>
      {poll.analog && <span className="badge badge-muted">{t('votes:analog')}</span>}
      {poll.kind === 'ELECTION' && poll.seats != null && <span className="badge badge-muted">{t('votes:seats', { count: poll.seats })}</span>}
    </span>
  );
}

/** "Đã biểu quyết 12/45" with a bar, and the countdown while open. */
export function PollProgress({ poll, now }: { poll: Poll; now: number }) {
  const { t } = useI18n();
  const { cast, entitled, percent, remaining, ending } = pollCount(poll, now);
  return (
    <div className="poll-progress" data-testid="poll-count" data-cast={cast} data-entitled={entitled}>
      <div className="poll-progress-line">
        <span className="poll-progress-text">
          {t('votes:progress.count', { cast: formatNumber(cast), entitled: formatNumber(entitled) })}
        </span>
        {remaining !== null && (
          <span className={`poll-countdown${ending ? ' is-ending' : ''}`} data-testid="poll-countdown">
            {remaining > 0 ? t('votes:progress.left', { time: formatSeconds(Math.ceil(remaining / 1000)) }) : t('votes:progress.closing')}
          </span>
        )}
      </div>
      <div
        className="poll-progress-bar"
        role="progressbar"
        aria-label={t('votes:progress.label')}
        aria-valuemin={0}
        aria-valuemax={entitled}
        aria-valuenow={cast}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/** A choice in words: "Tán thành"; the candidates chosen; each candidate's rating. */
export function choiceText(poll: Poll, choice: Choice | undefined, t: TFunction): string {
  if (!choice) return '';
  if (choice.value) return t(`votes:value.${choice.value}`);
  const label = (id: number | string) => poll.options?.find((o) => String(o.id) === String(id))?.label ?? String(id);
  if (choice.ratings) {
    return (poll.options ?? [])
      .filter((o) => o.id != null && choice.ratings?.[String(o.id)])
      .map((o) => `${o.label ?? ''}: ${t(`votes:rating.${choice.ratings?.[String(o.id)] ?? 'MEDIUM'}`)}`)
      .join('; ');
  }
  if (choice.selected) return choice.selected.length === 0 ? t('votes:ballot.none') : choice.selected.map(label).join(', ');
  return '';
}
