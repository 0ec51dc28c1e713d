import { describe, expect, it } from 'vitest';
import { FAILURE_MEMORY_MS, NO_VIDEO, type VideoSignals, checksDone, gradeQuality, loadChecks, reportMessage } from './roomReport';

const joined: VideoSignals = { conference: 'JOINED', camera: 'ON', microphone: 'MUTED', jitsiId: 'abc123' };

describe("a room's status report", () => {
  it('grades the connection from the video signals and the live round trip', () => {
    const now = 1_000_000;
    expect(gradeQuality(NO_VIDEO, null, now)).toBe('UNKNOWN');
    expect(gradeQuality(joined, 40, now)).toBe('GOOD');
    expect(gradeQuality(joined, 700, now)).toBe('FAIR');
    expect(gradeQuality({ ...joined, receivedHeight: 180 }, 40, now)).toBe('FAIR');
    expect(gradeQuality(joined, 2_000, now)).toBe('POOR');
    expect(gradeQuality({ ...joined, failedAt: now - 1_000 }, 40, now)).toBe('POOR');
    expect(gradeQuality({ ...joined, failedAt: now - FAILURE_MEMORY_MS - 1 }, 40, now)).toBe('GOOD');
    // a slow channel counts even before the conference
    expect(gradeQuality(NO_VIDEO, 2_000, now)).toBe('POOR');
  });

  it('is the socket message the server reads, with only the checks answered', () => {
    expect(reportMessage(joined, {}, 50, 0)).toEqual({
      type: 'room.status',
      conference: 'JOINED',
      camera: 'ON',
      microphone: 'MUTED',
      quality: 'GOOD',
      jitsiId: 'abc123',
    });
    expect(reportMessage(NO_VIDEO, { camera: true, speakers: false }, null, 0)).toEqual({
      type: 'room.status',
      conference: 'NONE',
      camera: 'UNKNOWN',
      microphone: 'UNKNOWN',
      quality: 'UNKNOWN',
      checks: { camera: true, speakers: false },
    });
  });

  it('keeps the readiness answers through a reload, and ignores what is not one', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null };
    store.set('a', JSON.stringify({ camera: true, microphone: true, speakers: true }));
    store.set('b', '{not json');
    store.set('c', JSON.stringify({ camera: 'yes', microphone: false }));
    expect(checksDone(loadChecks(storage, 'a'))).toBe(true);
    expect(loadChecks(storage, 'b')).toEqual({});
    expect(loadChecks(storage, 'c')).toEqual({ camera: undefined, microphone: false, speakers: undefined });
    expect(loadChecks(undefined, 'a')).toEqual({});
  });
});
