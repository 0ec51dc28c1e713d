import { describe, expect, it } from 'vitest';
import type { StageView } from '../api/types';
import { joinedAs, onStage, stageOf, stageStep } from './stage';

const large: StageView = { large: true, max: 50, joiners: 356, endpointIds: [7, 9], personIds: [1, 2] };
const small: StageView = { large: false, max: 50, joiners: 12, endpointIds: [], personIds: [1] };
const room = (id: number, role: 'PARTICIPANT' | 'VISITOR') => ({ endpointId: id, role });

describe('stage', () => {
  it('reads a video.stage event, and nothing from a malformed one', () => {
    expect(stageOf({ large: true, max: 50, joiners: 356, endpointIds: [7, 9], personIds: [1, 2] })).toEqual(large);
    expect(stageOf({ large: true, max: 50, endpointIds: [7, 'x'], personIds: [] })).toEqual({
      large: true,
      max: 50,
      joiners: 0,
      endpointIds: [7],
      personIds: [],
    });
    expect(stageOf({ large: 'yes', max: 50, endpointIds: [], personIds: [] })).toBeUndefined();
    expect(stageOf({ large: true, max: 50 })).toBeUndefined();
  });

  it('puts a room by its id and a person by theirs; everyone is on the stage of a meeting that is not large', () => {
    expect(onStage(large, { endpointId: 7 })).toBe(true);
    expect(onStage(large, { endpointId: 8 })).toBe(false);
    expect(onStage(large, { personId: 2 })).toBe(true);
    expect(onStage(large, { personId: 7 })).toBe(false); // a person is not a room with the same number
    expect(onStage(large, {})).toBe(false);
    expect(onStage(small, { endpointId: 8 })).toBe(true);
  });

  it('asks once to be promoted when a visitor comes on stage', () => {
    const base = { stage: large, joined: 'VISITOR' as const, promoted: false };
    expect(stageStep({ ...base, seat: room(7, 'VISITOR'), promotionAsked: false })).toBe('ASK_PROMOTION');
    expect(stageStep({ ...base, seat: room(7, 'VISITOR'), promotionAsked: true })).toBe('NONE');
    expect(stageStep({ ...base, seat: room(8, 'VISITOR'), promotionAsked: false })).toBe('NONE');
  });

  it('joins again as a visitor when a participant leaves the stage', () => {
    const base = { stage: large, joined: 'PARTICIPANT' as const, promotionAsked: false };
    expect(stageStep({ ...base, seat: room(8, 'PARTICIPANT'), promoted: false })).toBe('REJOIN');
    expect(stageStep({ ...base, seat: room(8, 'VISITOR'), promoted: true })).toBe('REJOIN'); // promoted earlier
    expect(stageStep({ ...base, seat: room(7, 'PARTICIPANT'), promoted: false })).toBe('NONE'); // still on stage
  });

  it('never loops on a Jitsi without visitors: a visitor token that joined as a participant stays', () => {
    expect(stageStep({ stage: large, seat: room(8, 'VISITOR'), joined: 'PARTICIPANT', promotionAsked: false, promoted: false })).toBe(
      'NONE',
    );
  });

  it('does nothing before joining, without a stage, or in a meeting that is not large', () => {
    expect(stageStep({ stage: large, seat: room(7, 'VISITOR'), joined: 'NO', promotionAsked: false, promoted: false })).toBe('NONE');
    expect(stageStep({ stage: undefined, seat: room(7, 'VISITOR'), joined: 'VISITOR', promotionAsked: false, promoted: false })).toBe(
      'NONE',
    );
    expect(stageStep({ stage: small, seat: room(8, 'PARTICIPANT'), joined: 'PARTICIPANT', promotionAsked: false, promoted: false })).toBe(
      'NONE',
    );
  });

  it('reads how Jitsi let the client in', () => {
    expect(joinedAs({ id: 'ab12', visitor: true })).toBe('VISITOR');
    expect(joinedAs({ id: 'ab12' })).toBe('PARTICIPANT');
    expect(joinedAs(undefined)).toBe('PARTICIPANT');
  });
});
