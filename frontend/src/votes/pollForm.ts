// The poll form's values and the PollInput they make (pure): defaults per kind, the form's own
// checks (what a person can get wrong while typing; the server checks everything again).

import type { ElectionStyle, Id, MajorityBase, Poll, PollInput, PollKind, Threshold, TieRule } from '../api/types';

/** Countdown choices (seconds); 0 = none, the chair closes the poll. */
export const DURATIONS = [0, 30, 60, 120, 180, 300, 600] as const;

export interface PollFormValues {
  title: string;
  description: string;
  /** '' = no agenda item */
  itemId: string;
  kind: PollKind;
  analog: boolean;
  secret: boolean;
  allowChange: boolean;
  /** seconds, 0 = none */
  durationSeconds: number;
  seats: string;
  electionStyle: ElectionStyle;
  candidates: string[];
  base: MajorityBase;
  threshold: Threshold;
  numerator: string;
  denominator: string;
  strict: boolean;
  tie: TieRule;
}

export function emptyPoll(itemId?: Id): PollFormValues {
  return {
    title: '',
    description: '',
    itemId: itemId != null ? String(itemId) : '',
    kind: 'YES_NO',
    analog: false,
    secret: false,
    allowChange: true,
    durationSeconds: 60,
    seats: '1',
    electionStyle: 'CHOOSE',
    candidates: ['', ''],
    base: 'ALL_MEMBERS',
    threshold: 'MORE_THAN_HALF',
    numerator: '',
    denominator: '',
    strict: false,
    tie: 'NOT_ADOPTED',
  };
}

/**
 * The form after choosing another kind: elections and confidence votes are usually secret and
 * need names; a yes/no question has none.
 */
export function withKind(v: PollFormValues, kind: PollKind): PollFormValues {
  if (kind === v.kind) return v;
  const names = kind === 'YES_NO' ? v.candidates : v.candidates.length > 0 ? v.candidates : ['', ''];
  return { ...v, kind, secret: kind === 'YES_NO' ? v.secret : true, candidates: names, tie: kind === 'YES_NO' ? v.tie : 'NOT_ADOPTED' };
}

/** The form's values of an existing draft. */
export function pollValues(p: Poll): PollFormValues {
  const base = emptyPoll(p.itemId);
  const rule = p.rule ?? {};
  return {
    ...base,
    title: p.title ?? '',
    description: p.description ?? '',
    kind: p.kind ?? 'YES_NO',
    analog: !!p.analog,
    secret: !!p.secret,
    allowChange: p.allowChange !== false,
    durationSeconds: p.durationSeconds ?? 0,
    seats: p.seats != null ? String(p.seats) : '1',
    electionStyle: p.electionStyle ?? 'CHOOSE',
    candidates: (p.options ?? []).map((o) => o.label ?? ''),
    base: rule.base ?? base.base,
    threshold: rule.threshold ?? base.threshold,
    numerator: rule.threshold === 'CUSTOM' && rule.numerator != null ? String(rule.numerator) : '',
    denominator: rule.threshold === 'CUSTOM' && rule.denominator != null ? String(rule.denominator) : '',
    strict: rule.threshold === 'CUSTOM' ? !!rule.strict : false,
    tie: rule.tie ?? base.tie,
  };
}

/** Which check failed, by input name (texts are the caller's). */
export type PollFormError = 'titleRequired' | 'candidatesRequired' | 'seatsRange' | 'customRule';

const int = (s: string): number | null => (/^\d{1,6}$/.test(s.trim()) ? Number(s.trim()) : null);

/** The request body, or the errors by input name. */
export function toPollInput(v: PollFormValues, version?: number): { body: PollInput } | { errors: Record<string, PollFormError> } {
  const errors: Record<string, PollFormError> = {};
  const title = v.title.trim();
  if (!title) errors.title = 'titleRequired';
  const named = v.kind !== 'YES_NO';
  const candidates = named ? v.candidates.map((c) => c.trim()).filter(Boolean) : [];
  if (named && candidates.length === 0) errors.candidates = 'candidatesRequired';
  const seats = v.kind === 'ELECTION' ? int(v.seats) : null;
  if (v.kind === 'ELECTION' && candidates.length > 0 && (seats === null || seats < 1 || seats > candidates.length)) errors.seats = 'seatsRange';
  const custom = v.threshold === 'CUSTOM';
  const numerator = custom ? int(v.numerator) : null;
  const denominator = custom ? int(v.denominator) : null;
  if (custom && (numerator === null || denominator === null || numerator < 1 || denominator < 1 || numerator > denominator)) {
    errors.numerator = 'customRule';
  }
  if (Object.keys(errors).length > 0) return { errors };
  const description = v.description.trim();
  const body: PollInput = {
    title,
    ...(description ? { description } : {}),
    ...(v.itemId ? { itemId: Number(v.itemId) } : {}),
    kind: v.kind,
    analog: v.analog,
    // figures typed in come from a show of hands or paper: there is no electronic secret ballot
    secret: v.analog ? false : v.secret,
    allowChange: v.analog ? false : v.allowChange,
    ...(v.durationSeconds > 0 && !v.analog ? { durationSeconds: v.durationSeconds } : {}),
    ...(v.kind === 'ELECTION' ? { seats: seats ?? 1, electionStyle: v.electionStyle } : {}),
    ...(named ? { candidates } : {}),
    rule: {
      base: v.base,
      threshold: v.threshold,
      ...(custom ? { numerator: numerator ?? 1, denominator: denominator ?? 2, strict: v.strict } : {}),
      // a secret ballot cannot be decided by the chair's side (nobody knows it)
      tie: v.secret && !v.analog ? 'NOT_ADOPTED' : v.tie,
    },
    ...(version != null ? { version } : {}),
  };
  return { body };
}
