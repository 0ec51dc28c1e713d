/** Trimmed text, or null when empty (optional fields are sent as null). */
export function blankToNull(value: string): string | null {
  const v = value.trim();
  return v === '' ? null : v;
}
