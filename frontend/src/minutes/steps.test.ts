import { describe, expect, it } from 'vitest';
import { checkMinutes, cleanCms, groupDigest, looksLikeCms, minutesInput, minutesSteps, missingSigners, recipientsOf, recipientsText, type MinutesFields } from './steps';

const fields: MinutesFields = {
  number: ' 12/BB-UBND ',
  place: 'Thanh Hóa',
  date: '2026-11-23',
  title: 'BIÊN BẢN',
  subtitle: 'Họp giao ban tháng 11',
  body: '<p>Nội dung</p>',
  recipients: 'Các thành phần dự họp\n\n  Lưu: VT  \r\n',
  note: '  ',
};

describe('minutesSteps', () => {
  it('marks the steps before the state done and the state current', () => {
    expect(minutesSteps('SIGNING').map((s) => s.status)).toEqual(['done', 'done', 'current', 'todo', 'todo']);
    expect(minutesSteps('DRAFT')[0]).toEqual({ id: 'DRAFT', status: 'current' });
    expect(minutesSteps('PUBLISHED').map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
  });

  it('has nothing done before the draft', () => {
    expect(minutesSteps(undefined).every((s) => s.status === 'todo')).toBe(true);
  });
});

describe('missingSigners', () => {
  it('names who still has to sign, secretary first', () => {
    expect(missingSigners([])).toEqual(['SECRETARY', 'CHAIR']);
    expect(missingSigners(['CHAIR'])).toEqual(['SECRETARY']);
    expect(missingSigners(['SECRETARY', 'CHAIR'])).toEqual([]);
  });
});

describe('recipients', () => {
  it('one a line, blank lines left out', () => {
    expect(recipientsOf(fields.recipients)).toEqual(['Các thành phần dự họp', 'Lưu: VT']);
    expect(recipientsText(['A', 'B'])).toBe('A\nB');
    expect(recipientsText(undefined)).toBe('');
  });
});

describe('checkMinutes', () => {
  it('accepts a complete form', () => {
    expect(checkMinutes(fields)).toEqual({});
  });

  it('names the missing, too long and wrong fields', () => {
    const bad = { ...fields, number: ' ', title: 'x'.repeat(501), date: '23/11/2026', recipients: Array.from({ length: 21 }, (_, i) => `N${i}`).join('\n') };
    expect(checkMinutes(bad)).toEqual({ number: 'required', title: 'tooLong', date: 'badDate', recipients: 'tooMany' });
    expect(checkMinutes({ ...fields, recipients: 'y'.repeat(181) })).toEqual({ recipients: 'tooLong' });
  });
});

describe('minutesInput', () => {
  it('trims, splits the recipients, leaves a blank note out and sends the base version', () => {
    expect(minutesInput(fields, 7)).toEqual({
      number: '12/BB-UBND',
      place: 'Thanh Hóa',
      date: '2026-11-23',
      title: 'BIÊN BẢN',
      subtitle: 'Họp giao ban tháng 11',
      body: '<p>Nội dung</p>',
      recipients: ['Các thành phần dự họp', 'Lưu: VT'],
      note: undefined,
      version: 7,
    });
    expect(minutesInput({ ...fields, note: ' Bổ sung ý kiến ' }, 1).note).toBe('Bổ sung ý kiến');
  });
});

describe('signing by hash', () => {
  it('groups the digest by four', () => {
    expect(groupDigest('a1b2c3d4e5')).toBe('A1B2 C3D4 E5');
    expect(groupDigest(undefined)).toBe('');
  });

  it('takes the PEM armour and line breaks off the CMS', () => {
    const b64 = 'MIIB'.repeat(20);
    const pem = `-----BEGIN PKCS7-----\n${b64.slice(0, 40)}\r\n${b64.slice(40)}\n-----END PKCS7-----\n`;
    expect(cleanCms(pem)).toBe(b64);
    expect(looksLikeCms(pem)).toBe(true);
    expect(looksLikeCms('not a signature')).toBe(false);
    expect(looksLikeCms('MIIB')).toBe(false);
  });
});
