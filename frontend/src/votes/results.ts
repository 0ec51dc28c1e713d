// Polls as the screens show them: the bars of a result, shares, the receipt check, which poll the
// room's screen shows, a ballot's completeness. Pure functions; the rules (who may vote, what is
// adopted, who is elected) are the server's: these only lay out what it answered.

import type { Choice, Id, Outcome, Poll, PollResult, Rating, ReceiptList, VoteValue } from '../api/types';

const percentFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** `part` of `whole` in per cent, two decimals at most; null when the whole is 0. */
export function share(part: number, whole: number | undefined): number | null {
  if (!whole || whole <= 0) return null;
  return Math.round((part / whole) * 10_000) / 100;
}

/** "66,67 %" (Vietnamese number style in both languages, like every number of the app). */
export function formatShare(value: number | null): string {
  return value === null ? '' : `${percentFormat.format(value)} %`;
}

/** One bar of a YES_NO result or an election: a count, its share of the rule's base. */
export interface Bar {
  key: string;
  /** a text key's last part (YES, NO, ABSTAIN) or a candidate's name */
  label: string;
  count: number;
  /** of the result's base (the rule's denominator), per cent */
  share: number | null;
  outcome?: Outcome;
}

/** One candidate of a confidence vote: three counts side by side. */
export interface RatingBar {
  key: string;
  label: string;
  counts: Record<Rating, number>;
  shares: Record<Rating, number | null>;
  outcome?: Outcome;
}

export type ResultLayout =
  | { kind: 'YES_NO'; bars: Bar[]; base: number; required: number | null }
  | { kind: 'ELECTION'; bars: Bar[]; base: number; required: number | null }
  | { kind: 'CONFIDENCE'; rows: RatingBar[]; base: number; required: number | null };

const n = (v: number | undefined | null): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * The bars of a result, from the poll's kind. Shares are of the result's `base` (what the rule
 * compares with: all members, those present, the votes cast, or yes + no), which is what the
 * decision was taken on; `required` is the count the rule needed, drawn as a mark.
 */
export function resultLayout(kind: Poll['kind'], r: PollResult): ResultLayout {
  const base = n(r.base);
  const required = r.required != null ? r.required : null;
  if (kind === 'CONFIDENCE') {
    return {
      kind,
      base,
      required,
      rows: (r.options ?? []).map((o, i) => {
        const counts = { HIGH: n(o.high), MEDIUM: n(o.medium), LOW: n(o.low) };
        return {
          key: String(o.optionId ?? i),
          label: o.label ?? '',
          counts,
          shares: { HIGH: share(counts.HIGH, base), MEDIUM: share(counts.MEDIUM, base), LOW: share(counts.LOW, base) },
          outcome: o.outcome,
        };
      }),
    };
  }
  if (kind === 'ELECTION') {
    return {
      kind,
      base,
      required,
      bars: (r.options ?? []).map((o, i) => ({
        key: String(o.optionId ?? i),
        label: o.label ?? '',
        count: n(o.votes),
        share: share(n(o.votes), base),
        outcome: o.outcome,
      })),
    };
  }
  const bar = (value: VoteValue, count: number): Bar => ({ key: value, label: value, count, share: share(count, base) });
  return { kind: 'YES_NO', base, required, bars: [bar('YES', n(r.yes)), bar('NO', n(r.no)), bar('ABSTAIN', n(r.abstain))] };
}

/** How many candidates the server found elected, tied across the last seat, or of low confidence. */
export function outcomeCounts(r: PollResult): { elected: number; tied: number; lowConfidence: number } {
  const count = (o: Outcome) => (r.options ?? []).filter((x) => x.outcome === o).length;
  return { elected: count('ELECTED'), tied: count('TIED'), lowConfidence: count('LOW_CONFIDENCE') };
}

/** A bar's width in per cent of the track: its count against the base (or the largest count). */
export function barWidth(count: number, scale: number): number {
  if (scale <= 0) return 0;
  return Math.max(0, Math.min(100, (count / scale) * 100));
}

/** The scale of a chart: the base, or the largest count when a count exceeds it (analog figures). */
export function chartScale(layout: ResultLayout): number {
  const counts =
    layout.kind === 'CONFIDENCE' ? layout.rows.flatMap((r) => [r.counts.HIGH, r.counts.MEDIUM, r.counts.LOW]) : layout.bars.map((b) => b.count);
  return Math.max(layout.base, ...counts, 0);
}

// ---- the receipt check ----

/** The same choice, whatever the order of the candidates or the keys. */
export function sameChoice(a: Choice | undefined, b: Choice | undefined): boolean {
  if (!a || !b) return false;
  if ((a.value ?? null) !== (b.value ?? null)) return false;
  const sa = [...(a.selected ?? [])].sort((x, y) => x - y).join(',');
  const sb = [...(b.selected ?? [])].sort((x, y) => x - y).join(',');
  if (sa !== sb) return false;
  const ra = a.ratings ?? {};
  const rb = b.ratings ?? {};
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (ra[k] !== rb[k]) return false;
  return true;
}

/** FOUND: in the published list with the choice made; CHANGED: there with another; MISSING: not there. */
export type ReceiptCheck = 'FOUND' | 'CHANGED' | 'MISSING';

