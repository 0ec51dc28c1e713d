import { describe, expect, it } from 'vitest';
import {
  MIN_ITERATIONS,
  PBKDF2_ITERATIONS,
  exportKey,
  importKey,
  isValidPin,
  newDataKey,
  openBytes,
  openJson,
  sealBytes,
  sealJson,
  unwrapDataKey,
  utf8,
  wrapDataKey,
} from './crypto';
import { bytesInclude, sameBytes } from './testing';

const FAST = 1_000;

describe('PIN', () => {
  it('takes 4 to 8 digits only', () => {
    for (const ok of ['1234', '000000', '12345678']) expect(isValidPin(ok)).toBe(true);
    for (const bad of ['123', '123456789', '12a4', ' 1234', '１２３４', '']) expect(isValidPin(bad)).toBe(false);
  });

  it('derives with PBKDF2-SHA-256 and at least 200,000 iterations by default', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(200_000);
    expect(MIN_ITERATIONS).toBe(200_000);
    const key = await newDataKey();
    const w = await wrapDataKey(key, '2468', 'hopso-vault:7');
    expect(w.iterations).toBe(PBKDF2_ITERATIONS);
    expect(w.salt.byteLength).toBe(16);
    const back = await unwrapDataKey(w, '2468', 'hopso-vault:7');
    expect(back).not.toBeNull();
    expect(await exportKey(back as CryptoKey)).toBe(await exportKey(key));
  });
});

describe('wrapping the data key', () => {
  it('unwraps with the right PIN only', async () => {
    const key = await newDataKey();
    const w = await wrapDataKey(key, '482916', 'hopso-vault:7', FAST);
    expect(await unwrapDataKey(w, '482916', 'hopso-vault:7', FAST)).not.toBeNull();
    expect(await unwrapDataKey(w, '482917', 'hopso-vault:7', FAST)).toBeNull();
    expect(await unwrapDataKey(w, '48291', 'hopso-vault:7', FAST)).toBeNull();
  });

  it("does not open another person's record with the right PIN", async () => {
    const w = await wrapDataKey(await newDataKey(), '1111', 'hopso-vault:7', FAST);
    expect(await unwrapDataKey(w, '1111', 'hopso-vault:8', FAST)).toBeNull();
  });

  it('refuses a record whose iterations were lowered', async () => {
    const w = await wrapDataKey(await newDataKey(), '1111', 'hopso-vault:7', FAST);
    expect(await unwrapDataKey(w, '1111', 'hopso-vault:7')).toBeNull();
  });

  it('uses a fresh salt and IV each time', async () => {
    const key = await newDataKey();
    const a = await wrapDataKey(key, '1111', 'c', FAST);
    const b = await wrapDataKey(key, '1111', 'c', FAST);
    expect(sameBytes(a.salt, b.salt)).toBe(false);
    expect(sameBytes(a.iv, b.iv)).toBe(false);
    expect(sameBytes(a.wrapped, b.wrapped)).toBe(false);
  });

  it('keeps the key for the session as base64 and reads it back', async () => {
    const key = await newDataKey();
    const b64 = await exportKey(key);
    expect(atob(b64)).toHaveLength(32);
    const again = await importKey(b64);
    const sealed = await sealJson(key, 'v:1', { a: 1 }, 'row');
    expect(await openJson(again, sealed, 'row')).toEqual({ a: 1 });
  });
});

describe('sealing', () => {
  it('round-trips bytes and JSON, and the ciphertext does not hold the text', async () => {
    const key = await newDataKey();
    const text = 'Tờ trình mật về dự toán ngân sách';
    const sealed = await sealBytes(key, 'v:1', utf8(text), 'file:7:31:2');
    expect(sealed.kid).toBe('v:1');
    expect(sealed.iv.byteLength).toBe(12);
    expect(bytesInclude(sealed.data, utf8(text))).toBe(false);
    expect(new TextDecoder().decode(await openBytes(key, sealed, 'file:7:31:2'))).toBe(text);
    const j = await sealJson(key, 'v:1', { note: 'Ghi chú' }, 'a');
    expect(await openJson(key, j, 'a')).toEqual({ note: 'Ghi chú' });
  });

  it('does not open a value moved to another row, changed, or under another key', async () => {
    const key = await newDataKey();
    const sealed = await sealBytes(key, 'v:1', utf8('%PDF'), 'file:7:31:2');
    await expect(openBytes(key, sealed, 'file:8:31:2')).rejects.toThrow();
    const bytes = new Uint8Array(sealed.data.slice(0));
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    await expect(openBytes(key, { ...sealed, data: bytes.buffer }, 'file:7:31:2')).rejects.toThrow();
    await expect(openBytes(await newDataKey(), sealed, 'file:7:31:2')).rejects.toThrow();
  });
});
