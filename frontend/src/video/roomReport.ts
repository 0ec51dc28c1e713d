// What a room's display tells HopSo about itself (pure): its state in the video conference from
// the Jitsi IFrame API's events, a grade of its connection, and its readiness check. The display
// sends it on the meeting's live socket every REPORT_EVERY_MS and at once when it changes
// (`{"type":"room.status",…}`; see live/LiveRooms.java).
//
// Quality: the IFrame API exposes no statistics of the local connection, so the grade combines
// what it does expose (peer connection failures, the height of the video it receives) with the
// live channel's own round trip to HopSo:
//   POOR  a peer connection failure in the last minute, or a round trip over 1.5 s
//   FAIR  received video below 360 lines, or a round trip over 500 ms
//   GOOD  in the conference and none of the above
//   UNKNOWN otherwise (not in the conference, nothing measured yet)

import type { ConferenceState, LinkQuality, MediaState } from '../api/types';

export const REPORT_EVERY_MS = 5_000;
/** A peer connection failure counts against the quality for this long. */
export const FAILURE_MEMORY_MS = 60_000;

export interface VideoSignals {
  conference: ConferenceState;
  camera: MediaState;
  microphone: MediaState;
  /** the display's participant id in the conference */
  jitsiId?: string;
  /** when the last peer connection failure happened (ms), if any */
  failedAt?: number;
  /** the height of the video received (the IFrame API's videoQualityChanged) */
  receivedHeight?: number;
}

export const NO_VIDEO: VideoSignals = { conference: 'NONE', camera: 'UNKNOWN', microphone: 'UNKNOWN' };

export function gradeQuality(s: VideoSignals, roundTripMs: number | null, now: number): LinkQuality {
  if (s.failedAt !== undefined && now - s.failedAt < FAILURE_MEMORY_MS) return 'POOR';
  if (roundTripMs !== null && roundTripMs > 1_500) return 'POOR';
  if (s.conference !== 'JOINED') return 'UNKNOWN';
  if ((s.receivedHeight !== undefined && s.receivedHeight > 0 && s.receivedHeight < 360) || (roundTripMs !== null && roundTripMs > 500)) return 'FAIR';
  return 'GOOD';
}

/** The readiness check's answers: each part confirmed working (true), failing (false), or not answered. */
export interface Checks {
  camera?: boolean;
  microphone?: boolean;
  speakers?: boolean;
}

export const checksDone = (c: Checks): boolean => c.camera === true && c.microphone === true && c.speakers === true;

/** The socket message. The checks travel with every report: HopSo keeps the first confirmation. */
export function reportMessage(s: VideoSignals, checks: Checks, roundTripMs: number | null, now: number): Record<string, unknown> {
  const answered: Checks = {};
  if (checks.camera !== undefined) answered.camera = checks.camera;
  if (checks.microphone !== undefined) answered.microphone = checks.microphone;
  if (checks.speakers !== undefined) answered.speakers = checks.speakers;
  return {
    type: 'room.status',
    conference: s.conference,
    camera: s.camera,
    microphone: s.microphone,
    quality: gradeQuality(s, roundTripMs, now),
    ...(s.jitsiId ? { jitsiId: s.jitsiId } : {}),
    ...(Object.keys(answered).length > 0 ? { checks: answered } : {}),
  };
}

/** Where the display keeps its readiness answers (a reload keeps them). */
export const checksKey = (meetingId: number, endpointId: number) => `hopso.readiness.${meetingId}.${endpointId}`;

export function loadChecks(storage: Pick<Storage, 'getItem'> | undefined, key: string): Checks {
  try {
    const raw = storage?.getItem(key);
    const v = raw ? (JSON.parse(raw) as unknown) : null;
    if (!v || typeof v !== 'object') return {};
    const o = v as Record<string, unknown>;
    const b = (x: unknown) => (typeof x === 'boolean' ? x : undefined);
    return { camera: b(o.camera), microphone: b(o.microphone), speakers: b(o.speakers) };
  } catch {
    return {};
  }
}
