import { describe, expect, it } from 'vitest';
import type { LiveState, SpeakerQueue, Speech } from '../api/types';
import { applyEvent, cachePatches, currentItem, isMine, markMine, myTurn, staleQueries } from './liveState';
import { type EventMessage, parseMessage } from './protocol';

const ev = (seq: number, event: string, data: Record<string, unknown> = {}): EventMessage => ({ type: 'event', seq, event, data });

const base: LiveState = {
  seq: 10,
  meetingId: 7,
  status: 'IN_PROGRESS',
  paused: false,
  currentItemId: 1,
  items: [
    { id: 1, number: '1', title: 'Khai mạc', state: 'CURRENT', plannedMinutes: 5, spentSeconds: 0 },
    { id: 2, number: '2', title: 'Báo cáo', state: 'PENDING', plannedMinutes: 30, spentSeconds: 0 },
  ],
  speaker: { open: true, defaultLimitSeconds: 300, current: undefined, waiting: [], done: [] },
  quorum: { members: 9, present: 3, required: 5, reached: false },
  presence: { people: 2, rooms: 1, personIds: [4, 5], endpointIds: [280] },
};

const speech = (id: number, over: Partial<Speech> = {}): Speech => ({ id, personId: 100 + id, name: `Đại biểu ${id}`, kind: 'CONTRIBUTION', state: 'WAITING', ...over });

describe('parseMessage', () => {
  it('reads the server messages', () => {
    expect(parseMessage('{"type":"hello","meetingId":1,"seq":13,"replayed":8,"now":"2026-11-22T17:30:02Z","instance":"x"}')).toEqual({
      type: 'hello',
      seq: 13,
      replayed: 8,
      now: '2026-11-22T17:30:02Z',
    });
    expect(parseMessage('{"type":"event","seq":14,"event":"presence.changed","at":"t","data":{"people":1}}')).toEqual({
      type: 'event',
      seq: 14,
      event: 'presence.changed',
      at: 't',
      data: { people: 1 },
    });
    expect(parseMessage('{"type":"snapshot","seq":14}')).toMatchObject({ type: 'snapshot', seq: 14 });
    expect(parseMessage('{"type":"resync","seq":20}')).toEqual({ type: 'resync', seq: 20 });
    expect(parseMessage('{"type":"notifications"}')).toEqual({ type: 'notifications' });
  });

  it('ignores what it does not know', () => {
    expect(parseMessage('not json')).toBeNull();
    expect(parseMessage('[1,2]')).toBeNull();
    expect(parseMessage('{"type":"event","event":"x"}')).toBeNull(); // no seq
    expect(parseMessage('{"type":"whatever"}')).toBeNull();
  });
});

