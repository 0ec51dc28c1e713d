// The chair's commands to the conference (POST /api/meetings/{id}/video/commands), and how each
// client acts on the `video.command` events (pure, tested):
//   - the chair's own Jitsi client, a moderator, does what needs one: mute everyone, the lobby,
//     removing a participant, follow-me with the spotlight;
//   - each room's screen does what concerns it: its own microphone (off; a request to turn it
//     on), the spotlight (the room shown large), leaving when removed;
//   - the floor: a room's screen turns its microphone on while the room has the floor, off after.
// The last command is kept in the query cache (`['meetings', id, 'video-command']`, patched by
// the channel), so that components follow it without a request.

import type { Id } from '../api/types';

export const VIDEO_COMMAND_EVENT = 'video.command';

export const VIDEO_ACTIONS = ['MUTE_ALL', 'MUTE', 'ASK_UNMUTE', 'SPOTLIGHT', 'END_SPOTLIGHT', 'LOBBY_ON', 'LOBBY_OFF', 'REMOVE'] as const;
export type VideoAction = (typeof VIDEO_ACTIONS)[number];

/** A command as the channel delivered it (`seq`: the event's number, to act once on each). */
export interface VideoCommandEvent {
  seq: number;
  action: VideoAction;
  endpointId?: Id | null;
  jitsiId?: string | null;
}

export function commandOf(seq: number, data: Record<string, unknown>): VideoCommandEvent | undefined {
  const action = VIDEO_ACTIONS.find((a) => a === data.action);
  if (!action) return undefined;
  const endpointId = typeof data.endpointId === 'number' ? data.endpointId : null;
  const jitsiId = typeof data.jitsiId === 'string' ? data.jitsiId : null;
  return { seq, action, endpointId, jitsiId };
}

/** What the IFrame API is asked to do: its command name and arguments. */
export type JitsiCall = [string, ...unknown[]];

/** What HopSo uses of the IFrame API (the SDK does not export its type). */
export interface JitsiApi {
  addListener(event: string, listener: (data: Record<string, unknown>) => void): unknown;
  executeCommand(name: string, ...args: unknown[]): void;
}

/** Asks the conference (when it is there) to do the calls, in order. */
export function runCalls(api: JitsiApi | null, calls: JitsiCall[]): void {
  for (const [name, ...args] of calls) api?.executeCommand(name, ...args);
}

/** A room's screen: what it does on a command (its microphone state known from Jitsi's events). */
export function screenCalls(c: VideoCommandEvent, myRoom: Id | undefined, micOn: boolean): JitsiCall[] {
  const mine = c.endpointId != null && c.endpointId === myRoom;
  switch (c.action) {
    case 'MUTE_ALL':
      return micOn ? [['toggleAudio']] : [];
    case 'MUTE':
      return mine && micOn ? [['toggleAudio']] : [];
    case 'SPOTLIGHT':
      return c.jitsiId ? [['setLargeVideoParticipant', c.jitsiId]] : [];
    case 'END_SPOTLIGHT':
      return [['setLargeVideoParticipant']];
    case 'REMOVE':
      return mine ? [['hangup']] : [];
    default:
      return []; // ASK_UNMUTE is a question to the people in the room; the lobby is the moderator's
  }
}

/** The chair's (or a delegate's) own conference: the moderator's part, and following the spotlight. */
export function panelCalls(c: VideoCommandEvent, moderator: boolean): JitsiCall[] {
  switch (c.action) {
    case 'MUTE_ALL':
      return moderator ? [['muteEveryone', 'audio']] : [];
    case 'LOBBY_ON':
      return moderator ? [['toggleLobby', true]] : [];
    case 'LOBBY_OFF':
      return moderator ? [['toggleLobby', false]] : [];
    case 'REMOVE':
      return moderator && c.jitsiId ? [['kickParticipant', c.jitsiId]] : [];
    case 'SPOTLIGHT':
      return c.jitsiId ? [...(moderator ? ([['setFollowMe', true]] as JitsiCall[]) : []), ['setLargeVideoParticipant', c.jitsiId]] : [];
    case 'END_SPOTLIGHT':
      return [...(moderator ? ([['setFollowMe', false]] as JitsiCall[]) : []), ['setLargeVideoParticipant']];
    default:
      return [];
  }
}

/** The floor: a room's screen turns its microphone on when it gets the floor and off after. */
export function floorCalls(hadFloor: boolean, hasFloor: boolean, micOn: boolean): JitsiCall[] {
  if (hasFloor && !hadFloor && !micOn) return [['toggleAudio']];
  if (!hasFloor && hadFloor && micOn) return [['toggleAudio']];
  return [];
}
