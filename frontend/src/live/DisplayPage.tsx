import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Id, LiveState, Speech } from '../api/types';
import { useTitle } from '../components/useTitle';
import { formatNumber, vnTime } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { routeId } from '../lib/routeId';
import { NotFound } from '../layout/Forbidden';
import { meetingQuery } from '../meetings/api/getMeeting';
import { useMeetingLive, useServerNow } from './hooks';
import { ItemTime, KindBadge, LiveIndicator, speakerName, speakerSub } from './LiveBits';
import { currentItem } from './liveState';
import { SpeakPanel } from './SpeakPanel';
import { countdown, formatElapsed, speechElapsedMs, speechRemainingMs } from './timing';
import { DisplayPoll } from '../votes/DisplayPoll';
import { stagePoll } from '../votes/results';
import { usePolls } from '../votes/usePolls';
import { DisplayVideo } from '../video/DisplayVideo';
import { ReadinessCheck } from '../video/ReadinessCheck';
import { type Checks, NO_VIDEO, type VideoSignals, checksKey, loadChecks } from '../video/roomReport';
import { useRoomReporter } from '../video/useRoomReporter';
import { videoJoinQuery } from './api/video';

/** How many waiting speakers the screen names. */
const NEXT_SHOWN = 3;
/** The mouse pointer hides after this long without moving. */
const IDLE_CURSOR_MS = 3_000;
/** A room's screen goes back to its home (the next meeting) this long after a meeting ended. */
const HOME_AFTER_END_MS = 60_000;

/**
 * /display/:meetingId — the room's big screen (a 1920×1080 television read from the back of a
 * commune hall): the meeting, the item under discussion, who has the floor with a countdown that
 * turns red when the time is over, the next speakers, attendance and quorum, the time. It follows
 * the meeting by itself (live channel) and reconnects by itself; nothing needs a touch.
 *
 * The middle of the screen (`display-stage`) shows a poll while it is on (the live count, then the
 * result); the speaker then moves into the side column. A room's own screen (its device account)
 * joins the meeting's video conference by itself when there is one: the video fills the stage,
 * with the speaker over it, and a poll over both. The screen reports the room's status (connected,
 * in the conference, camera, microphone, quality) and, from 30 minutes before, its readiness check
 * to the chair's grid.
 */
export function DisplayPage() {
  const id = routeId(useParams().meetingId);
  if (id === null) return <NotFound />;
  return <DisplayView meetingId={id} />;
}