describe('applyEvent', () => {
  it('ignores events the state already reflects', () => {
    expect(applyEvent(base, ev(10, 'meeting.changed', { paused: true }), {})).toBe(base);
    expect(applyEvent(base, ev(3, 'speaker.changed', {}), {})).toBe(base);
  });

  it('moves seq on for every newer event, known or not', () => {
    const next = applyEvent(base, ev(11, 'agenda.published', { version: 2 }), {});
    expect(next.seq).toBe(11);
    expect(next.items).toBe(base.items);
    expect(applyEvent(base, ev(12, 'something.new'), {}).seq).toBe(12);
  });

  it('patches the session from meeting.changed, null clearing a value', () => {
    const paused = applyEvent(base, ev(11, 'meeting.changed', { status: 'IN_PROGRESS', paused: true, pausedAt: '2026-11-22T08:10:00Z', version: 4 }), {});
    expect(paused).toMatchObject({ paused: true, pausedAt: '2026-11-22T08:10:00Z' });
    const resumed = applyEvent(paused, ev(12, 'meeting.changed', { paused: false, pausedAt: null }), {});
    expect(resumed.paused).toBe(false);
    expect(resumed.pausedAt).toBeUndefined();
  });

  it('replaces the items and the current item from session.changed', () => {
    const items = [
      { id: 1, number: '1', state: 'DONE' as const, spentSeconds: 290 },
      { id: 2, number: '2', state: 'CURRENT' as const, spentSeconds: 0, runStartedAt: '2026-11-22T08:15:00Z' },
    ];
    const next = applyEvent(base, ev(11, 'session.changed', { status: 'IN_PROGRESS', paused: false, currentItemId: 2, items }), {});
    expect(next.currentItemId).toBe(2);
    expect(currentItem(next)?.id).toBe(2);
    expect(next.items).toBe(items);
    const none = applyEvent(next, ev(12, 'session.changed', { currentItemId: null, items: [] }), {});
    expect(currentItem(none)).toBeUndefined();
  });

  it('replaces the queue from speaker.changed and marks my speeches', () => {
    const queue: SpeakerQueue = { open: true, current: speech(1, { state: 'SPEAKING' }), waiting: [speech(2), speech(3)], done: [] };
    const next = applyEvent(base, ev(11, 'speaker.changed', queue as unknown as Record<string, unknown>), { personId: 103 });
    expect(next.speaker?.waiting?.map((s) => s.mine ?? false)).toEqual([false, true]);
    expect(next.speaker?.current?.mine).toBeFalsy();
  });

  it('patches the quorum from attendance and participants events', () => {
    const quorum = { members: 9, present: 5, required: 5, reached: true };
    expect(applyEvent(base, ev(11, 'attendance.changed', { participantId: 3, personId: 103, attendance: 'PRESENT_IN_ROOM', quorum }), {}).quorum).toEqual(quorum);
    const fewer = { members: 8, present: 5, required: 5, reached: true };
    expect(applyEvent(base, ev(11, 'participants.changed', { total: 9, quorum: fewer }), {}).quorum).toEqual(fewer);
  });

  it('takes the presence picture from the event', () => {
    const joined = applyEvent(base, ev(11, 'presence.changed', { people: 3, rooms: 1, personIds: [4, 5, 9], endpointIds: [280] }), {});
    expect(joined.presence).toEqual({ people: 3, rooms: 1, personIds: [4, 5, 9], endpointIds: [280] });
    const left = applyEvent(joined, ev(12, 'presence.changed', { people: 2, rooms: 0, personIds: [5, 9], endpointIds: [] }), {});
    expect(left.presence).toEqual({ people: 2, rooms: 0, personIds: [5, 9], endpointIds: [] });
  });
});

describe('my speeches', () => {
  it('a person: their own requests', () => {
    expect(isMine(speech(1), { personId: 101 })).toBe(true);
    expect(isMine(speech(1), { personId: 102 })).toBe(false);
    expect(isMine(undefined, { personId: 101 })).toBe(false);
  });

  it("a room's device account: the room's requests (no person) of its rooms", () => {
    const room = speech(5, { personId: undefined, endpointId: 280, name: 'Điểm cầu Thiệu An' });
    expect(isMine(room, { personId: 900, endpointIds: [280] })).toBe(true);
    expect(isMine(room, { personId: 900, endpointIds: [281] })).toBe(false);
    // a delegate seated in that room asking for themselves is not the room's request
    expect(isMine(speech(6, { endpointId: 280 }), { personId: 900, endpointIds: [280] })).toBe(false);
  });

  it('keeps what the server marked', () => {
    expect(isMine(speech(1, { mine: true }), {})).toBe(true);
    expect(markMine({ waiting: [speech(1, { mine: true })] }, {}).waiting?.[0].mine).toBe(true);
  });

  it('finds my place in the queue', () => {
    const q: SpeakerQueue = { current: speech(1, { state: 'SPEAKING' }), waiting: [speech(2), speech(3), speech(4)] };
    expect(myTurn(q, { personId: 104 })).toMatchObject({ speaking: false, place: 3 });
    expect(myTurn(q, { personId: 101 })).toMatchObject({ speaking: true, place: 0 });
    expect(myTurn(q, { personId: 200 })).toBeNull();
    expect(myTurn(undefined, { personId: 101 })).toBeNull();
  });
});

