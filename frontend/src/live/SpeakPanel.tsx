import { useState } from 'react';
import { SPEAKER_KINDS, type Id, type LiveState, type SpeakerKind } from '../api/types';
import { FormError } from '../components/Field';
import { useNotify } from '../components/Notice';
import { type MsgKey, useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useSpeakerAction } from './api/session';
import { KindBadge, SpeechClock } from './LiveBits';
import { type Me, myTurn } from './liveState';

const KIND_HINT: Record<SpeakerKind, MsgKey> = {
  CONTRIBUTION: 'live:kindHint.CONTRIBUTION',
  QUESTION: 'live:kindHint.QUESTION',
  REPLY: 'live:kindHint.REPLY',
  POINT_OF_ORDER: 'live:kindHint.POINT_OF_ORDER',
};

/**
 * "Xin phát biểu": a delegate (or a room's operator, for the room) asks for the floor, choosing what
 * kind of request it is; then sees their place in the queue and may withdraw, or sees that they
 * have the floor with their countdown. Shown while the server allows it (`canAskToSpeak`).
 * A point of order goes before everyone waiting and is taken even when the list is closed.
 */
export function SpeakPanel({
  meetingId,
  state,
  me,
  now,
  canAsk,
  forRoom,
  className = '',
}: {
  meetingId: Id;
  state: LiveState | undefined;
  me: Me;
  /** the server's time */
  now: number;
  canAsk: boolean;
  /** a room's device account asks for its room */
  forRoom?: boolean;
  className?: string;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const form = useApiForm(useSpeakerAction(meetingId));
  const [choosing, setChoosing] = useState(false);
  // the device account's rooms that take part in this meeting (the server names them)
  const roomList = state?.myRooms ?? [];
  const rooms = roomList.map((r) => r.endpointId).filter((x): x is number => x != null);
  const [room, setRoom] = useState<Id | undefined>(undefined);
  const queue = state?.speaker;
  const turn = myTurn(queue, me);
  const open = queue?.open !== false;
  if (!canAsk && !turn) return null;
  const busy = form.busy;

  function ask(kind: SpeakerKind) {
    // a device account with several rooms names the one asking
    const endpointId = forRoom && rooms.length > 1 ? (room ?? rooms[0]) : undefined;
    form.submit(
      { op: 'request', body: endpointId != null ? { kind, endpointId } : { kind } },
      {
        onSuccess: () => {
          setChoosing(false);
          notify(t('live:ask.sent'));
        },
      },
    );
  }

  return (
    <section className={`panel speak-panel ${className}`} aria-labelledby="speak-title" aria-live="polite">
      <h2 id="speak-title" className="visually-hidden">
        {t('live:ask.title')}
      </h2>
      <FormError message={form.error} />
      {turn?.speaking ? (
        <div className="my-turn is-speaking" data-testid="my-queue-place" data-place="0">
          <p className="my-turn-text">{forRoom ? t('live:ask.roomSpeaking') : t('live:ask.speaking')}</p>
          <SpeechClock s={turn.speech} now={now} className="my-turn-clock" />
        </div>
      ) : turn ? (
        <div className="my-turn is-waiting">
          <p className="my-turn-text" data-testid="my-queue-place" data-place={turn.place}>
            {turn.place === 1
              ? forRoom
                ? t('live:ask.roomNext')
                : t('live:ask.next')
              : t(forRoom ? 'live:ask.roomPlace' : 'live:ask.place', { place: turn.place })}
          </p>
          <p className="my-turn-kind">
            <KindBadge s={turn.speech} />
          </p>
          <button
            type="button"
            className="btn btn-large btn-danger-outline"
            data-testid="withdraw-speak"
            disabled={busy}
            onClick={() => form.submit({ op: 'withdraw', requestId: turn.speech.id }, { onSuccess: () => notify(t('live:ask.withdrawn')) })}
          >
            {busy ? t('common.working') : t('live:ask.withdraw')}
          </button>
        </div>
      ) : !choosing ? (
        <>
          <button
            type="button"
            className="btn btn-primary btn-speak"
            data-testid="ask-to-speak"
            aria-expanded={false}
            onClick={() => {
              form.reset();
              setChoosing(true);
            }}
          >
            <span aria-hidden="true">✋ </span>
            {forRoom ? t('live:ask.buttonRoom') : t('live:ask.button')}
          </button>
          {!open && <p className="hint">{t('live:ask.closedHint')}</p>}
        </>
      ) : (
        <div className="kind-choice" role="group" aria-labelledby="kind-title">
          <p id="kind-title" className="kind-title">
            {t('live:ask.chooseKind')}
          </p>
          {forRoom && rooms.length > 1 && (
            <label className="field">
              <span className="label-text">{t('live:ask.whichRoom')}</span>
              <select name="speakRoom" value={String(room ?? rooms[0])} onChange={(e) => setRoom(Number(e.target.value))}>
                {rooms.map((id) => (
                  <option key={id} value={id}>
                    {roomList.find((r) => r.endpointId === id)?.name ?? id}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="kind-buttons">
            {SPEAKER_KINDS.map((kind) => {
              const allowed = open || kind === 'POINT_OF_ORDER';
              return (
                <button
                  key={kind}
                  type="button"
                  className={`btn btn-kind kind-${kind.toLowerCase()}`}
                  data-testid={`ask-kind-${kind}`}
                  disabled={busy || !allowed}
                  onClick={() => ask(kind)}
                >
                  <span className="kind-label">{t(`live:kind.${kind}`)}</span>
                  <span className="kind-hint">{t(KIND_HINT[kind])}</span>
                </button>
              );
            })}
          </div>
          {!open && <p className="hint">{t('live:ask.closedHint')}</p>}
          <button type="button" className="btn btn-large" onClick={() => setChoosing(false)} disabled={busy}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
