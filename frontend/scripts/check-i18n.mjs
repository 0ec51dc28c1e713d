#!/usr/bin/env node
// Checks the locale files (src/locales/<lang>/<namespace>.json) against each other; `npm run build`
// runs it and fails on any problem:
//   - a namespace file or a key that one language has and another has not;
//   - a plural key without every form its language needs (i18next's `_one` / `_other` suffixes,
//     the forms Intl.PluralRules lists: English one + other, Vietnamese other only), or with a form
//     the language never uses;
//   - a text whose {{placeholders}} differ between languages, or that still has an old-style
//     single-brace {placeholder};
//   - a value that is not a non-empty string.
// Usage: node scripts/check-i18n.mjs [localesDir]

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** { lang: { namespace: json } } read from `dir`. */
export function loadLocales(dir) {
  const resources = {};
  for (const lang of readdirSync(dir).sort()) {
    if (!statSync(join(dir, lang)).isDirectory()) continue;
    resources[lang] = {};
    for (const file of readdirSync(join(dir, lang)).sort()) {
      if (!file.endsWith('.json')) continue;
      resources[lang][file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(dir, lang, file), 'utf8'));
    }
  }
  return resources;
}

/** Flat "a.b.c" → value pairs of a nested object. */
function flatten(obj, prefix = '', out = new Map()) {
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, path, out);
    else out.set(path, v);
  }
  return out;
}

/** Names of the {{placeholders}} of a text (a format after a comma is ignored). */
export function placeholders(text) {
  const names = new Set();
  for (const m of text.matchAll(/\{\{\s*([^,}\s]+)\s*(?:,[^}]*)?\}\}/g)) names.add(m[1]);
  return names;
}

const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const show = (set) => `{${[...set].sort().join(', ')}}`;

/**
 * Problems of `resources` ({ lang: { namespace: json } }) as readable lines; none means the
 * languages agree.
 */
export function checkLocales(resources) {
  const problems = [];
  const langs = Object.keys(resources).sort();
  const namespaces = new Set(langs.flatMap((l) => Object.keys(resources[l])));

  for (const ns of [...namespaces].sort()) {
    /** lang → logical key → { forms: Map<suffix|'', text> } */
    const entries = new Map();
    for (const lang of langs) {
      const data = resources[lang][ns];
      if (data === undefined) {
        problems.push(`${lang}/${ns}.json is missing`);
        continue;
      }
      const keys = new Map();
      for (const [path, value] of flatten(data)) {
        const where = `${lang}/${ns}.json: ${path}`;
        if (typeof value !== 'string' || value.trim() === '') {
          problems.push(`${where} is not a non-empty text`);
          continue;
        }
        if (/(^|[^{])\{\w+\}(?!\})/.test(value)) problems.push(`${where} has a single-brace placeholder (write {{name}})`);
        const m = PLURAL_SUFFIX.exec(path);
        const base = m ? path.slice(0, m.index) : path;
        const forms = keys.get(base) ?? new Map();
        forms.set(m ? m[1] : '', value);
        keys.set(base, forms);
      }
      entries.set(lang, keys);
    }

    const present = [...entries.keys()];
    const allKeys = new Set(present.flatMap((l) => [...entries.get(l).keys()]));
    for (const key of [...allKeys].sort()) {
      const have = present.filter((l) => entries.get(l).has(key));
      for (const lang of present.filter((l) => !have.includes(l))) {
        problems.push(`${lang}/${ns}.json: ${key} is missing (${have.join(', ')} ${have.length > 1 ? 'have' : 'has'} it)`);
      }
      const plural = have.some((l) => [...entries.get(l).get(key).keys()].some((f) => f !== ''));
      const vars = new Map();
      for (const lang of have) {
        const forms = entries.get(lang).get(key);
        if (plural) {
          const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
          if (forms.has('')) problems.push(`${lang}/${ns}.json: ${key} is both a plain and a plural key`);
          for (const form of needed) {
            if (!forms.has(form)) problems.push(`${lang}/${ns}.json: ${key}_${form} is missing (${lang} needs ${needed.map((f) => `_${f}`).join(', ')})`);
          }
          for (const form of forms.keys()) {
            if (form !== '' && !needed.includes(form)) problems.push(`${lang}/${ns}.json: ${key}_${form} is a plural form ${lang} does not use`);
          }
        }
        const names = new Set();
        for (const text of forms.values()) for (const n of placeholders(text)) names.add(n);
        vars.set(lang, names);
      }
      const [first, ...rest] = have;
      for (const lang of rest) {
        if (!sameSet(vars.get(first), vars.get(lang))) {
          problems.push(`${ns}: ${key} has placeholders ${show(vars.get(first))} in ${first} but ${show(vars.get(lang))} in ${lang}`);
        }
      }
    }
  }
  return problems;
}

function main() {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const dir = resolve(process.argv[2] ?? join(here, '..', 'src', 'locales'));
  const resources = loadLocales(dir);
  const problems = checkLocales(resources);
  if (problems.length) {
    for (const p of problems) process.stderr.write(`check:i18n: ${p}\n`);
    process.stderr.write(`check:i18n: ${problems.length} problem(s) in ${dir}\n`);
    process.exit(1);
  }
  const count = Object.values(resources[Object.keys(resources)[0]] ?? {}).reduce((n, ns) => n + flatten(ns).size, 0);
  process.stdout.write(`check:i18n: ${Object.keys(resources).join(', ')} agree (${count} texts per language)\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
