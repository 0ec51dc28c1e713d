// Helpers of the offline tests (byte comparisons without Node's Buffer, which the app's types lack).

/** `needle` occurs in `hay`. */
export function bytesInclude(hay: ArrayBuffer | Uint8Array, needle: Uint8Array | string): boolean {
  const h = hay instanceof Uint8Array ? hay : new Uint8Array(hay);
  const n = typeof needle === 'string' ? new TextEncoder().encode(needle) : needle;
  outer: for (let i = 0; i + n.length <= h.length; i++) {
    for (let j = 0; j < n.length; j++) if (h[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

/** The same bytes. */
export function sameBytes(a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array): boolean {
  const x = a instanceof Uint8Array ? a : new Uint8Array(a);
  const y = b instanceof Uint8Array ? b : new Uint8Array(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