describe('staleQueries', () => {
  const keys = (event: string, data: Record<string, unknown> = {}, me = {}) => staleQueries(ev(11, event, data), 7, me).map((s) => [s.queryKey, !!s.exact]);

  it('meeting.changed: the meeting itself and the lists', () => {
    expect(keys('meeting.changed')).toEqual([
      [['meetings', 7], true],
      [['meetings', 'list'], false],
    ]);
  });

  it('attendance: participants, quorum and the log; the meeting only when it is mine', () => {
    expect(keys('attendance.changed', { personId: 103 })).toEqual([
      [['meetings', 7, 'participants'], false],
      [['meetings', 7, 'quorum'], false],
      [['meetings', 7, 'attendance-log'], false],
    ]);
    expect(keys('attendance.changed', { personId: 103 }, { personId: 103 })).toContainEqual([['meetings', 7], true]);
  });

  it('participants, rooms and agenda name their own reads', () => {
    expect(keys('participants.changed')).toContainEqual([['meetings', 7, 'participants'], false]);
    expect(keys('rooms.changed', { endpointId: 280, headCount: 12 })).toContainEqual([['meetings', 7, 'endpoints'], false]);
    expect(keys('agenda.published', { version: 2 })).toContainEqual([['meetings', 7, 'agenda'], false]);
    expect(keys('agenda.changed')).toContainEqual([['meetings', 7, 'agenda'], false]);
  });

  it('documents: the list and the document; reads: the table; annotations: the document\'s', () => {
    expect(keys('documents.changed', { documentId: 31, action: 'document.replaced' })).toEqual([
      [['meetings', 7, 'documents'], false],
      [['documents', 31], false],
    ]);
    expect(keys('documents.read', { documentId: 31, personId: 4 })).toEqual([[['meetings', 7, 'documents', 'receipts'], false]]);
    expect(keys('annotations.changed', { documentId: 31, personId: 4 })).toEqual([[['documents', 31, 'annotations'], false]]);
    expect(keys('annotations.changed', {})).toEqual([]);
    expect(keys('agenda.published', { version: 2 })).toContainEqual([['meetings', 7, 'documents'], false]);
  });

  it('minutes and tasks: the minutes (with their versions and check), the conclusions, the tasks', () => {
    expect(keys('minutes.changed', { minutesId: 3, state: 'SIGNING', action: 'minutes.signed' })).toEqual([
      [['meetings', 7, 'minutes'], false],
      [['meetings', 7], true],
    ]);
    expect(keys('tasks.changed', { taskId: 12 })).toEqual([
      [['meetings', 7, 'conclusions'], true],
      [['tasks'], false],
    ]);
  });

  it('the session, the queue and presence are patched, nothing to read again', () => {
    expect(keys('session.changed')).toEqual([]);
    expect(keys('presence.changed')).toEqual([]);
    expect(keys('speaker.changed')).toEqual([]);
  });
});

describe("the rooms' grid on the channel", () => {
  it('patches the grid in place on rooms.status and reads it again when rooms are invited or removed', () => {
    const patches = cachePatches(ev(12, 'rooms.status', { rooms: [{ endpointId: 5, connected: true }], counts: { total: 1 } }), 7);
    expect(patches.map((p) => p.queryKey)).toEqual([['meetings', 7, 'rooms-status']]);
    const grid = { counts: { total: 1 }, rooms: [{ endpointId: 5, connected: false }] };
    expect(patches[0].update(grid)).toEqual({ counts: { total: 1 }, rooms: [{ endpointId: 5, connected: true }] });
    expect(staleQueries(ev(13, 'rooms.changed', {}), 7, {}).map((s) => s.queryKey)).toContainEqual(['meetings', 7, 'rooms-status']);
  });
});
