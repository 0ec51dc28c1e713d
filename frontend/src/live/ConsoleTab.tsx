import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Id, LiveState, RunItem, Speech } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormError } from '../components/Field';
import { useNotify } from '../components/Notice';
import { vnTime } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { type ApiForm, useApiForm } from '../lib/useApiForm';
import { participantsQuery } from '../meetings/api/participants';
import type { MeetingTabProps } from '../meetings/MeetingPage';
import { QuorumPanel } from '../meetings/QuorumPanel';
import { capsOf, meetingUrl } from '../meetings/shared';
import { type AgendaRun, type SessionAction, useAgendaRun, useSessionAction, useSpeakerAction } from './api/session';
import { useMeetingLive, useServerNow } from './hooks';
import { ItemStateBadge, ItemTime, KindBadge, SpeechClock, SpeechWho, speakerName } from './LiveBits';
import { currentItem } from './liveState';
import { formatSeconds } from './timing';
import { VideoPanel } from './VideoPanel';
import { RoomsGrid } from '../video/RoomsGrid';
import { ConsolePolls } from '../votes/ConsolePolls';

/** Speech limits the chair can choose from (seconds). */
const LIMITS = [60, 120, 180, 300, 420, 600, 900];

/** "HH:mm:ss" of the server's time in Vietnam. */
function clockText(now: number): string {
  const d = new Date(now);
  const s = d.getUTCSeconds();
  return `${vnTime(d)}:${s < 10 ? `0${s}` : s}`;
}

/**
 * "Điều hành": the chair's console (and the meeting's secretaries'). Start, pause, resume and end the
 * session; move through the agenda; run the speaking queue; watch the quorum and who is connected.
 * Shown with `canRunSession` (or `canStart`, to start from here); every press is a REST write and
 * the live channel brings its result to every screen.
 */
export function ConsoleTab({ meeting, meetingId }: MeetingTabProps) {
  const { t } = useI18n();
  const notify = useNotify();
  const caps = capsOf(meeting);
  const { state, error } = useMeetingLive(meetingId);
  const now = useServerNow();
  const session = useSessionAction(meetingId);
  const sessionForm = useApiForm(session);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const running = meeting.status === 'IN_PROGRESS' && !!caps.canRunSession;
  const busyAction = sessionForm.busy ? sessionForm.variables : undefined;

  function act(action: SessionAction) {
    sessionForm.submit(action, { onSuccess: () => notify(t(`live:console.done.${action}`)) });
  }

  return (
    <div className="console" data-testid="console">
      <section className="panel console-bar" aria-label={t('live:console.session')}>
        <div className="console-bar-info">
          <span className="console-clock" data-testid="console-clock" aria-label={t('live:console.clock')}>
            {clockText(now)}
          </span>
          <span
            className={`session-state${state?.paused ? ' is-paused' : ''}${meeting.status !== 'IN_PROGRESS' ? ' is-idle' : ''}`}
            data-testid="session-state"
            data-paused={!!state?.paused}
          >
            {meeting.status !== 'IN_PROGRESS'
              ? t(`meetings:mstatus.${meeting.status ?? 'SCHEDULED'}`)
              : state?.paused
                ? t('live:session.paused')
                : t('live:session.running')}
          </span>
          {state?.sessionStartedAt && (
            <span className="muted">{t('live:console.startedAt', { time: vnTime(state.sessionStartedAt) })}</span>
          )}
        </div>
        <div className="btn-row wrap">
          {caps.canStart && (
            <button type="button" className="btn btn-primary" data-testid="console-start" disabled={sessionForm.busy} onClick={() => act('start')}>
              {busyAction === 'start' ? t('common.working') : t('live:console.start')}
            </button>
          )}
          {running && !state?.paused && (
            <button type="button" className="btn" data-testid="console-pause" disabled={sessionForm.busy} onClick={() => act('pause')}>
              {busyAction === 'pause' ? t('common.working') : t('live:console.pause')}
            </button>
          )}
          {running && state?.paused && (
            <button type="button" className="btn btn-primary" data-testid="console-resume" disabled={sessionForm.busy} onClick={() => act('resume')}>
              {busyAction === 'resume' ? t('common.working') : t('live:console.resume')}
            </button>
          )}
          {caps.canEnd && (
            <button type="button" className="btn btn-danger" data-testid="console-end" disabled={sessionForm.busy} onClick={() => setConfirmEnd(true)}>
              {t('live:console.end')}
            </button>
          )}
          <Link to={`/display/${meetingId}`} className="btn" data-testid="open-display" target="_blank" rel="noopener">
            {t('live:console.openDisplay')}
          </Link>
        </div>
        <FormError message={sessionForm.error} testId="action-error" />
      </section>

      <FormError message={error && !state ? errorText(error, t) : null} />
      {state?.paused && (
        <p className="alert alert-warn console-paused" role="status">
          {t('live:console.pausedNote', { time: vnTime(state.pausedAt) })}
        </p>
      )}

      {state && (
        <div className="console-grid">
          <div className="console-col">
            <QueuePanel meetingId={meetingId} state={state} now={now} running={running} />
          </div>
          <div className="console-col">
            <ConsolePolls meeting={meeting} meetingId={meetingId} now={now} items={state.items ?? []} />
            <AgendaRunPanel meetingId={meetingId} state={state} now={now} running={running} />
            <AttendancePanel meetingId={meetingId} state={state} />
          </div>
        </div>
      )}

      {confirmEnd && (
        <ConfirmDialog
          title={t('live:console.end')}
          message={t('meetings:confirm.end', { title: meeting.title ?? '' })}
          confirmLabel={t('live:console.end')}
          danger
          onClose={() => setConfirmEnd(false)}
          onConfirm={async () => {
            await session.mutateAsync('end');
            setConfirmEnd(false);
            notify(t('live:console.done.end'));
          }}
        />
      )}
      {caps.canJoinVideo && <VideoPanel meetingId={meetingId} />}
      {caps.canViewRoomStatus && <RoomsGrid meetingId={meetingId} canCommand={!!caps.canCommandVideo} />}
    </div>
  );
}

