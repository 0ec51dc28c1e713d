import { describe, expect, it } from 'vitest';
import { NAMESPACES, currentLang, i18next } from './i18n';

const vi = i18next.getFixedT('vi', NAMESPACES);
const en = i18next.getFixedT('en', NAMESPACES);

describe('i18n', () => {
  it('starts in Vietnamese', () => {
    expect(currentLang()).toBe('vi');
  });

  it('picks the English plural form from count', () => {
    expect(en('count.people', { count: 1 })).toBe('1 person');
    expect(en('count.people', { count: 2 })).toBe('2 people');
    expect(en('count.people', { count: 0 })).toBe('0 people');
    expect(en('meetings:rooms.addList', { count: 1 })).toBe('Add 1 chosen endpoint');
  });

  it('has one form in Vietnamese', () => {
    expect(vi('count.people', { count: 1 })).toBe('1 người');
    expect(vi('count.endpoints', { count: 356 })).toBe('356 điểm cầu');
  });

  it('writes numbers in texts the Vietnamese way in both languages', () => {
    expect(vi('count.endpoints', { count: 1234 })).toBe('1.234 điểm cầu');
    expect(en('count.endpoints', { count: 1234 })).toBe('1.234 endpoints');
  });

  it('fills {{placeholders}} without escaping (React escapes)', () => {
    expect(vi('home.greeting', { name: 'Lê <Văn> A' })).toBe('Xin chào, Lê <Văn> A');
  });
});
