import { type RefObject, useEffect, useRef, useState } from 'react';
import type { Id, VideoJoin } from '../api/types';
import { useVideoStage } from './api/stage';
import { type Joined, joinedAs, stageStep } from './stage';
import { type JitsiApi, runCalls } from './videoCommands';

/**
 * Follows the conference's stage for one client in the conference (a room's display, or a
 * person's video panel): asks to be promoted when it comes on stage as a visitor, and joins again
 * (`rejoin`, which fetches a fresh token) when it leaves the stage as a participant. Jitsi's events
 * come in through `onJoined` (`videoConferenceJoined`'s data) and `onLeft`.
 */
export function useStage(meetingId: Id, v: VideoJoin | undefined, api: RefObject<JitsiApi | null>, rejoin: () => void) {
  const stage = useVideoStage(meetingId, !!v?.configured);
  const [joined, setJoined] = useState<Joined>('NO');
  const asked = useRef(false);
  const wasVisitor = useRef(false);
  const rejoinRef = useRef(rejoin);
  useEffect(() => {
    rejoinRef.current = rejoin;
  }, [rejoin]);

  useEffect(() => {
    if (!v) return;
    const promoted = wasVisitor.current && joined === 'PARTICIPANT';
    const step = stageStep({ stage, seat: v, joined, promotionAsked: asked.current, promoted });
    if (step === 'ASK_PROMOTION') {
      asked.current = true;
      runCalls(api.current, [['toggleRaiseHand']]);
    } else if (step === 'REJOIN') {
      wasVisitor.current = false;
      asked.current = false;
      rejoinRef.current();
    }
  }, [stage, v, joined, api]);

  return {
    stage,
    joined,
    onJoined: (data: Record<string, unknown> | undefined) => {
      const how = joinedAs(data);
      if (how === 'VISITOR') wasVisitor.current = true;
      setJoined(how);
    },
    onLeft: () => {
      asked.current = false;
      setJoined('NO');
    },
  };
}
