import { useState } from 'react';
import type { Choice, Id, MyBallot, Poll, Rating, VoteValue } from '../api/types';
import { RATINGS, VOTE_VALUES } from '../api/types';
import { FormError } from '../components/Field';
import { useNotify } from '../components/Notice';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import type { BallotRecord } from './ballots';
import { choiceText } from './PollBits';
import { choiceComplete, electionSelection, pendingVoters } from './results';
import { isUnsent, useBallots } from './useBallots';

/**
 * The delegate's ballot of an open poll, on a tablet: large buttons, a choice then a confirmation
 * (two taps for a yes/no question). A proxy holder gets one ballot per principal and "vote for all
 * I hold" (one choice, one batch request, a ballot and a receipt each). After casting, each
 * principal's line says so with the receipt this device keeps; a ballot that got no answer stays on
 * the device and is sent again with the same id.
 */
export function BallotPanel({ meetingId, poll, casterId }: { meetingId: Id; poll: Poll; casterId: Id | undefined }) {
  const { t } = useI18n();
  const notify = useNotify();
  const ballots = useBallots(meetingId, poll, casterId);
  const [oneByOne, setOneByOne] = useState(false);
  const [changing, setChanging] = useState<Id | null>(null);
  const mine = poll.mine ?? [];
  const records = ballots.records;
  // waiting for an answer on this device: locked until it comes (same id, same choice)
  const waiting = (m: MyBallot) => m.participantId != null && !!records.get(m.participantId)?.pending;
  const todo = pendingVoters(poll).filter((m) => !waiting(m));
  const done = mine.filter((m) => m.participantId != null && (m.voted || waiting(m)));
  const unsent = isUnsent(ballots.error);
  const refusal = ballots.error && !unsent ? errorText(ballots.error, t) : null;
  const anySending = ballots.sending.size > 0;

  async function cast(who: readonly MyBallot[], choice: Choice) {
    const ok = await ballots.cast(who, choice);
    if (ok) {
      setChanging(null);
      notify(t('votes:ballot.cast', { count: who.length }));
    }
  }

  /** One principal's ballot: to cast, or to change (then with "Hủy"). */
  const ballotOf = (m: MyBallot, onCancel?: () => void) => (
    <ChoiceForm
      key={String(m.participantId)}
      poll={poll}
      heading={m.proxy ? t('votes:ballot.proxy', { name: m.name ?? '' }) : t('votes:ballot.mine')}
      testId="ballot"
      participantId={m.participantId}
      busy={anySending}
      onCast={(choice) => cast([m], choice)}
      onCancel={onCancel}
    />
  );

  // nothing of mine to cast or to show (not present, say: the server decides)
  if (todo.length === 0 && done.length === 0 && !ballots.error) return null;

  return (
    <div className="ballot-panel" data-testid="ballot-panel" data-poll-id={poll.id}>
      {poll.secret && <p className="hint ballot-secret">{t('votes:ballot.secretNote')}</p>}
      {unsent && (
        <div className="alert alert-warn ballot-unsent" role="alert" data-testid="ballot-unsent">
          <span>{t('votes:ballot.unsent')}</span>
          <button type="button" className="btn btn-primary" data-testid="ballot-resend" disabled={anySending} onClick={() => void ballots.resend()}>
            {t('votes:ballot.resend')}
          </button>
        </div>
      )}
      <FormError message={refusal} testId="ballot-error" />

      {todo.length > 1 && !oneByOne ? (
        <>
          <ChoiceForm
            poll={poll}
            heading={t('votes:ballot.all', { count: todo.length })}
            hint={`${t('votes:ballot.allHint')} ${todo.map((m) => (m.proxy ? m.name : t('votes:ballot.you'))).join(', ')}.`}
            testId="ballot-all"
            participantId="all"
            busy={anySending}
            onCast={(choice) => cast(todo, choice)}
          />
          <button type="button" className="btn ballot-mode" data-testid="ballot-one-by-one" onClick={() => setOneByOne(true)}>
            {t('votes:ballot.one')}
          </button>
        </>
      ) : (
        todo.map((m) => ballotOf(m))
      )}
      {todo.length > 1 && oneByOne && (
        <button type="button" className="btn ballot-mode" data-testid="ballot-all-mode" onClick={() => setOneByOne(false)}>
          {t('votes:ballot.all', { count: todo.length })}
        </button>
      )}

      {done.map((m) => {
        if (changing != null && changing === m.participantId) return ballotOf(m, () => setChanging(null));
        const record = m.participantId != null ? records.get(m.participantId) : undefined;
        return (
          <VotedLine
            key={String(m.participantId)}
            poll={poll}
            ballot={m}
            record={record}
            sending={m.participantId != null && ballots.sending.has(m.participantId)}
            // a change names the ballot it replaces: only this device knows it
            onChange={poll.allowChange && poll.can?.vote && record?.cast && !record.pending && !anySending ? () => setChanging(m.participantId ?? null) : undefined}
          />
        );
      })}
    </div>
  );
}

