import { describe, expect, it } from 'vitest';
import type { RoomBoard, RoomState } from '../api/types';
import { applyRoomsStatus, groupByUnit, roomTone } from './roomBoard';

const room = (id: number, unitId: number, over: Partial<RoomState> = {}): RoomState => ({
  endpointId: id,
  name: `Phòng ${id}`,
  unitId,
  unitName: `Đơn vị ${unitId}`,
  connected: false,
  ready: false,
  problems: ['OFFLINE', 'NOT_CHECKED'],
  ...over,
});

const board = (): RoomBoard => ({
  counts: { total: 3, connected: 0, inConference: 0, ready: 0, notReady: 3, checked: 0 },
  rooms: [room(1, 10), room(2, 10), room(3, 20)],
});

describe('the rooms grid and its events', () => {
  it('replaces the rooms that changed, keeps the order and takes the new counts', () => {
    const b = board();
    const next = applyRoomsStatus(b, {
      counts: { total: 3, connected: 1, inConference: 1, ready: 1, notReady: 2, checked: 1 },
      rooms: [room(2, 10, { connected: true, ready: true, problems: [], conference: 'JOINED' })],
    });
    expect(next?.rooms?.map((r) => r.endpointId)).toEqual([1, 2, 3]);
    expect(next?.rooms?.[1]).toMatchObject({ connected: true, ready: true });
    expect(next?.rooms?.[0]).toBe(b.rooms?.[0]);
    expect(next?.counts?.ready).toBe(1);
  });

  it('ignores a room it does not list (read again on rooms.changed) and leaves an unread grid alone', () => {
    const b = board();
    const next = applyRoomsStatus(b, { rooms: [room(99, 10, { connected: true })] });
    expect(next?.rooms?.map((r) => r.endpointId)).toEqual([1, 2, 3]);
    expect(applyRoomsStatus(undefined, { rooms: [] })).toBeUndefined();
    expect(applyRoomsStatus(b, {})).toBe(b);
  });

  it('groups by unit in the order the server gave, counting the ready ones', () => {
    const groups = groupByUnit([room(1, 10, { ready: true, connected: true }), room(2, 10), room(3, 20)]);
    expect(groups.map((g) => [g.unitId, g.rooms.length, g.ready])).toEqual([
      [10, 2, 1],
      [20, 1, 0],
    ]);
  });

  it('paints what the server decided: offline, ready, or needing attention', () => {
    expect(roomTone(room(1, 1))).toBe('offline');
    expect(roomTone(room(1, 1, { connected: true, ready: true }))).toBe('ready');
    expect(roomTone(room(1, 1, { connected: true, ready: false }))).toBe('warning');
  });
});
