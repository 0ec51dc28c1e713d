import { useState, type FormEvent } from 'react';
import type { CountInput, Id, Poll } from '../api/types';
import { RATINGS, VOTE_VALUES } from '../api/types';
import { FormProblem } from '../components/FormProblem';
import { useNotify } from '../components/Notice';
import { type TFunction, useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useEnterCounts } from './api/polls';
import { parseCount } from './results';

/** Where figures were counted: the hall (null) or a room. */
export interface CountSource {
  endpointId: Id | null;
  name: string;
}

type Figures = Record<string, string>;

/** The inputs of a poll's figures: yes/no/abstain, or per candidate (votes, or the three ratings). */
function fieldsOf(poll: Poll, t: TFunction): { name: string; label: string }[] {
  const invalid = { name: 'invalid', label: t('votes:counts.invalid') };
  const valid = { name: 'ballots', label: t('votes:counts.valid') };
  const options = (poll.options ?? []).filter((o) => o.id != null);
  if (poll.kind === 'ELECTION') {
    return [valid, ...options.map((o) => ({ name: `o${o.id}.votes`, label: o.label ?? '' })), invalid];
  }
  if (poll.kind === 'CONFIDENCE') {
    return [
      valid,
      ...options.flatMap((o) => RATINGS.map((r) => ({ name: `o${o.id}.${r.toLowerCase()}`, label: `${o.label ?? ''} – ${t(`votes:rating.${r}`)}` }))),
      invalid,
    ];
  }
  return [...VOTE_VALUES.map((v) => ({ name: v.toLowerCase(), label: t(`votes:value.${v}`) })), invalid];
}

/** The request body from the inputs, or the names of the inputs that are not counts. */
export function countBody(poll: Poll, source: Id | null, figures: Figures): { body: CountInput } | { bad: string[] } {
  const bad: string[] = [];
  const value = (name: string) => {
    const n = parseCount(figures[name] ?? '');
    if (n === null) bad.push(name);
    return n ?? 0;
  };
  const where = source != null ? { endpointId: source } : {};
  let body: CountInput;
  if (poll.kind === 'YES_NO') {
    const yes = value('yes');
    const no = value('no');
    const abstain = value('abstain');
    const invalid = value('invalid');
    body = { ...where, yes, no, abstain, invalid, ballots: yes + no + abstain + invalid };
  } else {
    const ballots = value('ballots');
    const options: NonNullable<CountInput['options']> = {};
    for (const o of poll.options ?? []) {
      if (o.id == null) continue;
      options[String(o.id)] =
        poll.kind === 'ELECTION'
          ? { votes: value(`o${o.id}.votes`), high: 0, medium: 0, low: 0 }
          : { votes: 0, high: value(`o${o.id}.high`), medium: value(`o${o.id}.medium`), low: value(`o${o.id}.low`) };
    }
    body = { ...where, yes: 0, no: 0, abstain: 0, invalid: value('invalid'), ballots, options };
  }
  return bad.length > 0 ? { bad } : { body };
}

/**
 * "Nhập kết quả" of an analog poll (a show of hands, paper ballots): the figures of one source, the
 * hall or a room; entering them again replaces that source's figures, and the tally sums them.
 */
export function CountsForm({ meetingId, poll, sources }: { meetingId: Id; poll: Poll; sources: CountSource[] }) {
  const { t } = useI18n();
  const notify = useNotify();
  const form = useApiForm(useEnterCounts(meetingId));
  const [source, setSource] = useState<string>(sources[0]?.endpointId != null ? String(sources[0].endpointId) : '');
  const [figures, setFigures] = useState<Figures>({});
  const fields = fieldsOf(poll, t);

  function submit(e: FormEvent) {
    e.preventDefault();
    const made = countBody(poll, source === '' ? null : Number(source), figures);
    if ('bad' in made) {
      form.invalid(Object.fromEntries(made.bad.map((n) => [n, t('votes:counts.notANumber')])), t('votes:counts.notANumber'));
      return;
    }
    form.submit({ pollId: poll.id, body: made.body }, { onSuccess: () => notify(t('votes:counts.saved')) });
  }

  return (
    <form className="poll-counts" data-testid="poll-counts" onSubmit={submit} noValidate>
      <h4>{t('votes:counts.title')}</h4>
      {sources.length > 1 && (
        <label className="field field-inline">
          <span className="label-text">{t('votes:counts.source')}</span>
          <select name="countSource" value={source} onChange={(e) => setSource(e.target.value)}>
            {sources.map((s) => (
              <option key={String(s.endpointId)} value={s.endpointId != null ? String(s.endpointId) : ''}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="poll-counts-grid">
        {fields.map((f) => (
          <label key={f.name} className={`field${form.fieldErrors[f.name] ? ' has-error' : ''}`}>
            <span className="label-text">{f.label}</span>
            <input
              name={f.name}
              inputMode="numeric"
              pattern="[0-9]*"
              value={figures[f.name] ?? ''}
              aria-invalid={form.fieldErrors[f.name] ? true : undefined}
              onChange={(e) => setFigures((x) => ({ ...x, [f.name]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      <FormProblem form={form} />
      <button type="submit" className="btn btn-primary" data-testid="counts-save" disabled={form.busy}>
        {form.busy ? t('common.working') : t('votes:counts.save')}
      </button>
    </form>
  );
}
