import { useState, type FormEvent } from 'react';
import type { Id, Poll, RunItem } from '../api/types';
import { ELECTION_STYLES, MAJORITY_BASES, POLL_KINDS, THRESHOLDS, TIE_RULES } from '../api/types';
import { Dialog } from '../components/Dialog';
import { CheckboxField, SelectField, TextField } from '../components/Field';
import { FormProblem } from '../components/FormProblem';
import { useNotify } from '../components/Notice';
import { Segmented } from '../components/Segmented';
import { useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useSavePoll } from './api/polls';
import { DURATIONS, type PollFormValues, emptyPoll, pollValues, toPollInput, withKind } from './pollForm';

const FIELDS = ['title', 'description', 'itemId', 'kind', 'durationSeconds', 'seats', 'electionStyle', 'candidates', 'base', 'threshold', 'numerator', 'denominator', 'tie'];

/**
 * Create a poll (a draft) or edit a draft: the question, yes/no or election (candidates, seats,
 * tick or strike) or confidence vote, electronic or analog, named or secret, the countdown and the
 * majority rule (base, threshold, tie).
 */
export function PollFormDialog({
  meetingId,
  poll,
  items,
  defaultItemId,
  onClose,
}: {
  meetingId: Id;
  /** the draft being edited; none: a new poll */
  poll?: Poll;
  /** the meeting's agenda items, to attach the poll to one */
  items: readonly RunItem[];
  defaultItemId?: Id;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const notify = useNotify();
  const form = useApiForm(useSavePoll(meetingId), { fields: FIELDS });
  const [v, setV] = useState<PollFormValues>(() => (poll ? pollValues(poll) : emptyPoll(defaultItemId)));
  const set = <K extends keyof PollFormValues>(key: K, value: PollFormValues[K]) => setV((x) => ({ ...x, [key]: value }));
  /** A choice among one of the rule's or election's enums, each value worded by `word`. */
  const enumSelect = <K extends 'electionStyle' | 'base' | 'threshold' | 'tie'>(
    key: K,
    label: string,
    values: readonly PollFormValues[K][],
    word: (value: PollFormValues[K]) => string,
  ) => (
    <SelectField label={label} name={key} value={v[key]} error={form.fieldErrors[key]} onChange={(e) => set(key, e.target.value as PollFormValues[K])}>
      {values.map((x) => (
        <option key={x} value={x}>
          {word(x)}
        </option>
      ))}
    </SelectField>
  );
  /** A whole number typed in: the seats of an election, the terms of a custom fraction. */
  const numberField = (key: 'seats' | 'numerator' | 'denominator', label: string) => (
    <TextField label={label} name={key} inputMode="numeric" value={v[key]} error={form.fieldErrors[key]} onChange={(e) => set(key, e.target.value)} />
  );
  const named = v.kind !== 'YES_NO';

  function submit(e: FormEvent) {
    e.preventDefault();
    const made = toPollInput(v, poll?.version);
    if ('errors' in made) {
      form.invalid(Object.fromEntries(Object.entries(made.errors).map(([k, code]) => [k, t(`votes:form.${code}`)])));
      return;
    }
    form.submit(
      { pollId: poll?.id, body: made.body },
      {
        onSuccess: () => {
          notify(t('votes:form.saved'));
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title={poll ? t('votes:form.editTitle') : t('votes:form.createTitle')} onClose={onClose} testId="poll-form" wide>
      <form className="poll-form" onSubmit={submit} noValidate>
        <TextField
          label={t('votes:form.title')}
          name="title"
          required
          value={v.title}
          hint={t('votes:form.titleHint')}
          error={form.fieldErrors.title}
          onChange={(e) => set('title', e.target.value)}
          autoFocus
        />
        <SelectField label={t('votes:form.item')} name="itemId" value={v.itemId} error={form.fieldErrors.itemId} onChange={(e) => set('itemId', e.target.value)}>
          <option value="">{t('votes:form.itemNone')}</option>
          {items.map((i) => (
            <option key={String(i.id)} value={String(i.id)}>
              {i.number ? `${i.number}. ` : ''}
              {i.title}
            </option>
          ))}
        </SelectField>

        <fieldset className="poll-form-group">
          <legend>{t('votes:form.kind')}</legend>
          <Segmented
            label={t('votes:form.kind')}
            value={v.kind}
            onChange={(kind) => setV((x) => withKind(x, kind))}
            options={POLL_KINDS.map((k) => ({ value: k, label: t(`votes:kind.${k}`), testId: `poll-kind-${k}` }))}
          />
        </fieldset>

        <fieldset className="poll-form-group">
          <legend>{t('votes:form.method')}</legend>
          <Segmented
            label={t('votes:form.method')}
            value={v.analog ? 'analog' : 'electronic'}
            onChange={(m) => set('analog', m === 'analog')}
            options={[
              { value: 'electronic', label: t('votes:form.electronic'), testId: 'poll-method-electronic' },
              { value: 'analog', label: t('votes:form.analog'), testId: 'poll-method-analog' },
            ]}
          />
          {!v.analog && <CheckboxField label={t('votes:form.secret')} name="secret" checked={v.secret} onChange={(c) => set('secret', c)} />}
          {!v.analog && <CheckboxField label={t('votes:form.allowChange')} name="allowChange" checked={v.allowChange} onChange={(c) => set('allowChange', c)} />}
          {!v.analog && (
            <SelectField
              label={t('votes:form.duration')}
              name="durationSeconds"
              value={String(v.durationSeconds)}
              error={form.fieldErrors.durationSeconds}
              onChange={(e) => set('durationSeconds', Number(e.target.value))}
            >
              {DURATIONS.map((s) => (
                <option key={s} value={s}>
                  {s === 0 ? t('votes:form.durationNone') : s < 60 ? t('votes:form.seconds', { count: s }) : t('votes:form.minutes', { count: s / 60 })}
                </option>
              ))}
            </SelectField>
          )}
        </fieldset>

        {named && (
          <fieldset className="poll-form-group" data-testid="poll-candidates">
            <legend>{t('votes:form.candidates')}</legend>
            {v.kind === 'ELECTION' && (
              <div className="poll-form-row">
                {numberField('seats', t('votes:form.seats'))}
                {enumSelect('electionStyle', t('votes:form.style'), ELECTION_STYLES, (x) => t(`votes:style.${x}`))}
              </div>
            )}
            <ol className="poll-candidate-inputs">
              {v.candidates.map((c, i) => (
                <li key={i}>
                  <input
                    name={`candidate-${i}`}
                    aria-label={t('votes:form.candidate', { number: i + 1 })}
                    placeholder={t('votes:form.candidate', { number: i + 1 })}
                    value={c}
                    onChange={(e) => set('candidates', v.candidates.map((x, j) => (j === i ? e.target.value : x)))}
                  />
                  <button
                    type="button"
                    className="btn btn-small btn-danger-outline"
                    aria-label={t('votes:form.removeCandidate', { number: i + 1 })}
                    onClick={() => set('candidates', v.candidates.filter((_, j) => j !== i))}
                  >
                    <span aria-hidden="true">✕</span>
                  </button>
                </li>
              ))}
            </ol>
            {form.fieldErrors.candidates && (
              <p className="field-error" data-testid="field-error" data-field="candidates">
                {form.fieldErrors.candidates}
              </p>
            )}
            <button type="button" className="btn btn-small" data-testid="poll-add-candidate" onClick={() => set('candidates', [...v.candidates, ''])}>
              + {t('votes:form.addCandidate')}
            </button>
          </fieldset>
        )}

        <fieldset className="poll-form-group">
          <legend>{t('votes:form.rule')}</legend>
          <div className="poll-form-row">
            {enumSelect('base', t('votes:form.base'), MAJORITY_BASES, (x) => t(`votes:base.${x}`))}
            {enumSelect('threshold', t('votes:form.threshold'), THRESHOLDS, (x) => t(`votes:threshold.${x}`))}
          </div>
          {v.threshold === 'CUSTOM' && (
            <div className="poll-form-row">
              {numberField('numerator', t('votes:form.numerator'))}
              {numberField('denominator', t('votes:form.denominator'))}
              <CheckboxField label={t('votes:form.strict')} name="strict" checked={v.strict} onChange={(c) => set('strict', c)} />
            </div>
          )}
          {v.kind === 'YES_NO' &&
            (v.secret && !v.analog ? (
              <p className="hint">{t('votes:form.tieSecret')}</p>
            ) : (
              enumSelect('tie', t('votes:form.tie'), TIE_RULES, (x) => t(`votes:tie.${x}`))
            ))}
        </fieldset>

        <TextField label={t('votes:form.description')} name="description" optional value={v.description} error={form.fieldErrors.description} onChange={(e) => set('description', e.target.value)} />

        <FormProblem form={form} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={form.busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="poll-save" disabled={form.busy}>
            {form.busy ? t('common.working') : t('votes:form.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
