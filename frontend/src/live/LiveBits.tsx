// Small pieces shared by the console, the tablet and the room display.

import type { ItemState, RunItem, Speech } from '../api/types';
import { type TFunction, useI18n } from '../lib/i18n';
import type { LiveStatus } from './protocol';
import { countdown, formatElapsed, itemElapsedMs, speechElapsedMs, speechRemainingMs } from './timing';

/** The channel's state: a dot and a word ("Đã kết nối", "Đang kết nối…", "Mất kết nối, đang thử lại"). */
export function LiveIndicator({ status, className = '' }: { status: LiveStatus; className?: string }) {
  const { t } = useI18n();
  return (
    <span className={`live-status is-${status} ${className}`} data-testid="live-status" data-state={status} role="status" aria-live="polite">
      <span className="live-dot" aria-hidden="true" />
      {t(`live:status.${status}`)}
    </span>
  );
}

/** Who a speech is by: the person's name, or the room's for a room's request. */
export function speakerName(s: Speech): string {
  return s.name || s.endpointName || '';
}

/** Under the name: "position · unit" of a person, "for the room" for a room's request. */
export function speakerSub(s: Speech, t: TFunction): string {
  return s.personId == null ? t('live:speech.forRoom') : [s.position, s.unitName].filter(Boolean).join(' · ');
}

/** Who speaks: the person (position · unit) or, for a room's request, the room. */
export function SpeechWho({ s, compact }: { s: Speech; compact?: boolean }) {
  const { t } = useI18n();
  const sub = speakerSub(s, t);
  return (
    <span className="speech-who">
      <span className="speech-name">{speakerName(s)}</span>
      {!compact && sub && <span className="speech-sub">{sub}</span>}
    </span>
  );
}

/** The kind of a request, as a small badge (a point of order stands out). */
export function KindBadge({ s }: { s: Speech }) {
  const { t } = useI18n();
  if (!s.kind) return null;
  return (
    <span className={`badge kind-badge kind-${s.kind.toLowerCase()}`} data-kind={s.kind}>
      {t(`live:kind.${s.kind}`)}
    </span>
  );
}

/**
 * A speech's countdown (time left of its limit, then "+0:35" over it in red), or the time it has
 * run when it has no limit. `now` is the server's time.
 */
export function SpeechClock({ s, now, testId, className = '' }: { s: Speech; now: number; testId?: string; className?: string }) {
  const { t } = useI18n();
  const remaining = speechRemainingMs(s, now);
  const paused = s.pausedAt != null && s.endedAt == null;
  if (remaining === null) {
    return (
      <span className={`speech-clock ${className}${paused ? ' is-paused' : ''}`} data-testid={testId} data-overrun="false" data-paused={paused}>
        {formatElapsed(speechElapsedMs(s, now))}
      </span>
    );
  }
  const c = countdown(remaining);
  return (
    <span
      className={`speech-clock ${className}${c.overrun ? ' is-overrun' : ''}${paused ? ' is-paused' : ''}`}
      data-testid={testId}
      data-overrun={c.overrun}
      data-paused={paused}
      aria-label={c.overrun ? t('live:speech.overrunBy', { time: c.text.slice(1) }) : t('live:speech.left', { time: c.text })}
    >
      {c.text}
    </span>
  );
}

const ITEM_STATE_CLASS: Record<ItemState, string> = {
  PENDING: 'badge-muted',
  CURRENT: 'badge-live',
  DONE: 'badge-ok',
  DEFERRED: 'badge-warn',
};

export function ItemStateBadge({ state }: { state: ItemState | undefined }) {
  const { t } = useI18n();
  if (!state) return null;
  return (
    <span className={`badge ${ITEM_STATE_CLASS[state] ?? 'badge-muted'}`} data-state={state}>
      {t(`live:itemState.${state}`)}
    </span>
  );
}

/** "12:30 / 30 phút" for an item: time spent against its planned minutes, over it in red. */
export function ItemTime({ item, now, testId }: { item: RunItem; now: number; testId?: string }) {
  const { t } = useI18n();
  const spent = itemElapsedMs(item, now);
  const planned = item.plannedMinutes;
  const over = planned != null && planned > 0 && spent > planned * 60_000;
  return (
    <span className={`item-time${over ? ' is-overrun' : ''}`} data-testid={testId} data-overrun={over}>
      <span className="item-spent">{formatElapsed(spent)}</span>
      {planned != null && planned > 0 && <span className="item-planned"> / {t('live:item.planned', { count: planned })}</span>}
      {over && <span className="item-over"> · {t('live:item.overrun')}</span>}
    </span>
  );
}