function DisplayView({ meetingId }: { meetingId: Id }) {
  const { t } = useI18n();
  const { state, status, error, me } = useMeetingLive(meetingId);
  // the capabilities as they change with the meeting (meeting.changed refreshes it)
  const meeting = useQuery(meetingQuery(meetingId)).data;
  const now = useServerNow();
  // a poll takes the stage while it is open, counted and for a while after its result
  const poll = stagePoll(usePolls(meetingId).data, now);
  const idle = useIdleCursor();
  useWakeLock();
  useTitle(state?.title ?? t('live:display.title'));

  useBackHomeWhenOver(state);

  const caps = meeting?.capabilities ?? state?.capabilities;
  const room = state?.myRooms?.[0];
  const videoJoin = useQuery({ ...videoJoinQuery(meetingId), enabled: !!caps?.canJoinVideo && !!room });
  const videoOn = !!caps?.canJoinVideo && !!room && !!videoJoin.data?.configured;
  const [signals, setSignals] = useState<VideoSignals>(NO_VIDEO);
  const storeKey = room?.endpointId != null ? checksKey(meetingId, room.endpointId) : null;
  // the answers live in the screen's storage too (a reload keeps them)
  const [answered, setAnswered] = useState<{ key: string | null; checks: Checks }>({ key: null, checks: {} });
  const checks = useMemo<Checks>(
    () => (answered.key === storeKey ? answered.checks : storeKey ? loadChecks(window.localStorage, storeKey) : {}),
    [answered, storeKey],
  );
  const reporting = !!caps?.canReportRoomStatus && !!room;
  useRoomReporter(meetingId, reporting, videoOn ? signals : NO_VIDEO, checks);

  function answer(part: keyof Checks, works: boolean) {
    if (!storeKey) return;
    const next = { ...checks, [part]: works };
    window.localStorage.setItem(storeKey, JSON.stringify(next));
    setAnswered({ key: storeKey, checks: next });
  }

  if (!state) {
    return (
      <div className="display is-empty" data-testid="display">
        <p className="display-message">{error ? errorText(error, t) : t('app.loading')}</p>
        <LiveIndicator status={status} className="display-status" />
      </div>
    );
  }

  const item = currentItem(state);
  const running = state.status === 'IN_PROGRESS';
  const forRoom = (state.myRooms?.length ?? 0) > 0;
  const canAsk = !!caps?.canAskToSpeak;

  return (
    <div className={`display${idle ? ' is-idle' : ''}${state.paused ? ' is-paused' : ''}`} data-testid="display" data-status={state.status}>
      <header className="display-head">
        <h1 className="display-title" data-testid="display-title">
          {state.title}
        </h1>
        <div className="display-head-side">
          <span className="display-clock" data-testid="display-clock">
            {vnTime(new Date(now))}
          </span>
          <LiveIndicator status={status} className="display-status" />
        </div>
      </header>

      {state.paused && (
        <p className="display-banner" role="status">
          {t('live:display.paused')}
        </p>
      )}

      <section className="display-item" data-testid="display-item" data-item-id={item?.id != null ? String(item.id) : undefined}>
        {running ? (
          item ? (
            <>
              <span className="display-label">{t('live:display.item', { number: item.number ?? '' })}</span>
              <span className="display-item-title">{item.title}</span>
              <ItemTime item={item} now={now} />
            </>
          ) : (
            <span className="display-item-title muted">{t('live:display.noItem')}</span>
          )
        ) : (
          <NotRunning state={state} />
        )}
      </section>

      <main className="display-body">
        <section className={`display-stage${poll ? ' has-poll' : ''}${videoOn ? ' has-video' : ''}`} data-testid="display-stage">
          {/* first, so that it stays mounted (in the conference) whatever shows over it */}
          {videoOn && (
            <DisplayVideo
              meetingId={meetingId}
              myRoom={room?.endpointId}
              hasFloor={running && room?.endpointId != null && state.speaker?.current?.endpointId === room.endpointId}
              signals={signals}
              onSignals={setSignals}
            />
          )}
          {poll ? (
            <DisplayPoll poll={poll} now={now} />
          ) : videoOn ? (
            running && state.speaker?.current ? (
              <div className="display-overlay" data-testid="display-overlay">
                <SpeakerStage current={state.speaker.current} now={now} />
              </div>
            ) : null
          ) : (
            <SpeakerStage current={running ? state.speaker?.current : undefined} now={now} />
          )}
        </section>
        <aside className="display-side">
          {reporting && (
            // a new check when the session starts: open before it, folded into one button during it
            <ReadinessCheck key={state.status} checks={checks} onAnswer={answer} before={state.status === 'SCHEDULED'} />
          )}
          {poll && running && state.speaker?.current && (
            <section className="display-box display-side-speaker">
              <SpeakerStage current={state.speaker.current} now={now} />
            </section>
          )}
          <NextSpeakers waiting={running ? (state.speaker?.waiting ?? []) : []} open={state.speaker?.open !== false} />
          <QuorumBox state={state} />
        </aside>
      </main>

      <footer className="display-foot">
        {running && canAsk && (
          <SpeakPanel meetingId={meetingId} state={state} me={me} now={now} canAsk={canAsk} forRoom={forRoom} className="display-speak" />
        )}
        <span className="display-tools">
          <FullscreenButton />
          <Link to="/" state={{ stay: true }} className="btn btn-display" data-testid="display-home">
            {t('nav.home')}
          </Link>
        </span>
      </footer>
    </div>
  );
}

function NotRunning({ state }: { state: LiveState }) {
  const { t } = useI18n();
  if (state.status === 'SCHEDULED' || state.status === 'DRAFT') {
    return (
      <span className="display-item-title">
        {state.startsAt ? t('live:display.startsAt', { time: vnTime(state.startsAt) }) : t('live:display.notStarted')}
        {state.place && <span className="display-place"> · {state.place}</span>}
      </span>
    );
  }
  if (state.status === 'CANCELLED') return <span className="display-item-title">{t('live:display.cancelled')}</span>;
  return <span className="display-item-title">{t('live:display.ended')}</span>;
}

/** Who has the floor and the countdown, the largest things on the screen. */
function SpeakerStage({ current, now }: { current: Speech | undefined; now: number }) {
  const { t } = useI18n();
  if (!current) {
    return (
      <>
        <div className="display-speaker is-empty" data-testid="display-speaker" data-empty="true">
          <span className="display-label">{t('live:speech.current')}</span>
          <span className="display-speaker-name muted">{t('live:speech.none')}</span>
        </div>
        <div className="display-countdown is-empty" data-testid="display-countdown" data-empty="true" />
      </>
    );
  }
  const remaining = speechRemainingMs(current, now);
  const c = remaining === null ? null : countdown(remaining);
  const paused = current.pausedAt != null;
  const sub = speakerSub(current, t);
  return (
    <>
      <div className="display-speaker" data-testid="display-speaker" data-request-id={String(current.id)}>
        <span className="display-label">
          {t('live:speech.current')} <KindBadge s={current} />
        </span>
        <span className="display-speaker-name">{speakerName(current)}</span>
        {sub && <span className="display-speaker-sub">{sub}</span>}
      </div>
      <div
        className={`display-countdown${c?.overrun ? ' is-overrun' : ''}${paused ? ' is-paused' : ''}`}
        data-testid="display-countdown"
        data-overrun={c?.overrun ? 'true' : 'false'}
        data-paused={paused}
      >
        <span className="display-countdown-time">{c ? c.text : formatElapsed(speechElapsedMs(current, now))}</span>
        <span className="display-countdown-label">
          {paused ? t('live:speech.paused') : c?.overrun ? t('live:display.overrun') : c ? t('live:display.left') : t('live:display.elapsed')}
        </span>
      </div>
    </>
  );
}

