import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLocales, loadLocales, placeholders } from './check-i18n.mjs';

describe('check:i18n', () => {
  it('passes on the app’s locale files', () => {
    const dir = fileURLToPath(new URL('../src/locales', import.meta.url));
    expect(checkLocales(loadLocales(dir))).toEqual([]);
  });

  it('finds a key one language lacks', () => {
    const problems = checkLocales({
      vi: { common: { a: { b: 'Một' }, c: 'Hai' } },
      en: { common: { a: { b: 'One' } } },
    });
    expect(problems).toEqual(['en/common.json: c is missing (vi has it)']);
  });

  it('finds a missing namespace file', () => {
    expect(checkLocales({ vi: { common: { a: 'x' }, admin: { b: 'y' } }, en: { common: { a: 'x' } } })).toEqual([
      'en/admin.json is missing',
    ]);
  });

  it('knows each language’s plural forms', () => {
    const ok = checkLocales({
      vi: { common: { n_other: '{{count}} người' } },
      en: { common: { n_one: '{{count}} person', n_other: '{{count}} people' } },
    });
    expect(ok).toEqual([]);
    const problems = checkLocales({
      vi: { common: { n_one: '{{count}} người', n_other: '{{count}} người' } },
      en: { common: { n_other: '{{count}} people' } },
    });
    expect(problems).toContain('en/common.json: n_one is missing (en needs _one, _other)');
    expect(problems).toContain('vi/common.json: n_one is a plural form vi does not use');
  });

  it('treats a plural key and a plain key as the same text', () => {
    expect(
      checkLocales({ vi: { common: { n: '{{count}} phút' } }, en: { common: { n_one: '{{count}} min', n_other: '{{count}} min' } } }),
    ).toEqual(['vi/common.json: n is both a plain and a plural key', 'vi/common.json: n_other is missing (vi needs _other)']);
  });

  it('compares placeholders between languages and rejects single braces', () => {
    const problems = checkLocales({
      vi: { common: { hi: 'Xin chào, {{name}}', bye: 'Tạm biệt {name}' } },
      en: { common: { hi: 'Hello, {{user}}', bye: 'Bye {name}' } },
    });
    expect(problems).toContain('common: hi has placeholders {user} in en but {name} in vi');
    expect(problems).toContain('vi/common.json: bye has a single-brace placeholder (write {{name}})');
    expect(problems).toContain('en/common.json: bye has a single-brace placeholder (write {{name}})');
  });

  it('rejects empty and non-text values', () => {
    expect(checkLocales({ vi: { common: { a: '', b: 3 } }, en: { common: { a: 'A', b: 'B' } } })).toEqual([
      'vi/common.json: a is not a non-empty text',
      'vi/common.json: b is not a non-empty text',
      'vi/common.json: a is missing (en has it)',
      'vi/common.json: b is missing (en has it)',
    ]);
  });

  it('reads placeholder names with and without a format', () => {
    expect([...placeholders('{{count, num}} điểm cầu ở {{ name }}')]).toEqual(['count', 'name']);
  });
});