/** A principal whose ballot is cast (or on its way): the receipt this device keeps. */
function VotedLine({
  poll,
  ballot,
  record,
  sending,
  onChange,
}: {
  poll: Poll;
  ballot: MyBallot;
  record: BallotRecord | undefined;
  sending: boolean;
  onChange?: () => void;
}) {
  const { t } = useI18n();
  const pending = !!record?.pending;
  const choice = record?.pending?.choice ?? record?.cast?.choice ?? ballot.choice;
  const receipt = record?.cast?.receipt;
  return (
    <div
      className={`ballot-voted${pending ? ' is-pending' : ''}`}
      data-testid="ballot-voted"
      data-participant-id={ballot.participantId}
      data-state={pending ? 'pending' : 'cast'}
    >
      <p className="ballot-voted-who">
        <span aria-hidden="true">{pending ? '… ' : '✓ '}</span>
        {pending ? t('votes:ballot.sending') : record ? t('votes:ballot.voted') : t('votes:ballot.votedElsewhere')}
        {ballot.proxy && <span className="muted"> · {t('votes:ballot.proxy', { name: ballot.name ?? '' })}</span>}
      </p>
      {choice && <p className="ballot-voted-choice">{choiceText(poll, choice, t)}</p>}
      {receipt && !pending && (
        <p className="ballot-receipt">
          <span className="ballot-receipt-label">{t('votes:ballot.receipt')}</span>{' '}
          <code className="receipt-code" data-testid="ballot-receipt">
            {receipt}
          </code>
          <span className="hint"> {t('votes:ballot.receiptHint')}</span>
        </p>
      )}
      {onChange && !sending && (
        <button type="button" className="btn btn-small" data-testid="ballot-change" onClick={onChange}>
          {t('votes:ballot.change')}
        </button>
      )}
    </div>
  );
}

const VALUE_CLASS: Record<VoteValue, string> = { YES: 'is-yes', NO: 'is-no', ABSTAIN: 'is-abstain' };

/**
 * Making one choice (for one principal, or for all of them): pick, then confirm. A yes/no question
 * goes to the confirmation with its button; an election or a confidence vote with "Tiếp tục" once
 * the ballot is whole.
 */