function NextSpeakers({ waiting, open }: { waiting: Speech[]; open: boolean }) {
  const { t } = useI18n();
  const shown = waiting.slice(0, NEXT_SHOWN);
  const more = waiting.length - shown.length;
  return (
    <section className="display-box display-next" data-testid="display-next" data-count={waiting.length}>
      <h2 className="display-label">{t('live:display.next')}</h2>
      {shown.length === 0 ? (
        <p className="muted">{open ? t('live:queue.empty') : t('live:queue.closed')}</p>
      ) : (
        <ol className="display-next-list">
          {shown.map((s) => (
            <li key={String(s.id)} className={s.kind === 'POINT_OF_ORDER' ? 'is-order' : undefined}>
              <span className="display-next-name">{speakerName(s)}</span>
              {s.kind === 'POINT_OF_ORDER' && <KindBadge s={s} />}
            </li>
          ))}
        </ol>
      )}
      {more > 0 && <p className="display-more">{t('live:display.more', { count: more })}</p>}
    </section>
  );
}

function QuorumBox({ state }: { state: LiveState }) {
  const { t } = useI18n();
  const q = state.quorum;
  if (!q) return null;
  return (
    <section className={`display-box display-quorum ${q.reached ? 'is-reached' : 'is-short'}`} data-testid="display-quorum" data-reached={q.reached ? 'true' : 'false'}>
      <h2 className="display-label">{t('live:display.attendance')}</h2>
      <p className="display-quorum-count">
        {t('live:display.present', { present: formatNumber(q.present ?? 0), members: formatNumber(q.members ?? 0) })}
      </p>
      <p className="display-quorum-verdict">
        <span aria-hidden="true">{q.reached ? '✓ ' : '! '}</span>
        {q.reached ? t('meetings:quorum.reached') : t('meetings:quorum.notReached')}
      </p>
    </section>
  );
}

function FullscreenButton() {
  const { t } = useI18n();
  const [full, setFull] = useState(() => typeof document !== 'undefined' && !!document.fullscreenElement);
  useEffect(() => {
    const on = () => setFull(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  if (typeof document === 'undefined' || !document.fullscreenEnabled) return null;
  return (
    <button
      type="button"
      className="btn btn-display"
      data-testid="display-fullscreen"
      onClick={() => void (full ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined)}
    >
      {full ? t('live:display.exitFullscreen') : t('live:display.fullscreen')}
    </button>
  );
}

/** True after the mouse has not moved for a while: the screen hides the pointer and its buttons. */
function useIdleCursor(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wake = () => {
      setIdle(false);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), IDLE_CURSOR_MS);
    };
    wake();
    window.addEventListener('pointermove', wake);
    window.addEventListener('pointerdown', wake);
    window.addEventListener('keydown', wake);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
      window.removeEventListener('keydown', wake);
    };
  }, []);
  return idle;
}

/** Keep the television from dimming while the screen is shown (where the browser allows it). */
function useWakeLock(): void {
  useEffect(() => {
    const nav = navigator as Navigator & { wakeLock?: { request: (type: 'screen') => Promise<{ release: () => Promise<void> }> } };
    if (!nav.wakeLock) return;
    let lock: { release: () => Promise<void> } | null = null;
    let gone = false;
    const take = () => {
      if (document.visibilityState !== 'visible') return;
      nav.wakeLock
        ?.request('screen')
        .then((l) => {
          if (gone) void l.release();
          else lock = l;
        })
        .catch(() => undefined);
    };
    take();
    // the lock is let go whenever the page is hidden; take it again when it comes back
    document.addEventListener('visibilitychange', take);
    return () => {
      gone = true;
      document.removeEventListener('visibilitychange', take);
      void lock?.release().catch(() => undefined);
    };
  }, []);
}

/**
 * A room's own screen (its device account) does not stay on a meeting that is over: a minute
 * after the end it goes back to the room's home, which opens the next meeting in progress.
 */
function useBackHomeWhenOver(state: LiveState | undefined) {
  const navigate = useNavigate();
  const room = (state?.myRooms?.length ?? 0) > 0;
  const over = !!state && !['DRAFT', 'SCHEDULED', 'IN_PROGRESS'].includes(state.status ?? '');
  useEffect(() => {
    if (!room || !over) return;
    const timer = window.setTimeout(() => navigate('/', { replace: true }), HOME_AFTER_END_MS);
    return () => window.clearTimeout(timer);
  }, [room, over, navigate]);
}
