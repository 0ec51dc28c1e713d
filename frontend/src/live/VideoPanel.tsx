import { JitsiMeeting } from '@jitsi/react-sdk';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Id } from '../api/types';
import { FormError } from '../components/Field';
import { errorText } from '../lib/errors';
import { currentLang, useI18n } from '../lib/i18n';
import { TOKEN_FRESH_MS, videoJoinQuery } from './api/video';
import { useLastVideoCommand } from '../video/api/videoCommands';
import { onStage } from '../video/stage';
import { useStage } from '../video/useStage';
import { type JitsiApi, panelCalls, runCalls } from '../video/videoCommands';

/**
 * The meeting's video conference (Jitsi, through its client SDK) for those who may join
 * (`canJoinVideo`): a large "join" button, then the conference in the page with the token HopSo
 * signed. Without a Jitsi deployment it says so, and nothing else changes.
 */
export function VideoPanel({ meetingId }: { meetingId: Id }) {
  const { t } = useI18n();
  const [joined, setJoined] = useState(false);
  const join = useQuery(videoJoinQuery(meetingId));
  const v = join.data;
  const api = useRef<JitsiApi | null>(null);
  const [attempt, setAttempt] = useState(0);
  // in a large meeting: a visitor asks to be promoted on stage, a participant joins again off it
  const stage = useStage(meetingId, v, api, () => {
    void join.refetch().then(() => setAttempt((a) => a + 1));
  });

  // the chair's commands: the moderator's part in the chair's own conference; the spotlight for all
  const command = useLastVideoCommand(meetingId);
  const seen = useRef(command?.seq ?? 0);
  useEffect(() => {
    if (!command || command.seq <= seen.current) return;
    seen.current = command.seq;
    runCalls(api.current, panelCalls(command, v?.affiliation === 'owner'));
  }, [command, v?.affiliation]);

  // the token is checked by Jitsi when joining only: asked for again if it may have expired, or if
  // the stage changed since (a visitor's token for someone now on stage, or the reverse)
  async function enter() {
    const wrongRole = !!v && !!stage.stage && onStage(stage.stage, v) !== (v.role !== 'VISITOR');
    if (wrongRole || Date.now() - join.dataUpdatedAt > TOKEN_FRESH_MS) await join.refetch();
    setJoined(true);
  }

  function leave() {
    api.current = null;
    stage.onLeft();
    setJoined(false);
  }

  return (
    <section className="panel video-panel" aria-labelledby="video-title" data-testid="video-panel">
      <h2 id="video-title">{t('live:video.title')}</h2>
      <FormError message={join.error ? errorText(join.error, t) : null} />
      {v && !v.configured && (
        <p className="muted" data-testid="video-not-configured">
          {t('live:video.notConfigured')}
        </p>
      )}
      {v?.configured && !joined && (
        <div className="btn-row">
          <button type="button" className="btn btn-primary btn-large" data-testid="video-join" onClick={() => void enter()}>
            {t('live:video.join')}
          </button>
          {v.displayName && <span className="muted">{t('live:video.as', { name: v.displayName })}</span>}
        </div>
      )}
      {v?.configured && joined && v.domain && v.room && (
        <>
          <div className="video-frame" data-testid="video-frame">
            <JitsiMeeting
              key={attempt}
              domain={v.domain}
              roomName={v.room}
              jwt={v.jwt}
              lang={currentLang()}
              userInfo={{ displayName: v.displayName ?? '', email: '' }}
              configOverwrite={{ prejoinConfig: { enabled: false }, startWithAudioMuted: true, disableDeepLinking: true }}
              onApiReady={(jitsi) => {
                const a = jitsi as unknown as JitsiApi;
                api.current = a;
                a.addListener('videoConferenceJoined', (d) => stage.onJoined(d));
                a.addListener('videoConferenceLeft', () => stage.onLeft());
              }}
              onReadyToClose={leave}
              getIFrameRef={(node) => {
                node.style.height = '100%';
              }}
            />
          </div>
          <div className="btn-row">
            <button type="button" className="btn btn-secondary" data-testid="video-leave" onClick={leave}>
              {t('live:video.leave')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
