import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../lib/i18n';
import { type Checks, checksDone } from './roomReport';

type Part = 'camera' | 'microphone' | 'speakers';
const PARTS: readonly Part[] = ['camera', 'microphone', 'speakers'];

/**
 * The room's readiness check before the meeting (from 30 minutes before): the camera's picture,
 * the microphone's level and a test sound, each confirmed by whoever stands at the room's screen
 * ("works" / "does not work"). The answers go with the room's status; the chair's grid shows the
 * rooms that have not confirmed all three. Large buttons: it is done standing, with a remote or a
 * finger.
 */
export function ReadinessCheck({
  checks,
  onAnswer,
  before,
}: {
  checks: Checks;
  onAnswer: (part: Part, works: boolean) => void;
  /** the meeting has not started: the check is open until done (during it, one button opens it) */
  before: boolean;
}) {
  const { t } = useI18n();
  const done = checksDone(checks);
  const [open, setOpen] = useState(before && !done);
  const { video, level, error } = useMediaPreview(open);

  if (!open) {
    return (
      <section className="display-box readiness is-closed" data-testid="readiness" data-done={done ? 'true' : 'false'}>
        <p className="readiness-done">{done ? `✓ ${t('live:readiness.done')}` : t('live:readiness.notDone')}</p>
        <button type="button" className="btn btn-display" data-testid="readiness-redo" onClick={() => setOpen(true)}>
          {done ? t('live:readiness.redo') : t('live:readiness.start')}
        </button>
      </section>
    );
  }
  return (
    <section className="display-box readiness" data-testid="readiness" data-done={done ? 'true' : 'false'} aria-labelledby="readiness-title">
      <h2 id="readiness-title" className="display-label">
        {t('live:readiness.title')}
      </h2>
      <p className="readiness-intro">{t('live:readiness.intro')}</p>
      <div className="readiness-media">
        <video ref={video} className="readiness-preview" muted playsInline autoPlay aria-label={t('live:readiness.camera')} />
        <div className="readiness-meter" aria-hidden="true">
          <span style={{ height: `${Math.round(level * 100)}%` }} />
        </div>
      </div>
      {error && <p className="readiness-error">{t('live:readiness.noDevice', { reason: error ?? '' })}</p>}
      <ul className="readiness-parts">
        {PARTS.map((p) => (
          <li key={p} className="readiness-part" data-testid={`readiness-${p}`} data-answer={checks[p] === undefined ? '' : String(checks[p])}>
            <span className="readiness-part-name">
              {t(`live:readiness.${p}`)}:{' '}
              <strong>{checks[p] === true ? t('live:readiness.ok') : checks[p] === false ? t('live:readiness.bad') : t('live:readiness.pending')}</strong>
            </span>
            <span className="btn-row">
              {p === 'speakers' && (
                <button type="button" className="btn btn-display" data-testid="readiness-tone" onClick={playTone}>
                  {t('live:readiness.playTone')}
                </button>
              )}
              <button type="button" className="btn btn-primary btn-display" data-testid={`readiness-${p}-works`} onClick={() => onAnswer(p, true)}>
                {t('live:readiness.works')}
              </button>
              <button type="button" className="btn btn-display" data-testid={`readiness-${p}-fails`} onClick={() => onAnswer(p, false)}>
                {t('live:readiness.fails')}
              </button>
            </span>
            <span className="readiness-hint muted">{t(`live:readiness.${p}Hint`)}</span>
          </li>
        ))}
      </ul>
      {done && (
        <button type="button" className="btn btn-display" data-testid="readiness-close" onClick={() => setOpen(false)}>
          {t('live:readiness.close')}
        </button>
      )}
    </section>
  );
}

/** The camera's picture and the microphone's level while the check is open (nothing when refused). */
function useMediaPreview(on: boolean) {
  const video = useRef<HTMLVideoElement | null>(null);
  const [level, setLevel] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!on || !navigator.mediaDevices?.getUserMedia) return;
    let stream: MediaStream | null = null;
    let audio: AudioContext | null = null;
    let frame = 0;
    let gone = false;
    navigator.mediaDevices
      .getUserMedia({ video: true, audio: true })
      .then((s) => {
        if (gone) {
          s.getTracks().forEach((tr) => tr.stop());
          return;
        }
        stream = s;
        if (video.current) video.current.srcObject = s;
        audio = new AudioContext();
        const analyser = audio.createAnalyser();
        analyser.fftSize = 256;
        audio.createMediaStreamSource(s).connect(analyser);
        const data = new Uint8Array(analyser.frequencyBinCount);
        const tick = () => {
          analyser.getByteTimeDomainData(data);
          let peak = 0;
          for (const x of data) peak = Math.max(peak, Math.abs(x - 128) / 128);
          setLevel(peak);
          frame = requestAnimationFrame(tick);
        };
        tick();
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      gone = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((tr) => tr.stop());
      void audio?.close().catch(() => undefined);
    };
  }, [on]);
  return { video, level, error };
}

/** One second of a soft 660 Hz tone, to hear the room's speakers. */
function playTone() {
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 660;
    gain.gain.value = 0.2;
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 1);
    osc.onended = () => void ctx.close().catch(() => undefined);
  } catch {
    // no audio output here
  }
}
