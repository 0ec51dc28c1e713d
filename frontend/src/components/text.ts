/**
 * Trimmed text, or undefined when empty: an optional field is then left out of the JSON body,
 * which the server reads as null (the OpenAPI document has no nullable fields).
 */
export function blankToUndefined(value: string): string | undefined {
  const v = value.trim();
  return v === '' ? undefined : v;
}
