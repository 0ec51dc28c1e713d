// How a quorum rule is shown and chosen (pure; unit-tested).

import type { QuorumRule } from '../api/types';
import type { TFunction } from '../lib/i18n';

export type QuorumChoice = 'HALF' | 'TWO_THIRDS';

/** The two rules the meeting form offers: "Quá 1/2" (the default) and "Ít nhất 2/3". */
export const QUORUM_RULES: Record<QuorumChoice, Required<QuorumRule>> = {
  HALF: { numerator: 1, denominator: 2, strict: true },
  TWO_THIRDS: { numerator: 2, denominator: 3, strict: false },
};

/** Which choice of the form a rule is; OTHER for a rule set another way (kept as is on save). */
export function quorumKey(q: QuorumRule | null | undefined): QuorumChoice | 'OTHER' {
  if (!q) return 'HALF';
  if (q.numerator === 1 && q.denominator === 2 && q.strict) return 'HALF';
  if (q.numerator === 2 && q.denominator === 3) return 'TWO_THIRDS';
  return 'OTHER';
}

/** "Quá 1/2 số thành viên" / "Ít nhất 2/3 số thành viên" of a rule; "" without one. */
export function quorumText(q: QuorumRule | null | undefined, t: TFunction): string {
  if (!q || q.numerator == null || q.denominator == null) return '';
  return t(q.strict ? 'meetings:quorum.more' : 'meetings:quorum.atLeast', { n: q.numerator, d: q.denominator });
}

/** The short form of a rule in the form's select ("> 3/5", "≥ 3/5"). */
export function quorumShort(q: QuorumRule): string {
  return `${q.strict ? '>' : '≥'} ${q.numerator ?? '?'}/${q.denominator ?? '?'}`;
}
