import { JitsiMeeting } from '@jitsi/react-sdk';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Id, VideoJoin } from '../api/types';
import { currentLang } from '../lib/i18n';
import { videoJoinQuery } from '../live/api/video';
import type { VideoSignals } from './roomReport';

/** After leaving (or losing) the conference, the display joins again after this long. */
const REJOIN_MS = 5_000;

/** What the display uses of the IFrame API (the SDK does not export its type). */
interface JitsiApi {
  addListener(event: string, listener: (data: Record<string, unknown>) => void): unknown;
}

/**
 * The room's display in the meeting's conference, by itself: joined with the room's device account
 * (its token says who it is), full size behind the meeting's overlay, microphone muted (a room
 * watches until it is given the floor). It follows the IFrame API's events into `onSignals` (in the
 * conference, camera and microphone, failures, the video it receives) for the room's status, and
 * joins again with a fresh token when the conference drops.
 */
export function DisplayVideo({ meetingId, onSignals }: { meetingId: Id; onSignals: (update: (s: VideoSignals) => VideoSignals) => void }) {
  const join = useQuery(videoJoinQuery(meetingId));
  const [attempt, setAttempt] = useState(0);
  const rejoin = useRef<number | undefined>(undefined);
  const v: VideoJoin | undefined = join.data;

  useEffect(() => () => window.clearTimeout(rejoin.current), []);

  if (!v?.configured || !v.domain || !v.room) return null;

  function left() {
    onSignals((s) => ({ ...s, conference: 'LEFT', jitsiId: undefined }));
    window.clearTimeout(rejoin.current);
    rejoin.current = window.setTimeout(() => {
      void join.refetch().then(() => setAttempt((a) => a + 1));
    }, REJOIN_MS);
  }

  function ready(api: JitsiApi) {
    onSignals((s) => ({ ...s, conference: 'JOINING' }));
    api.addListener('videoConferenceJoined', (d) =>
      onSignals((s) => ({ ...s, conference: 'JOINED', jitsiId: typeof d?.id === 'string' ? d.id : s.jitsiId })),
    );
    api.addListener('videoConferenceLeft', () => left());
    api.addListener('audioMuteStatusChanged', (d) => onSignals((s) => ({ ...s, microphone: d?.muted ? 'MUTED' : 'ON' })));
    api.addListener('videoMuteStatusChanged', (d) => onSignals((s) => ({ ...s, camera: d?.muted ? 'MUTED' : 'ON' })));
    api.addListener('audioAvailabilityChanged', (d) => onSignals((s) => (d?.available === false ? { ...s, microphone: 'MISSING' } : s)));
    api.addListener('videoAvailabilityChanged', (d) => onSignals((s) => (d?.available === false ? { ...s, camera: 'MISSING' } : s)));
    api.addListener('cameraError', () => onSignals((s) => ({ ...s, camera: 'MISSING' })));
    api.addListener('micError', () => onSignals((s) => ({ ...s, microphone: 'MISSING' })));
    api.addListener('peerConnectionFailure', () => onSignals((s) => ({ ...s, failedAt: Date.now() })));
    api.addListener('videoQualityChanged', (d) =>
      onSignals((s) => ({ ...s, receivedHeight: typeof d?.videoQuality === 'number' ? d.videoQuality : s.receivedHeight })),
    );
  }

  return (
    <div className="display-video" data-testid="display-video">
      <JitsiMeeting
        key={attempt}
        domain={v.domain}
        roomName={v.room}
        jwt={v.jwt}
        lang={currentLang()}
        userInfo={{ displayName: v.displayName ?? '', email: '' }}
        configOverwrite={{ prejoinConfig: { enabled: false }, startWithAudioMuted: true, startWithVideoMuted: false, disableDeepLinking: true }}
        onApiReady={(api) => ready(api as unknown as JitsiApi)}
        onReadyToClose={() => left()}
        getIFrameRef={(node) => {
          node.style.height = '100%';
          node.style.width = '100%';
        }}
      />
    </div>
  );
}
