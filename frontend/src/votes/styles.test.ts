import { describe, expect, it } from 'vitest';
import styles from '../styles.css?raw';

/** The selectors of every rule between `start` and the next section comment (or the end). */
function selectorsOf(css: string, start: string): string[] {
  const from = css.indexOf(start);
  if (from < 0) throw new Error(`no section ${start}`);
  const rest = css.slice(from + start.length);
  const end = rest.search(/\/\* -{3,}/);
  const section = (end < 0 ? rest : rest.slice(0, end)).replace(/\/\*[\s\S]*?\*\//g, '');
  return [...section.matchAll(/([^{}]+)\{[^{}]*\}/g)].flatMap((m) => (m[1] ?? '').split(',').map((s) => s.trim().replace(/\s+/g, ' ')));
}

describe('the room screen styles of a poll', () => {
  it('apply to the room screen only (its light-on-dark colours must not reach the tablets)', () => {
    const selectors = selectorsOf(styles, "/* the room's screen: a poll on the stage */");
    expect(selectors.length).toBeGreaterThan(10);
    expect(selectors.filter((s) => !/\.(is-display|display-)/.test(s))).toEqual([]);
  });
});
