// The minutes' steps as the stepper shows them, and what the edit form sends. Pure functions.

import type { MinutesInput, MinutesState, SignerRole } from '../api/types';

/** The steps of the minutes' life, in order (the last four are the states after the draft). */
export const STEPS = ['DRAFT', 'APPROVED', 'SIGNING', 'SIGNED', 'PUBLISHED'] as const satisfies readonly MinutesState[];

export type StepStatus = 'done' | 'current' | 'todo';

export interface Step {
  id: MinutesState;
  status: StepStatus;
}

/**
 * Each step's status for minutes in `state` (none yet: nothing done, the draft is next). Published
 * minutes have every step done.
 */
export function minutesSteps(state: MinutesState | undefined): Step[] {
  const at = state ? STEPS.indexOf(state) : -1;
  const last = state === 'PUBLISHED';
  return STEPS.map((id, i) => ({ id, status: i < at || last ? 'done' : i === at ? 'current' : 'todo' }));
}

/** The roles that still have to sign, in the order the signature row shows them (secretary left, chair right). */
export function missingSigners(signed: readonly (SignerRole | undefined)[]): SignerRole[] {
  return (['SECRETARY', 'CHAIR'] as const).filter((r) => !signed.includes(r));
}

/** The recipients as the form edits them: one a line. */
export function recipientsText(recipients: readonly string[] | undefined): string {
  return (recipients ?? []).join('\n');
}

/** The recipients of the form's text: one a line, blank lines and spaces around left out. */
export function recipientsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** What the edit form holds (all text, as the inputs have it). */
export interface MinutesFields {
  number: string;
  place: string;
  date: string;
  title: string;
  subtitle: string;
  body: string;
  recipients: string;
  note: string;
}

/** The server's limits on the fields (MinutesViews.MinutesInput), checked before sending. */
export const LIMITS = { number: 64, place: 500, title: 500, subtitle: 500, recipients: 20, recipient: 180, note: 500, reason: 1000 } as const;

/** What is wrong with the form before it is sent: field → 'required' | 'tooLong' | 'badDate' | 'tooMany'. */
export function checkMinutes(f: MinutesFields): Record<string, 'required' | 'tooLong' | 'badDate' | 'tooMany'> {
  const out: Record<string, 'required' | 'tooLong' | 'badDate' | 'tooMany'> = {};
  for (const key of ['number', 'place', 'title', 'subtitle'] as const) {
    const v = f[key].trim();
    if (v === '') out[key] = 'required';
    else if (v.length > LIMITS[key]) out[key] = 'tooLong';
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date) || Number.isNaN(Date.parse(`${f.date}T00:00:00Z`))) out.date = 'badDate';
  const recipients = recipientsOf(f.recipients);
  if (recipients.length > LIMITS.recipients) out.recipients = 'tooMany';
  else if (recipients.some((r) => r.length > LIMITS.recipient)) out.recipients = 'tooLong';
  return out;
}

/** The PUT body of the form, based on the version the editor started from. */
export function minutesInput(f: MinutesFields, version: number): MinutesInput {
  const note = f.note.trim();
  return {
    number: f.number.trim(),
    place: f.place.trim(),
    date: f.date,
    title: f.title.trim(),
    subtitle: f.subtitle.trim(),
    body: f.body,
    recipients: recipientsOf(f.recipients),
    note: note === '' ? undefined : note,
    version,
  };
}

/** The digest in groups of four characters, easier to read out and compare on a token's screen. */
export function groupDigest(hex: string | undefined): string {
  return (hex ?? '').replace(/\s+/g, '').toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The CMS signature as the server takes it (base64 of the DER): a PEM armour ("-----BEGIN PKCS7-----"
 * and its end line) is taken off, as are line breaks and spaces a signing tool or an email adds.
 */
export function cleanCms(text: string): string {
  return text
    .replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '')
    .replace(/\s+/g, '');
}

/** Whether the text could be a base64 CMS signature at all (the server checks the rest). */
export function looksLikeCms(text: string): boolean {
  const b64 = cleanCms(text);
  return b64.length >= 64 && b64.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(b64);
}
