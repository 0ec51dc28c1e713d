import { FormError } from '../components/Field';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import type { MeetingTabProps } from '../meetings/MeetingPage';
import { capsOf } from '../meetings/shared';
import { useMeetingLive, useServerNow } from './hooks';
import { ItemStateBadge, KindBadge, SpeechClock, SpeechWho } from './LiveBits';
import { currentItem } from './liveState';
import { SpeakPanel } from './SpeakPanel';

/**
 * The running session on a participant's tablet (the meeting page while IN_PROGRESS): what is being
 * discussed, who has the floor with the countdown, "Xin phát biểu" with the place in the queue,
 * and the agenda with the current item marked. Everything follows the live channel.
 */
export function SessionPanel({ meeting, meetingId }: MeetingTabProps) {
  const { t } = useI18n();
  const { state, error, me } = useMeetingLive(meetingId);
  const now = useServerNow();
  const caps = capsOf(meeting);
  const item = currentItem(state);
  const speaker = state?.speaker;
  const current = speaker?.current;
  const waiting = speaker?.waiting?.length ?? 0;
  // a room's device account asks for its room (the server lists this meeting's rooms it speaks for)
  const forRoom = (state?.myRooms?.length ?? 0) > 0;

  return (
    <div className="session-panel" data-testid="session-panel">
      {state?.paused && (
        <p className="alert alert-warn session-paused" data-testid="session-state" data-paused="true" role="status">
          {t('live:session.pausedLong')}
        </p>
      )}
      <FormError message={error && !state ? errorText(error, t) : null} />

      <section className="panel now-panel" aria-labelledby="now-title">
        <h2 id="now-title" className="now-label">
          {t('live:item.current')}
        </h2>
        {item ? (
          <p className="now-item" data-testid="current-item" data-item-id={String(item.id)}>
            <span className="now-number">{item.number}.</span> {item.title}
          </p>
        ) : (
          <p className="now-item muted" data-testid="current-item">
            {t('live:item.none')}
          </p>
        )}

        <div className="now-speaker" data-testid="current-speaker" data-request-id={current?.id != null ? String(current.id) : undefined}>
          <span className="now-label">{t('live:speech.current')}</span>
          {current ? (
            <div className="now-speaker-row">
              <span className="now-speaker-who">
                <SpeechWho s={current} />
                <KindBadge s={current} />
              </span>
              <SpeechClock s={current} now={now} testId="speaker-countdown" className="now-clock" />
            </div>
          ) : (
            <p className="muted now-none">{t('live:speech.none')}</p>
          )}
        </div>
        <p className="muted now-waiting" data-testid="queue-waiting-count" data-count={waiting}>
          {speaker?.open === false ? t('live:queue.closedShort') : t('live:queue.waitingCount', { count: waiting })}
        </p>
      </section>

      <SpeakPanel meetingId={meetingId} state={state} me={me} now={now} canAsk={!!caps.canAskToSpeak} forRoom={forRoom} />

      {state?.items && state.items.length > 0 && (
        <section className="panel" aria-labelledby="run-agenda-title">
          <h2 id="run-agenda-title">{t('live:agenda.title')}</h2>
          <ol className="run-agenda" data-testid="live-agenda">
            {state.items.map((i) => {
              const isCurrent = i.id === state.currentItemId;
              return (
                <li
                  key={String(i.id)}
                  className={`run-item state-${(i.state ?? 'PENDING').toLowerCase()}${isCurrent ? ' is-current' : ''}`}
                  style={{ paddingInlineStart: `${0.8 + (i.depth ?? 0) * 1.4}rem` }}
                  data-testid="live-agenda-item"
                  data-item-id={String(i.id)}
                  data-state={i.state}
                  aria-current={isCurrent ? 'step' : undefined}
                >
                  <span className="run-number">{i.number}</span>
                  <span className="run-title">{i.title}</span>
                  {i.state !== 'PENDING' && <ItemStateBadge state={i.state} />}
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </div>
  );
}