/** Whether a receipt kept on the device is in the published list, with the choice it was cast with. */
export function checkReceipt(list: ReceiptList | undefined, receipt: string, choice: Choice | undefined): ReceiptCheck {
  const norm = (s: string | undefined) => (s ?? '').replace(/[\s-]/g, '').toUpperCase();
  const entry = (list?.entries ?? []).find((e) => norm(e.receipt) === norm(receipt));
  if (!entry) return 'MISSING';
  return choice === undefined || sameChoice(entry.choice, choice) ? 'FOUND' : 'CHANGED';
}

// ---- which poll is where ----

/** How long the room's screen keeps a published result on its stage (ms). */
export const RESULT_SHOWN_MS = 10 * 60_000;

const ms = (v: string | undefined): number => (v ? Date.parse(v) : NaN);

/**
 * The poll the room's screen shows: an open one (the last opened), else one closed and not yet
 * published, else the last published while it is recent (`now`: the server's time). Drafts never.
 */
export function stagePoll(polls: readonly Poll[] | undefined, now: number): Poll | undefined {
  const list = polls ?? [];
  const latest = (state: Poll['state'], at: (p: Poll) => number) =>
    list
      .filter((p) => p.state === state)
      .reduce<Poll | undefined>((best, p) => (!best || (at(p) || 0) > (at(best) || 0) ? p : best), undefined);
  const open = latest('OPEN', (p) => ms(p.openedAt));
  if (open) return open;
  const closed = latest('CLOSED', (p) => ms(p.closedAt));
  if (closed) return closed;
  const published = latest('PUBLISHED', (p) => ms(p.publishedAt));
  if (published && !(now - ms(published.publishedAt) > RESULT_SHOWN_MS)) return published;
  return undefined;
}

/** Time left of an open poll's countdown (ms, never below 0), or null without one. */
export function pollRemainingMs(poll: Poll, now: number): number | null {
  if (poll.state !== 'OPEN') return null;
  const end = ms(poll.closesAt);
  return Number.isNaN(end) ? null : Math.max(0, end - now);
}

/** The last seconds of a countdown, drawn in red (ms). */
const ENDING_MS = 10_000;

/** An open poll's count as the tablet and the room's screen draw it. */
export interface PollCount {
  cast: number;
  entitled: number;
  /** the bar's width: cast of entitled, per cent (0 when nobody is entitled) */
  percent: number;
  /** time left of the countdown (ms), null without one */
  remaining: number | null;
  /** the countdown is in its last seconds */
  ending: boolean;
}

export function pollCount(poll: Poll, now: number): PollCount {
  const cast = poll.cast ?? 0;
  const entitled = poll.entitled ?? 0;
  const remaining = pollRemainingMs(poll, now);
  return {
    cast,
    entitled,
    percent: entitled > 0 ? Math.min(100, (cast / entitled) * 100) : 0,
    remaining,
    ending: remaining !== null && remaining <= ENDING_MS,
  };
}

/** The principals the caller still has to vote for in a poll (none unless the server allows voting). */
export function pendingVoters(poll: Poll): NonNullable<Poll['mine']> {
  if (!poll.can?.vote) return [];
  return (poll.mine ?? []).filter((m) => !m.voted && m.participantId != null);
}

/** The poll published last, when that was less than `withinMs` ago (`now`: the server's time). */
export function lastPublished(list: readonly Poll[], now: number, withinMs: number): Poll | undefined {
  return list
    .filter((p) => p.state === 'PUBLISHED' && !!p.publishedAt && now - Date.parse(p.publishedAt) < withinMs)
    .sort((a, b) => Date.parse(b.publishedAt ?? '') - Date.parse(a.publishedAt ?? ''))[0];
}

/** How long a published result stays above the other tabs of a tablet (ms). */
const RESULT_ON_TABLET_MS = 15 * 60_000;

/** The polls a tablet shows above every other tab: the open ones it may vote in, then the last result. */
export function tabletPolls(list: readonly Poll[], now: number, withResult = true): Poll[] {
  const out: Poll[] = [];
  for (const p of list) {
    if (p.state === 'OPEN' && (p.mine?.length ?? 0) > 0 && (p.can?.vote || (p.mine ?? []).some((m) => m.voted))) out.push(p);
  }
  const published = lastPublished(list, now, RESULT_ON_TABLET_MS);
  if (published && withResult) out.push(published);
  return out;
}

// ---- a ballot being filled in ----

/** An election ballot: the candidates it votes for (CHOOSE: those ticked; STRIKE: those not struck). */
export function electionSelection(style: Poll['electionStyle'], optionIds: readonly Id[], marked: ReadonlySet<Id>): Id[] {
  return style === 'STRIKE' ? optionIds.filter((id) => !marked.has(id)) : optionIds.filter((id) => marked.has(id));
}

/**
 * Whether a choice is a whole ballot for this poll, as its data says: a value; at most `seats`
 * candidates; every candidate rated. The server checks again.
 */
export function choiceComplete(poll: Poll, choice: Choice | null): boolean {
  if (!choice) return false;
  switch (poll.kind) {
    case 'YES_NO':
      return choice.value != null;
    case 'ELECTION':
      return !!choice.selected && choice.selected.length <= (poll.seats ?? 1);
    case 'CONFIDENCE': {
      const ratings = choice.ratings ?? {};
      return (poll.options ?? []).every((o) => o.id != null && ratings[String(o.id)] != null);
    }
    default:
      return false;
  }
}

/** Figures typed in for an analog poll, as text inputs hold them; null when one is not a count. */
export function parseCount(text: string): number | null {
  const t = text.trim();
  if (t === '') return 0;
  if (!/^\d{1,6}$/.test(t)) return null;
  return Number(t);
}