function ChoiceForm({
  poll,
  heading,
  hint,
  testId,
  participantId,
  busy,
  onCast,
  onCancel,
}: {
  poll: Poll;
  heading: string;
  hint?: string;
  testId: string;
  participantId: Id | 'all' | undefined;
  busy: boolean;
  onCast: (choice: Choice) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [confirming, setConfirming] = useState(false);
  const options = (poll.options ?? []).filter((o): o is typeof o & { id: Id } => o.id != null);
  const optionIds = options.map((o) => o.id);
  const [marked, setMarked] = useState<ReadonlySet<Id>>(new Set());
  const [ratings, setRatings] = useState<Record<string, Rating>>({});
  const seats = poll.seats ?? 1;

  const electionChoice: Choice = { selected: electionSelection(poll.electionStyle, optionIds, marked) };
  const current: Choice | null =
    poll.kind === 'ELECTION' ? electionChoice : poll.kind === 'CONFIDENCE' ? { ratings } : choice;
  const complete = choiceComplete(poll, current);
  const tooMany = poll.kind === 'ELECTION' && (electionChoice.selected?.length ?? 0) > seats;

  function toggle(id: Id) {
    setMarked((m) => {
      const next = new Set(m);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <section className={`ballot${confirming ? ' is-confirming' : ''}`} data-testid={testId} data-participant-id={participantId} aria-label={heading}>
      <h3 className="ballot-heading">{heading}</h3>
      {hint && <p className="hint">{hint}</p>}

      {confirming && current ? (
        <div className="ballot-confirm" role="group" aria-label={t('votes:ballot.confirmTitle')}>
          <p className="ballot-confirm-label">{t('votes:ballot.youChose')}</p>
          <p className={`ballot-confirm-choice ${current.value ? VALUE_CLASS[current.value] : ''}`} data-testid="ballot-summary">
            {choiceText(poll, current, t)}
          </p>
          <div className="ballot-confirm-buttons">
            <button type="button" className="btn btn-large ballot-back" data-testid="ballot-back" disabled={busy} onClick={() => setConfirming(false)}>
              {t('votes:ballot.back')}
            </button>
            <button type="button" className="btn btn-primary btn-large ballot-send" data-testid="ballot-confirm" disabled={busy} onClick={() => onCast(current)}>
              {busy ? t('votes:ballot.sending') : t('votes:ballot.confirm')}
            </button>
          </div>
        </div>
      ) : poll.kind === 'YES_NO' ? (
        <>
          <p className="ballot-prompt">{t('votes:ballot.choose')}</p>
          <div className="ballot-values">
            {VOTE_VALUES.map((v) => (
              <button
                key={v}
                type="button"
                className={`btn btn-vote ${VALUE_CLASS[v]}`}
                data-testid={`ballot-choice-${v}`}
                disabled={busy}
                onClick={() => {
                  setChoice({ value: v });
                  setConfirming(true);
                }}
              >
                {t(`votes:value.${v}`)}
              </button>
            ))}
          </div>
        </>
      ) : poll.kind === 'ELECTION' ? (
        <>
          <p className="ballot-prompt">
            {poll.electionStyle === 'STRIKE' ? t('votes:ballot.strikeUpTo', { count: seats }) : t('votes:ballot.chooseUpTo', { count: seats })}
          </p>
          <ul className="ballot-candidates">
            {options.map((o) => {
              const on = marked.has(o.id);
              const struck = poll.electionStyle === 'STRIKE' && on;
              return (
                <li key={String(o.id)}>
                  <button
                    type="button"
                    className={`btn btn-candidate${on ? ' is-on' : ''}${struck ? ' is-struck' : ''}`}
                    aria-pressed={on}
                    data-testid={`ballot-candidate-${o.id}`}
                    disabled={busy}
                    onClick={() => toggle(o.id)}
                  >
                    <span className="candidate-box" aria-hidden="true">
                      {poll.electionStyle === 'STRIKE' ? (on ? '✗' : '') : on ? '✓' : ''}
                    </span>
                    <span className="candidate-name">{o.label}</span>
                    {struck && <span className="visually-hidden"> ({t('votes:ballot.struck')})</span>}
                  </button>
                </li>
              );
            })}
          </ul>
          <p className={`ballot-count${tooMany ? ' is-over' : ''}`} data-testid="ballot-selected" aria-live="polite">
            {tooMany ? t('votes:ballot.tooMany') : t('votes:ballot.selected', { selected: electionChoice.selected?.length ?? 0, seats })}
          </p>
          <button type="button" className="btn btn-primary btn-large" data-testid="ballot-next" disabled={busy || !complete} onClick={() => setConfirming(true)}>
            {t('votes:ballot.next')}
          </button>
        </>
      ) : (
        <>
          <p className="ballot-prompt">{t('votes:ballot.rateEach')}</p>
          <ul className="ballot-ratings">
            {options.map((o) => (
              <li key={String(o.id)} className="ballot-rating-row">
                <span className="candidate-name">{o.label}</span>
                <span className="ballot-rating-buttons" role="group" aria-label={o.label}>
                  {RATINGS.map((r) => (
                    <button
                      key={r}
                      type="button"
                      className={`btn btn-rating rating-${r.toLowerCase()}${ratings[String(o.id)] === r ? ' is-on' : ''}`}
                      aria-pressed={ratings[String(o.id)] === r}
                      data-testid={`ballot-rate-${o.id}-${r}`}
                      disabled={busy}
                      onClick={() => setRatings((x) => ({ ...x, [String(o.id)]: r }))}
                    >
                      {t(`votes:rating.${r}`)}
                    </button>
                  ))}
                </span>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-primary btn-large" data-testid="ballot-next" disabled={busy || !complete} onClick={() => setConfirming(true)}>
            {t('votes:ballot.next')}
          </button>
        </>
      )}
      {onCancel && !confirming && (
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      )}
    </section>
  );
}
