import { describe, expect, it } from 'vitest';
import { i18next } from '../lib/i18n';
import { QUORUM_RULES, quorumKey, quorumShort, quorumText } from './quorum';

const vi = i18next.getFixedT('vi');
const en = i18next.getFixedT('en');

describe('quorum rule choice', () => {
  it('recognises the two rules of the form', () => {
    expect(quorumKey(QUORUM_RULES.HALF)).toBe('HALF');
    expect(quorumKey(QUORUM_RULES.TWO_THIRDS)).toBe('TWO_THIRDS');
    expect(quorumKey({ numerator: 2, denominator: 3, strict: true })).toBe('TWO_THIRDS');
  });

  it('defaults to "more than half" and keeps other rules apart', () => {
    expect(quorumKey(undefined)).toBe('HALF');
    expect(quorumKey(null)).toBe('HALF');
    expect(quorumKey({ numerator: 1, denominator: 2, strict: false })).toBe('OTHER');
    expect(quorumKey({ numerator: 3, denominator: 5, strict: true })).toBe('OTHER');
    expect(quorumShort({ numerator: 3, denominator: 5, strict: true })).toBe('> 3/5');
    expect(quorumShort({ numerator: 3, denominator: 5, strict: false })).toBe('≥ 3/5');
  });
});

describe('quorum texts', () => {
  it('says strict rules as "more than" and the others as "at least"', () => {
    expect(quorumText(QUORUM_RULES.HALF, vi)).toBe('Quá 1/2 số thành viên');
    expect(quorumText(QUORUM_RULES.TWO_THIRDS, vi)).toBe('Ít nhất 2/3 số thành viên');
    expect(quorumText({ numerator: 3, denominator: 4, strict: true }, en)).toBe('More than 3/4 of the members');
    expect(quorumText(undefined, vi)).toBe('');
    expect(quorumText({ strict: true }, vi)).toBe('');
  });
});
