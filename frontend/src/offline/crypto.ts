// Encryption at rest of what this device keeps for reading offline (Web Crypto only).
//
// - A random AES-GCM-256 *data key* per person seals the stored files, pack manifests,
//   annotations and annotation changes waiting to be sent (src/offline/db.ts).
// - The data key is stored only *wrapped*: AES-GCM under a key derived from the person's device
//   PIN with PBKDF2-SHA-256 (a random 16-byte salt, PBKDF2_ITERATIONS). A wrong PIN fails the
//   unwrap (the GCM tag does not match), which is how a wrong PIN is told from a right one.
// - Every sealed value has its own random 96-bit IV and names its row as additional data, so a
//   sealed value moved to another row (another person's, another document's) does not open.
//
// What this protects: the stored packs (among them confidential copies marked with the person's
// name) cannot be read from the browser's storage without the PIN. What it does not: a PIN has
// 10^4 to 10^8 values, so someone who copies the browser's files off the tablet can try them all
// offline (PBKDF2 only slows that down); the limit of wrong PINs (vault.ts) holds against someone
// trying through the app, not against a forensic copy.

/** 4 to 8 digits. */
export const PIN_PATTERN = /^[0-9]{4,8}$/;

export function isValidPin(pin: string): boolean {
  return PIN_PATTERN.test(pin);
}

/** PBKDF2-SHA-256 iterations for new PINs (OWASP's figure for PBKDF2-HMAC-SHA256 of 2023 is 600,000; a tablet takes about half a second for 310,000). */
export const PBKDF2_ITERATIONS = 310_000;
/** A wrapped key with fewer iterations than this is refused (a tampered record). */
export const MIN_ITERATIONS = 200_000;

/** What is stored of a wrapped data key. */
export interface WrappedKey {
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  iv: Uint8Array<ArrayBuffer>;
  wrapped: ArrayBuffer;
}

/** A sealed value: AES-GCM ciphertext with its IV and the id of the key it was sealed with. */
export interface Sealed {
  /** which key sealed it ("v:…" a person's data key, "s:…" a key of one browser session) */
  kid: string;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

export class CryptoUnavailable extends Error {
  constructor() {
    super('Web Crypto is not available (it needs https or localhost)');
    this.name = 'CryptoUnavailable';
  }
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new CryptoUnavailable();
  return s;
}

export function hasWebCrypto(): boolean {
  return !!globalThis.crypto?.subtle;
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Text as bytes (UTF-8). */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return enc.encode(text) as Uint8Array<ArrayBuffer>;
}

/** A random id ("v:3f2a91c0…"). */
export function newKid(prefix: 'v' | 's'): string {
  return `${prefix}:${Array.from(randomBytes(8), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A new random data key (extractable: it is wrapped for storage and kept raw for the session). */
export function newDataKey(): Promise<CryptoKey> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

async function pinKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const s = subtle();
  const base = await s.importKey('raw', utf8(pin), 'PBKDF2', false, ['deriveKey']);
  return s.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

/** Wrap `key` under the PIN; `context` (the person) is bound to it as additional data. */
export async function wrapDataKey(key: CryptoKey, pin: string, context: string, iterations = PBKDF2_ITERATIONS): Promise<WrappedKey> {
  if (!isValidPin(pin)) throw new Error('invalid PIN');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await pinKey(pin, salt, iterations);
  const wrapped = await subtle().wrapKey('raw', key, kek, { name: 'AES-GCM', iv, additionalData: utf8(context) });
  return { salt, iterations, iv, wrapped };
}

/** The data key, or null when the PIN is not the one it was wrapped with. */
export async function unwrapDataKey(w: WrappedKey, pin: string, context: string, minIterations = MIN_ITERATIONS): Promise<CryptoKey | null> {
  if (!isValidPin(pin) || !(w.iterations >= minIterations)) return null;
  const kek = await pinKey(pin, w.salt, w.iterations);
  try {
    return await subtle().unwrapKey('raw', w.wrapped, kek, { name: 'AES-GCM', iv: w.iv, additionalData: utf8(context) }, { name: 'AES-GCM', length: 256 }, true, [
      'encrypt',
      'decrypt',
    ]);
  } catch (e) {
    // a wrong PIN: the tag does not match
    if (e instanceof DOMException && e.name === 'OperationError') return null;
    throw e;
  }
}

/** The raw key as base64 (kept in sessionStorage for the session). */
export async function exportKey(key: CryptoKey): Promise<string> {
  const raw = new Uint8Array(await subtle().exportKey('raw', key));
  let s = '';
  for (const b of raw) s += String.fromCharCode(b);
  return btoa(s);
}

export function importKey(b64: string): Promise<CryptoKey> {
  const bin = atob(b64);
  const raw = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) raw[i] = bin.charCodeAt(i);
  return subtle().importKey('raw', raw, { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** Seal bytes; `aad` names the row they belong to. */
export async function sealBytes(key: CryptoKey, kid: string, data: ArrayBuffer | Uint8Array<ArrayBuffer>, aad: string): Promise<Sealed> {
  const iv = randomBytes(12);
  const out = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: utf8(aad) }, key, data);
  return { kid, iv, data: out };
}

/** Open sealed bytes; throws when the key, the row (`aad`) or a byte is not the one sealed. */
export function openBytes(key: CryptoKey, sealed: Sealed, aad: string): Promise<ArrayBuffer> {
  return subtle().decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: utf8(aad) }, key, sealed.data);
}

/** A value as the bytes it is sealed as (JSON, UTF-8). */
export function jsonBytes(value: unknown): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify(value));
}

/** The value of {@link jsonBytes}'s bytes. */
export function fromJsonBytes<T>(bytes: ArrayBuffer): T {
  return JSON.parse(dec.decode(bytes)) as T;
}

export function sealJson(key: CryptoKey, kid: string, value: unknown, aad: string): Promise<Sealed> {
  return sealBytes(key, kid, jsonBytes(value), aad);
}

export async function openJson<T>(key: CryptoKey, sealed: Sealed, aad: string): Promise<T> {
  return fromJsonBytes<T>(await openBytes(key, sealed, aad));
}
