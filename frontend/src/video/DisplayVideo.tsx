import { JitsiMeeting } from '@jitsi/react-sdk';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Id, VideoJoin } from '../api/types';
import { currentLang, useI18n } from '../lib/i18n';
import { videoJoinQuery } from '../live/api/video';
import { useLastVideoCommand } from './api/videoCommands';
import type { VideoSignals } from './roomReport';
import { useStage } from './useStage';
import { type JitsiApi, floorCalls, runCalls, screenCalls } from './videoCommands';

/** After leaving (or losing) the conference, the display joins again after this long. */
const REJOIN_MS = 5_000;

/**
 * The room's display in the meeting's conference, by itself: joined with the room's device account
 * (its token says who it is), full size behind the meeting's overlay, microphone muted (a room
 * watches until it is given the floor). It follows the IFrame API's events into `onSignals` (in the
 * conference, camera and microphone, failures, the video it receives) for the room's status, and
 * joins again with a fresh token when the conference drops.
 *
 * It follows the chair's commands (`video.command`: its microphone off, a request to turn it on,
 * the spotlight, removal) and the floor: while the room has the floor its microphone is on. In a
 * large meeting it follows the stage (`useStage`): it watches as a Jitsi visitor, asks to be
 * promoted when the room comes on stage (it asked for the floor, or has it), and joins again as a
 * visitor after.
 */
export function DisplayVideo({
  meetingId,
  myRoom,
  hasFloor,
  signals,
  onSignals,
}: {
  meetingId: Id;
  myRoom: Id | undefined;
  hasFloor: boolean;
  signals: VideoSignals;
  onSignals: (update: (s: VideoSignals) => VideoSignals) => void;
}) {
  const { t } = useI18n();
  const join = useQuery(videoJoinQuery(meetingId));
  const [attempt, setAttempt] = useState(0);
  const [removed, setRemoved] = useState(false);
  const [askedToUnmute, setAskedToUnmute] = useState(false);
  const rejoin = useRef<number | undefined>(undefined);
  const api = useRef<JitsiApi | null>(null);
  const v: VideoJoin | undefined = join.data;
  const micOn = signals.microphone === 'ON';
  const stage = useStage(meetingId, v, api, () => {
    window.clearTimeout(rejoin.current);
    void join.refetch().then(() => setAttempt((a) => a + 1));
  });

  useEffect(() => () => window.clearTimeout(rejoin.current), []);

  // the chair's commands, each once (not one that came before this screen was shown): what the
  // screen shows changes as the command is seen, what Jitsi is asked to do runs after the render
  const command = useLastVideoCommand(meetingId);
  const [handled, setHandled] = useState(command?.seq ?? 0);
  const [lastCommand, setLastCommand] = useState<string>('');
  if (command && command.seq > handled) {
    setHandled(command.seq);
    setLastCommand(command.action);
    const mine = command.endpointId != null && command.endpointId === myRoom;
    if (command.action === 'ASK_UNMUTE' && mine && !micOn) setAskedToUnmute(true);
    if (command.action === 'REMOVE' && mine) setRemoved(true);
  }
  const ran = useRef(command?.seq ?? 0);
  useEffect(() => {
    if (!command || command.seq <= ran.current) return;
    ran.current = command.seq;
    if (command.action === 'REMOVE' && command.endpointId != null && command.endpointId === myRoom) {
      window.clearTimeout(rejoin.current);
    }
    runCalls(api.current, screenCalls(command, myRoom, micOn));
  }, [command, myRoom, micOn]);

  // the floor: the microphone on while the room has it, off after. Each join starts muted and a
  // visitor sends nothing, so it is applied again when the room joins as a participant (a
  // promotion that came after the floor was given, or a rejoin during the speech).
  const hadFloor = useRef(false);
  const floorJoin = useRef(stage.joined);
  useEffect(() => {
    if (floorJoin.current !== stage.joined) {
      floorJoin.current = stage.joined;
      hadFloor.current = false;
    }
    if (stage.joined !== 'PARTICIPANT') return;
    runCalls(api.current, floorCalls(hadFloor.current, hasFloor, micOn));
    hadFloor.current = hasFloor;
  }, [hasFloor, micOn, stage.joined]);

  if (!v?.configured || !v.domain || !v.room) return null;

  if (removed) {
    return (
      <div className="display-video is-removed" data-testid="display-video" data-removed="true">
        <p className="display-message">{t('live:video.removed')}</p>
        <button
          type="button"
          className="btn btn-display"
          data-testid="display-video-rejoin"
          onClick={() => {
            setRemoved(false);
            void join.refetch().then(() => setAttempt((a) => a + 1));
          }}
        >
          {t('live:video.rejoin')}
        </button>
      </div>
    );
  }

  function left() {
    onSignals((s) => ({ ...s, conference: 'LEFT', jitsiId: undefined }));
    window.clearTimeout(rejoin.current);
    rejoin.current = window.setTimeout(() => {
      void join.refetch().then(() => setAttempt((a) => a + 1));
    }, REJOIN_MS);
  }

  function ready(jitsi: JitsiApi) {
    api.current = jitsi;
    onSignals((s) => ({ ...s, conference: 'JOINING' }));
    jitsi.addListener('videoConferenceJoined', (d) => {
      // joined again by itself (a promotion reconnects to the main room): no rejoin pending
      window.clearTimeout(rejoin.current);
      stage.onJoined(d);
      onSignals((s) => ({ ...s, conference: 'JOINED', jitsiId: typeof d?.id === 'string' ? d.id : s.jitsiId }));
    });
    jitsi.addListener('videoConferenceLeft', () => {
      stage.onLeft();
      left();
    });
    jitsi.addListener('audioMuteStatusChanged', (d) => onSignals((s) => ({ ...s, microphone: d?.muted ? 'MUTED' : 'ON' })));
    jitsi.addListener('videoMuteStatusChanged', (d) => onSignals((s) => ({ ...s, camera: d?.muted ? 'MUTED' : 'ON' })));
    jitsi.addListener('audioAvailabilityChanged', (d) => onSignals((s) => (d?.available === false ? { ...s, microphone: 'MISSING' } : s)));
    jitsi.addListener('videoAvailabilityChanged', (d) => onSignals((s) => (d?.available === false ? { ...s, camera: 'MISSING' } : s)));
    jitsi.addListener('cameraError', () => onSignals((s) => ({ ...s, camera: 'MISSING' })));
    jitsi.addListener('micError', () => onSignals((s) => ({ ...s, microphone: 'MISSING' })));
    jitsi.addListener('peerConnectionFailure', () => onSignals((s) => ({ ...s, failedAt: Date.now() })));
    jitsi.addListener('videoQualityChanged', (d) =>
      onSignals((s) => ({ ...s, receivedHeight: typeof d?.videoQuality === 'number' ? d.videoQuality : s.receivedHeight })),
    );
  }

  return (
    <div
      className="display-video"
      data-testid="display-video"
      data-command={lastCommand}
      data-role={v.role}
      data-joined={stage.joined}
    >
      {askedToUnmute && !micOn && (
        <div className="display-ask-unmute" role="alert" data-testid="display-ask-unmute">
          <p>{t('live:video.askedToUnmute')}</p>
          <button
            type="button"
            className="btn btn-primary btn-display"
            data-testid="display-unmute"
            onClick={() => {
              runCalls(api.current, [['toggleAudio']]);
              setAskedToUnmute(false);
            }}
          >
            {t('live:video.unmute')}
          </button>
          <button type="button" className="btn btn-display" onClick={() => setAskedToUnmute(false)}>
            {t('live:video.notNow')}
          </button>
        </div>
      )}
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
