// The chair's grid of rooms (GET /api/meetings/{id}/rooms/status) kept current by the meeting
// channel's `rooms.status` events (pure). An event carries the rooms that changed and the new
// counts; the room list's order (Vietnamese order of unit, then name) is the server's.

import type { Id, RoomBoard, RoomCounts, RoomState } from '../api/types';

export const ROOMS_STATUS_EVENT = 'rooms.status';

/** The grid after a `rooms.status` event (the same object when there is nothing to patch). */
export function applyRoomsStatus(board: RoomBoard | undefined, data: Record<string, unknown>): RoomBoard | undefined {
  if (!board?.rooms) return board;
  const changed = Array.isArray(data.rooms) ? (data.rooms as RoomState[]) : [];
  const byId = new Map<Id | undefined, RoomState>(changed.filter((r) => r && r.endpointId != null).map((r) => [r.endpointId, r]));
  if (byId.size === 0 && !data.counts) return board;
  const rooms = board.rooms.map((r) => byId.get(r.endpointId) ?? r);
  const counts = data.counts && typeof data.counts === 'object' ? (data.counts as RoomCounts) : board.counts;
  return { ...board, rooms, counts };
}

/** A unit's rooms, in the grid's order. */
export interface UnitRooms {
  unitId: Id;
  unitName: string;
  rooms: RoomState[];
  ready: number;
}

/** The rooms grouped by unit, keeping the server's order (units first seen first). */
export function groupByUnit(rooms: readonly RoomState[]): UnitRooms[] {
  const groups = new Map<Id, UnitRooms>();
  for (const r of rooms) {
    const id = r.unitId ?? 0;
    let g = groups.get(id);
    if (!g) {
      g = { unitId: id, unitName: r.unitName ?? '', rooms: [], ready: 0 };
      groups.set(id, g);
    }
    g.rooms.push(r);
    if (r.ready) g.ready++;
  }
  return [...groups.values()];
}

/** How a room's tile is coloured: the server decides `ready` and `problems`, this only paints. */
export type RoomTone = 'ready' | 'warning' | 'offline';

export function roomTone(r: RoomState): RoomTone {
  if (!r.connected) return 'offline';
  return r.ready ? 'ready' : 'warning';
}
