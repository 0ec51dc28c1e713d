import type { Poll } from '../api/types';
import { formatNumber } from '../format';
import { useI18n } from '../lib/i18n';
import { formatSeconds } from '../live/timing';
import { pollCount } from './results';
import { ResultView } from './ResultView';

/**
 * The room's screen while a poll is on: its title and the live count (cast / entitled) in large
 * type with the countdown; when it closes, that the votes are being counted; once published, the
 * result as a chart with the decision. Drawn from the poll list the meeting's channel patches
 * (poll.progress, poll.published): nothing is asked of the server for it.
 */
export function DisplayPoll({ poll, now }: { poll: Poll; now: number }) {
  const { t } = useI18n();
  const state = poll.state;
  const { cast, entitled, percent, remaining, ending } = pollCount(poll, now);
  const published = state === 'PUBLISHED' && poll.result;
  return (
    <div className={`display-poll state-${(state ?? '').toLowerCase()}`} data-testid="display-poll" data-poll-id={poll.id} data-state={state}>
      <span className="display-label">
        {published ? t('votes:display.result') : state === 'OPEN' ? t('votes:display.voting') : t('votes:display.closed')}
      </span>
      <h2 className="display-poll-title" data-testid="display-poll-title">
        {poll.title}
      </h2>
      {published && poll.result ? (
        <ResultView poll={poll} result={poll.result} display />
      ) : (
        !poll.analog && (
          <div className="display-poll-count" data-testid="display-poll-count" data-cast={cast} data-entitled={entitled}>
            <span className="display-poll-figures">
              <span className="display-poll-cast">{formatNumber(cast)}</span>
              <span className="display-poll-slash">/</span>
              <span className="display-poll-entitled">{formatNumber(entitled)}</span>
            </span>
            <span className="display-poll-caption">{t('votes:display.cast')}</span>
            <span className="display-poll-bar" aria-hidden="true">
              <span style={{ width: `${percent}%` }} />
            </span>
            {poll.rule?.text && <span className="display-poll-rule">{t('votes:result.rule', { rule: poll.rule.text })}</span>}
            {remaining !== null && (
              <span className={`display-poll-countdown${ending ? ' is-ending' : ''}`} data-testid="display-poll-countdown">
                {formatSeconds(Math.ceil(remaining / 1000))} <span className="display-poll-caption">{t('votes:display.left')}</span>
              </span>
            )}
          </div>
        )
      )}
    </div>
  );
}
