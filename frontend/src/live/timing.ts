// Time in the running session: the server's clock (an offset from the device's), how long a speech
// or an agenda item has run, countdowns and their text. Pure functions of instants in epoch ms.

import type { RunItem, Speech } from '../api/types';

/** An ISO instant in epoch ms, or null when missing or unreadable. */
export function instantMs(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * How far the server's clock is ahead of this device's (ms), from a server `now` read at
 * `receivedAt` (device time). Countdowns use server time, so a tablet whose clock is wrong still
 * shows what the chair sees. Null when the server gave no time.
 */
export function clockOffset(serverNow: string | null | undefined, receivedAt: number): number | null {
  const ms = instantMs(serverNow);
  return ms === null ? null : ms - receivedAt;
}

/**
 * How long a speech has run (ms), pauses left out:
 * ((endedAt ?? pausedAt ?? now) − startedAt) − pausedSeconds. 0 before it starts.
 */
export function speechElapsedMs(s: Speech, now: number): number {
  const started = instantMs(s.startedAt);
  if (started === null) return 0;
  const until = instantMs(s.endedAt) ?? instantMs(s.pausedAt) ?? now;
  return Math.max(0, until - started - (s.pausedSeconds ?? 0) * 1000);
}

/** Time left of a speech's limit (ms; negative once over), or null when it has no limit. */
export function speechRemainingMs(s: Speech, now: number): number | null {
  if (s.limitSeconds == null || s.limitSeconds <= 0) return null;
  return s.limitSeconds * 1000 - speechElapsedMs(s, now);
}

/**
 * Time spent on an agenda item (ms): `spentSeconds` plus, while its clock runs (`runStartedAt`
 * set; it stops while the session is paused), the time since then.
 */
export function itemElapsedMs(item: RunItem, now: number): number {
  const spent = (item.spentSeconds ?? 0) * 1000;
  const running = instantMs(item.runStartedAt);
  return spent + (running === null ? 0 : Math.max(0, now - running));
}

/** Time left of an item's planned minutes (ms; negative once over), or null without a plan. */
export function itemRemainingMs(item: RunItem, now: number): number | null {
  if (item.plannedMinutes == null || item.plannedMinutes <= 0) return null;
  return item.plannedMinutes * 60_000 - itemElapsedMs(item, now);
}

/** "4:05", "12:00", "1:02:03" for a duration in whole seconds (never negative). */
export function formatSeconds(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const ss = sec < 10 ? `0${sec}` : String(sec);
  if (h > 0) return `${h}:${m < 10 ? `0${m}` : m}:${ss}`;
  return `${m}:${ss}`;
}

/** Elapsed time as text: whole seconds gone by ("0:59" until a full minute has passed). */
export function formatElapsed(ms: number): string {
  return formatSeconds(Math.floor(Math.max(0, ms) / 1000));
}

export interface Countdown {
  /** "4:05" while time is left, "+0:35" once over */
  text: string;
  /** the limit has been passed */
  overrun: boolean;
  /** whole seconds left (0 once over) */
  seconds: number;
}

/**
 * A countdown from the time left (ms). It shows the seconds still begun ("0:01" until the very
 * end, then "0:00"), and once the limit has passed the time over it with a plus sign.
 */
export function countdown(remainingMs: number): Countdown {
  if (remainingMs >= 0) {
    const seconds = Math.ceil(remainingMs / 1000);
    return { text: formatSeconds(seconds), overrun: false, seconds };
  }
  return { text: `+${formatSeconds(Math.floor(-remainingMs / 1000))}`, overrun: true, seconds: 0 };
}
