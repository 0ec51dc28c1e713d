import { describe, expect, it } from 'vitest';
import { commandOf, floorCalls, panelCalls, screenCalls } from './videoCommands';

describe("the chair's commands to the conference", () => {
  it('reads a video.command event, and nothing else', () => {
    expect(commandOf(9, { action: 'MUTE', endpointId: 4, jitsiId: 'ab12' })).toEqual({ seq: 9, action: 'MUTE', endpointId: 4, jitsiId: 'ab12' });
    expect(commandOf(9, { action: 'MUTE_ALL' })).toEqual({ seq: 9, action: 'MUTE_ALL', endpointId: null, jitsiId: null });
    expect(commandOf(9, { action: 'DANCE' })).toBeUndefined();
  });

  it("a room's screen does its own part", () => {
    const c = (action: string, endpointId?: number, jitsiId?: string) => commandOf(1, { action, endpointId, jitsiId })!;
    // its microphone off, only when it is on; another room's mute is not for it
    expect(screenCalls(c('MUTE_ALL'), 4, true)).toEqual([['toggleAudio']]);
    expect(screenCalls(c('MUTE_ALL'), 4, false)).toEqual([]);
    expect(screenCalls(c('MUTE', 4), 4, true)).toEqual([['toggleAudio']]);
    expect(screenCalls(c('MUTE', 5), 4, true)).toEqual([]);
    // the spotlight on every screen; removal for the room removed only
    expect(screenCalls(c('SPOTLIGHT', 5, 'ab12'), 4, false)).toEqual([['setLargeVideoParticipant', 'ab12']]);
    expect(screenCalls(c('SPOTLIGHT', 5), 4, false)).toEqual([]);
    expect(screenCalls(c('END_SPOTLIGHT'), 4, false)).toEqual([['setLargeVideoParticipant']]);
    expect(screenCalls(c('REMOVE', 4), 4, false)).toEqual([['hangup']]);
    expect(screenCalls(c('REMOVE', 5), 4, false)).toEqual([]);
    // asking to unmute is a question to the people in the room, never done for them
    expect(screenCalls(c('ASK_UNMUTE', 4), 4, false)).toEqual([]);
    expect(screenCalls(c('LOBBY_ON'), 4, false)).toEqual([]);
  });

  it("the chair's conference does what needs a moderator; others only follow the spotlight", () => {
    const c = (action: string, jitsiId?: string) => commandOf(1, { action, endpointId: 4, jitsiId })!;
    expect(panelCalls(c('MUTE_ALL'), true)).toEqual([['muteEveryone', 'audio']]);
    expect(panelCalls(c('MUTE_ALL'), false)).toEqual([]);
    expect(panelCalls(c('LOBBY_ON'), true)).toEqual([['toggleLobby', true]]);
    expect(panelCalls(c('LOBBY_OFF'), true)).toEqual([['toggleLobby', false]]);
    expect(panelCalls(c('REMOVE', 'ab12'), true)).toEqual([['kickParticipant', 'ab12']]);
    expect(panelCalls(c('REMOVE'), true)).toEqual([]);
    expect(panelCalls(c('SPOTLIGHT', 'ab12'), true)).toEqual([
      ['setFollowMe', true],
      ['setLargeVideoParticipant', 'ab12'],
    ]);
    expect(panelCalls(c('SPOTLIGHT', 'ab12'), false)).toEqual([['setLargeVideoParticipant', 'ab12']]);
  });

  it("the floor turns a room's microphone on, and off after", () => {
    expect(floorCalls(false, true, false)).toEqual([['toggleAudio']]);
    expect(floorCalls(false, true, true)).toEqual([]);
    expect(floorCalls(true, false, true)).toEqual([['toggleAudio']]);
    expect(floorCalls(true, false, false)).toEqual([]);
    expect(floorCalls(true, true, true)).toEqual([]);
  });
});
