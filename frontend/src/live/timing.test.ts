import { describe, expect, it } from 'vitest';
import type { RunItem, Speech } from '../api/types';
import { backoffDelay } from './backoff';
import { clockOffset, countdown, formatElapsed, formatSeconds, itemElapsedMs, itemRemainingMs, speechElapsedMs, speechRemainingMs } from './timing';

const T0 = Date.parse('2026-11-22T08:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

describe('speech timing', () => {
  const s: Speech = { id: 1, startedAt: at(0), limitSeconds: 300, pausedSeconds: 0 };

  it('counts from the start, against the limit', () => {
    expect(speechElapsedMs(s, T0 + 65_000)).toBe(65_000);
    expect(speechRemainingMs(s, T0 + 65_000)).toBe(235_000);
  });

  it('leaves pauses out, and stands still while paused', () => {
    const paused: Speech = { ...s, pausedSeconds: 20, pausedAt: at(100) };
    expect(speechElapsedMs(paused, T0 + 500_000)).toBe(80_000);
    const resumed: Speech = { ...s, pausedSeconds: 30 };
    expect(speechElapsedMs(resumed, T0 + 130_000)).toBe(100_000);
  });

  it('stops at the end', () => {
    expect(speechElapsedMs({ ...s, endedAt: at(42) }, T0 + 999_000)).toBe(42_000);
  });

  it('goes past the limit (overrun), and has none without a limit', () => {
    expect(speechRemainingMs(s, T0 + 335_000)).toBe(-35_000);
    expect(speechRemainingMs({ ...s, limitSeconds: undefined }, T0)).toBeNull();
    expect(speechElapsedMs({ id: 2 }, T0)).toBe(0);
  });
});

describe('item timing', () => {
  it('adds the running clock to the time already spent', () => {
    const item: RunItem = { id: 1, plannedMinutes: 5, spentSeconds: 120, runStartedAt: at(0) };
    expect(itemElapsedMs(item, T0 + 30_000)).toBe(150_000);
    expect(itemRemainingMs(item, T0 + 30_000)).toBe(150_000);
    expect(itemRemainingMs(item, T0 + 200_000)).toBe(-20_000);
  });

  it('a stopped clock (paused session, item left) counts only what was spent', () => {
    expect(itemElapsedMs({ id: 1, spentSeconds: 61 }, T0 + 1e9)).toBe(61_000);
    expect(itemRemainingMs({ id: 1, spentSeconds: 61 }, T0)).toBeNull();
  });
});

describe('countdown text', () => {
  it('shows the seconds still begun, then the time over with a plus', () => {
    expect(countdown(300_000)).toEqual({ text: '5:00', overrun: false, seconds: 300 });
    expect(countdown(299_001)).toMatchObject({ text: '5:00', overrun: false });
    expect(countdown(1)).toMatchObject({ text: '0:01', overrun: false });
    expect(countdown(0)).toMatchObject({ text: '0:00', overrun: false });
    expect(countdown(-999)).toMatchObject({ text: '+0:00', overrun: true });
    expect(countdown(-35_400)).toMatchObject({ text: '+0:35', overrun: true, seconds: 0 });
  });

  it('formats minutes and hours', () => {
    expect(formatSeconds(0)).toBe('0:00');
    expect(formatSeconds(65)).toBe('1:05');
    expect(formatSeconds(3723)).toBe('1:02:03');
    expect(formatSeconds(-5)).toBe('0:00');
    expect(formatElapsed(59_999)).toBe('0:59');
  });
});

describe('server clock offset', () => {
  it('is how far the server is ahead of the device', () => {
    expect(clockOffset(at(10), T0)).toBe(10_000);
    expect(clockOffset(at(0), T0 + 2_500)).toBe(-2_500);
    expect(clockOffset(undefined, T0)).toBeNull();
    expect(clockOffset('nonsense', T0)).toBeNull();
  });
});

describe('reconnection backoff', () => {
  it('doubles from half a second up to three, with jitter between half and all of the ceiling', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 0.999999)).toBe(1000);
    expect(backoffDelay(1, () => 0)).toBe(1000);
    expect(backoffDelay(1, () => 1)).toBe(2000);
    expect(backoffDelay(2, () => 0)).toBe(1500);
    expect(backoffDelay(2, () => 1)).toBe(3000);
    expect(backoffDelay(50, () => 1)).toBe(3000);
  });

  it('stays within 0.5–3 s whatever the draw', () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      for (const r of [0, 0.25, 0.5, 0.75, 0.9999]) {
        const d = backoffDelay(attempt, () => r);
        expect(d).toBeGreaterThanOrEqual(500);
        expect(d).toBeLessThanOrEqual(3000);
      }
    }
  });
});