/** The current item (time against the plan) with previous / next, and every item with its actions. */
function AgendaRunPanel({ meetingId, state, now, running }: { meetingId: Id; state: LiveState; now: number; running: boolean }) {
  const { t } = useI18n();
  const form = useApiForm(useAgendaRun(meetingId));
  const items = state.items ?? [];
  const item = currentItem(state);
  const index = item ? items.indexOf(item) : -1;
  const busy = form.busy;
  const pressed = form.busy ? form.variables : undefined;

  return (
    <section className="panel console-agenda" aria-labelledby="console-agenda-title">
      <h2 id="console-agenda-title">{t('live:agenda.title')}</h2>
      <FormError message={form.error} />
      <div className="console-current" data-testid="console-current" data-item-id={item?.id != null ? String(item.id) : undefined}>
        <span className="now-label">{t('live:item.current')}</span>
        {item ? (
          <>
            <p className="console-current-title">
              <span className="now-number">{item.number}.</span> {item.title}
            </p>
            <p className="console-current-meta">
              <ItemTime item={item} now={now} testId="console-item-time" />
              {item.presenterName && <span className="muted"> · {t('meetings:agenda.presenterIs', { name: item.presenterName })}</span>}
            </p>
            {running && <ItemLimit item={item} form={form} />}
          </>
        ) : (
          <p className="muted">{t('live:item.none')}</p>
        )}
        {running && (
          <div className="btn-row wrap">
            <button
              type="button"
              className="btn"
              data-testid="console-prev"
              disabled={busy || index <= 0}
              onClick={() => form.submit({ op: 'previous' })}
            >
              ◀ {t('live:console.prev')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              data-testid="console-next"
              disabled={busy || (items.length > 0 && index === items.length - 1)}
              onClick={() => form.submit({ op: 'next' })}
            >
              {item ? t('live:console.next') : t('live:console.first')} ▶
            </button>
          </div>
        )}
      </div>

      <ol className="console-items">
        {items.map((i) => {
          const isCurrent = i.id === state.currentItemId;
          const itemBusy = pressed && 'itemId' in pressed && pressed.itemId === i.id;
          return (
            <li
              key={String(i.id)}
              className={`console-item state-${(i.state ?? 'PENDING').toLowerCase()}${isCurrent ? ' is-current' : ''}`}
              data-testid={`console-item-${i.id}`}
              data-state={i.state}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <span className="console-item-main" style={{ paddingInlineStart: `${(i.depth ?? 0) * 1.2}rem` }}>
                <span className="run-number">{i.number}</span>
                <span className="run-title">{i.title}</span>
              </span>
              <span className="console-item-side">
                <ItemStateBadge state={i.state} />
                <ItemTime item={i} now={now} />
              </span>
              {running && (
                <span className="console-item-actions">
                  {!isCurrent && (
                    <button type="button" className="btn btn-small" data-testid="item-make-current" disabled={busy} onClick={() => form.submit({ op: 'current', itemId: i.id })}>
                      {itemBusy ? t('common.working') : t('live:console.makeCurrent')}
                    </button>
                  )}
                  {i.state !== 'DONE' && (
                    <button type="button" className="btn btn-small" data-testid="item-done" disabled={busy} onClick={() => form.submit({ op: 'state', itemId: i.id, state: 'DONE' })}>
                      {t('live:console.markDone')}
                    </button>
                  )}
                  {i.state !== 'DEFERRED' && i.state !== 'DONE' && (
                    <button type="button" className="btn btn-small" data-testid="item-defer" disabled={busy} onClick={() => form.submit({ op: 'state', itemId: i.id, state: 'DEFERRED' })}>
                      {t('live:console.defer')}
                    </button>
                  )}
                  {(i.state === 'DONE' || i.state === 'DEFERRED') && (
                    <button type="button" className="btn btn-small" data-testid="item-reopen" disabled={busy} onClick={() => form.submit({ op: 'state', itemId: i.id, state: 'PENDING' })}>
                      {t('live:console.reopen')}
                    </button>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {items.length === 0 && <p className="muted">{t('live:agenda.empty')}</p>}
    </section>
  );
}

/** The current item's own time per speech (none: the meeting's default). */
function ItemLimit({ item, form }: { item: RunItem; form: ApiForm<void, AgendaRun> }) {
  const { t } = useI18n();
  const value = item.speechLimitSeconds != null ? String(item.speechLimitSeconds) : '';
  return (
    <label className="field field-inline console-limit">
      <span className="label-text">{t('live:console.itemLimit')}</span>
      <select
        name="itemSpeechLimit"
        value={value}
        disabled={form.busy}
        onChange={(e) => form.submit({ op: 'limit', itemId: item.id, seconds: e.target.value === '' ? null : Number(e.target.value) })}
      >
        <option value="">{t('live:console.limitDefault')}</option>
        {LIMITS.map((s) => (
          <option key={s} value={s}>
            {t('live:console.limitMinutes', { count: s / 60 })}
          </option>
        ))}
        {value && !LIMITS.includes(Number(value)) && <option value={value}>{formatSeconds(Number(value))}</option>}
      </select>
    </label>
  );
}

/** The speaking queue: who has the floor (countdown), who waits (in order), the list's settings. */
function QueuePanel({ meetingId, state, now, running }: { meetingId: Id; state: LiveState; now: number; running: boolean }) {
  const { t } = useI18n();
  const form = useApiForm(useSpeakerAction(meetingId));
  const q = state.speaker ?? {};
  const current = q.current;
  const waiting = q.waiting ?? [];
  const done = q.done ?? [];
  const busy = form.busy;
  const open = q.open !== false;
  const paused = current?.pausedAt != null;
  const [showDone, setShowDone] = useState(false);

  return (
    <section className="panel console-queue" aria-labelledby="console-queue-title">
      <h2 id="console-queue-title">
        {t('live:queue.title')}{' '}
        <span className={`badge ${open ? 'badge-ok' : 'badge-warn'}`} data-testid="queue-state" data-open={open}>
          {open ? t('live:queue.open') : t('live:queue.closed')}
        </span>
      </h2>
      <FormError message={form.error} />

      <div className={`console-speaker${current ? ' has-speaker' : ''}`} data-testid="current-speaker" data-request-id={current?.id != null ? String(current.id) : undefined}>
        <span className="now-label">
          {t('live:speech.current')} {current && <KindBadge s={current} />}
        </span>
        {current ? (
          <>
            <div className="console-speaker-row">
              <span className="now-speaker-who">
                <SpeechWho s={current} />
              </span>
              <SpeechClock s={current} now={now} testId="speaker-countdown" className="console-clock-big" />
            </div>
            {paused && <p className="muted">{t('live:speech.paused')}</p>}
            {running && (
              <div className="btn-row wrap">
                {paused ? (
                  <button type="button" className="btn btn-primary" data-testid="queue-resume" disabled={busy} onClick={() => form.submit({ op: 'resume' })}>
                    {t('live:queue.resume')}
                  </button>
                ) : (
                  <button type="button" className="btn" data-testid="queue-pause" disabled={busy} onClick={() => form.submit({ op: 'pause' })}>
                    {t('live:queue.pause')}
                  </button>
                )}
                <button type="button" className="btn btn-danger-outline" data-testid="queue-end" disabled={busy} onClick={() => form.submit({ op: 'end' })}>
                  {t('live:queue.end')}
                </button>
              </div>
            )}
          </>
        ) : (
          <p className="muted">{t('live:speech.none')}</p>
        )}
      </div>

      <div className="console-queue-head">
        <h3 className="console-sub">{t('live:queue.waitingCount', { count: waiting.length })}</h3>
        {running && (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="queue-give-next"
            disabled={busy || waiting.length === 0}
            onClick={() => form.submit({ op: 'floor' })}
          >
            {t('live:queue.giveNext')}
          </button>
        )}
      </div>
      {waiting.length === 0 ? (
        <p className="muted" data-testid="queue-empty">
          {t('live:queue.empty')}
        </p>
      ) : (
        <ol className="queue-list" data-testid="queue-list">
          {waiting.map((s, i) => (
            <WaitingRow
              key={String(s.id)}
              s={s}
              place={i + 1}
              last={i === waiting.length - 1}
              running={running}
              busy={busy}
              onMove={(position) => form.submit({ op: 'move', requestId: s.id, position })}
              onGive={() => form.submit({ op: 'floor', requestId: s.id })}
              onRemove={() => form.submit({ op: 'withdraw', requestId: s.id })}
            />
          ))}
        </ol>
      )}

      {running && (
        <div className="btn-row wrap console-queue-tools">
          {open ? (
            <button type="button" className="btn" data-testid="queue-close" disabled={busy} onClick={() => form.submit({ op: 'close' })}>
              {t('live:queue.close')}
            </button>
          ) : (
            <button type="button" className="btn" data-testid="queue-open" disabled={busy} onClick={() => form.submit({ op: 'open' })}>
              {t('live:queue.reopen')}
            </button>
          )}
          <label className="field field-inline console-limit">
            <span className="label-text">{t('live:queue.limit')}</span>
            <select
              name="speechLimit"
              data-testid="queue-limit"
              value={String(q.defaultLimitSeconds ?? '')}
              disabled={busy}
              onChange={(e) => form.submit({ op: 'limit', seconds: Number(e.target.value) })}
            >
              {q.defaultLimitSeconds != null && !LIMITS.includes(q.defaultLimitSeconds) && (
                <option value={q.defaultLimitSeconds}>{formatSeconds(q.defaultLimitSeconds)}</option>
              )}
              {LIMITS.map((s) => (
                <option key={s} value={s}>
                  {t('live:console.limitMinutes', { count: s / 60 })}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}

      {done.length > 0 && (
        <>
          <button type="button" className="btn btn-small" aria-expanded={showDone} onClick={() => setShowDone((v) => !v)}>
            {t('live:queue.done', { count: done.length })}
          </button>
          {showDone && (
            <ol className="queue-list is-done">
              {done.map((s) => (
                <li key={String(s.id)} className="queue-row">
                  <SpeechWho s={s} compact /> <KindBadge s={s} />{' '}
                  <span className="muted">{formatSeconds(Math.round(doneSeconds(s)))}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

/** How long a finished speech lasted (s). */
function doneSeconds(s: Speech): number {
  const start = s.startedAt ? Date.parse(s.startedAt) : NaN;
  const end = s.endedAt ? Date.parse(s.endedAt) : NaN;
  if (Number.isNaN(start) || Number.isNaN(end)) return 0;
  return Math.max(0, (end - start) / 1000 - (s.pausedSeconds ?? 0));
}

function WaitingRow({
  s,
  place,
  last,
  running,
  busy,
  onMove,
  onGive,
  onRemove,
}: {
  s: Speech;
  place: number;
  last: boolean;
  running: boolean;
  busy: boolean;
  onMove: (position: number) => void;
  onGive: () => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const id = String(s.id);
  const name = speakerName(s);
  return (
    <li className={`queue-row${s.kind === 'POINT_OF_ORDER' ? ' is-order' : ''}`} data-testid="queue-row" data-request-id={id} data-kind={s.kind}>
      <span className="queue-place" aria-hidden="true">
        {place}
      </span>
      <span className="queue-who">
        <SpeechWho s={s} />
        <span className="queue-meta">
          <KindBadge s={s} />
          {s.requestedAt && <span className="muted small"> {vnTime(s.requestedAt)}</span>}
          {s.note && <span className="small"> “{s.note}”</span>}
        </span>
      </span>
      {running && (
        <span className="queue-actions">
          <button type="button" className="btn btn-small" data-testid={`queue-up-${id}`} aria-label={t('live:queue.up', { name })} disabled={busy || place === 1} onClick={() => onMove(place - 2)}>
            <span aria-hidden="true">▲</span>
          </button>
          <button type="button" className="btn btn-small" data-testid={`queue-down-${id}`} aria-label={t('live:queue.down', { name })} disabled={busy || last} onClick={() => onMove(place)}>
            <span aria-hidden="true">▼</span>
          </button>
          <button type="button" className="btn btn-small btn-primary" data-testid={`queue-give-${id}`} disabled={busy} onClick={onGive}>
            {t('live:queue.give')}
          </button>
          <button type="button" className="btn btn-small btn-danger-outline" data-testid={`queue-remove-${id}`} aria-label={t('live:queue.remove', { name })} disabled={busy} onClick={onRemove}>
            <span aria-hidden="true">✕</span>
          </button>
        </span>
      )}
    </li>
  );
}

/** The quorum as it changes and who is connected (people, rooms). */
function AttendancePanel({ meetingId, state }: { meetingId: Id; state: LiveState }) {
  const { t } = useI18n();
  const q = state.quorum;
  const p = state.presence;
  const [showOnline, setShowOnline] = useState(false);
  return (
    <section className="panel console-attendance" aria-labelledby="console-att-title">
      <h2 id="console-att-title">{t('live:attendance.title')}</h2>
      {q && <QuorumPanel q={{ ...q, voting: q.members }} />}
      {p && (
        <>
          <p className="presence-line">
            {t('live:attendance.online')}{' '}
            <strong data-testid="presence-people" data-count={p.people ?? 0}>
              {t('count.people', { count: p.people ?? 0 })}
            </strong>
            {' · '}
            <strong data-testid="presence-rooms" data-count={p.rooms ?? 0}>
              {t('count.endpoints', { count: p.rooms ?? 0 })}
            </strong>{' '}
            <button type="button" className="btn btn-small" aria-expanded={showOnline} onClick={() => setShowOnline((v) => !v)}>
              {showOnline ? t('live:attendance.hideOnline') : t('live:attendance.showOnline')}
            </button>
          </p>
          {showOnline && <OnlineList meetingId={meetingId} personIds={p.personIds ?? []} />}
        </>
      )}
      <Link to={meetingUrl(meetingId, 'attendance')} className="btn btn-small">
        {t('live:attendance.openRoll')}
      </Link>
    </section>
  );
}

/** Every participant's page at once, to name who is connected (read only while the list is open). */
const ALL_PARTICIPANTS = { size: 500 };

/**
 * Who is connected: the participants online by name, then how many others (room devices, managers).
 * The live state's presence (kept current by `presence.changed`) names them by person id.
 */
function OnlineList({ meetingId, personIds }: { meetingId: Id; personIds: readonly Id[] }) {
  const { t } = useI18n();
  const people = useQuery(participantsQuery(meetingId, ALL_PARTICIPANTS));
  if (!people.data) return <p className="muted small">{t('app.loading')}</p>;
  const ids = new Set(personIds);
  const named = (people.data.items ?? []).filter((x) => x.personId != null && ids.has(x.personId));
  const others = ids.size - named.length;
  return (
    <div data-testid="presence-list" className="presence-list">
      {named.length > 0 && <p className="small">{named.map((x) => x.fullName).join(', ')}</p>}
      {others > 0 && <p className="small muted">{t('live:attendance.others', { count: others })}</p>}
    </div>
  );
}
