// The conference's stage (GET /api/meetings/{id}/video/stage, `video.stage` events), decided by
// the server (vn.hopso.video.StageService): in a large meeting only the stage joins Jitsi as full
// participants, the other rooms and people watch as Jitsi visitors. What a client does about its
// own place is decided here (pure, tested):
//   - a visitor who comes on stage raises its hand: that is Jitsi's promotion request, granted
//     without a moderator to a visitor with a token (prosody's visitors_auto_promoted_with_token);
//     (The hand stays up once promoted: the room is up next or has the floor, which is what a
//     raised hand says; the IFrame API only toggles it, and a promotion is a reconnect that may
//     reset it, so lowering it blindly could raise it again.)
//   - a client that joined with a participant's token and is no longer on the stage joins again
//     with a fresh token, a visitor's (as Jitsi's own "demote" does: a reconnect as a visitor).
// A client that joined with a visitor's token and was made a participant anyway (a Jitsi without
// visitors) stays as it is: it never joins again in a loop.

import type { Id, StageView, VideoJoin } from '../api/types';

export const VIDEO_STAGE_EVENT = 'video.stage';

/** The stage as a `video.stage` event carries it (the same fields as StageView). */
export function stageOf(data: Record<string, unknown>): StageView | undefined {
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : undefined);
  const endpointIds = ids(data.endpointIds);
  const personIds = ids(data.personIds);
  if (typeof data.large !== 'boolean' || typeof data.max !== 'number' || !endpointIds || !personIds) return undefined;
  return {
    large: data.large,
    max: data.max,
    joiners: typeof data.joiners === 'number' ? data.joiners : 0,
    endpointIds,
    personIds,
  };
}

/** Whether the place a token was made for (a room's, or a person's) is on the stage. */
export function onStage(stage: StageView, seat: Pick<VideoJoin, 'endpointId' | 'personId'>): boolean {
  if (!stage.large) return true;
  if (seat.endpointId != null) return (stage.endpointIds ?? []).includes(seat.endpointId as Id);
  return seat.personId != null && (stage.personIds ?? []).includes(seat.personId as Id);
}

/** How the client is in the conference, as Jitsi's `videoConferenceJoined` said (`visitor`). */
export type Joined = 'NO' | 'VISITOR' | 'PARTICIPANT';

export type StageStep = 'NONE' | 'ASK_PROMOTION' | 'REJOIN';

/**
 * The next step for a client in the conference. `promotionAsked`: it raised its hand to be
 * promoted since it last joined; `promoted`: it joined as a visitor since its token was fetched
 * and is a participant now.
 */
export function stageStep(s: {
  stage: StageView | undefined;
  seat: Pick<VideoJoin, 'endpointId' | 'personId' | 'role'>;
  joined: Joined;
  promotionAsked: boolean;
  promoted: boolean;
}): StageStep {
  if (!s.stage || s.joined === 'NO') return 'NONE';
  const mine = onStage(s.stage, s.seat);
  if (s.joined === 'VISITOR') return mine && !s.promotionAsked ? 'ASK_PROMOTION' : 'NONE';
  if (!mine && (s.seat.role === 'PARTICIPANT' || s.promoted)) return 'REJOIN';
  return 'NONE';
}

/** Whether Jitsi's `videoConferenceJoined` says the client joined as a visitor. */
export function joinedAs(data: Record<string, unknown> | undefined): Joined {
  return data?.visitor === true ? 'VISITOR' : 'PARTICIPANT';
}
