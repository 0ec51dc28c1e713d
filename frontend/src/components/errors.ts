import { ApiError, fieldKey } from '../api';
import type { TFunction } from '../i18n';

/**
 * A readable message for any error thrown by the API layer. For a 400 with field errors, pass the
 * fields the form shows next to its inputs: the others are added to the message so none is lost.
 */
export function errorText(err: unknown, t: TFunction, shownFields?: readonly string[]): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const detail = err.problem.detail;
  switch (err.status) {
    case 0:
      return t('error.network');
    case 400: {
      if (!err.errors.length) return detail || err.problem.title || t('error.validation');
      const unshown = err.errors.filter((e) => !shownFields || !shownFields.includes(fieldKey(e.field)));
      const extra = unshown.map((e) => (e.field ? `${fieldKey(e.field)}: ${e.message}` : e.message));
      return [t('error.validation'), ...extra].join(' — ');
    }
    case 401:
      return t('error.unauthorized');
    case 403:
      return t('error.forbidden');
    case 404:
      return detail || t('error.notFound');
    case 409:
      return detail || t('error.conflict');
    case 413:
      return t('error.tooLarge');
    case 429:
      return err.retryAfter !== null ? t('login.tooMany', { seconds: err.retryAfter }) : t('login.tooManyLater');
    default:
      return detail || t('error.generic', { status: err.status });
  }
}

/** Field errors of a 400 answer keyed by field name; empty for other errors. */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  return err instanceof ApiError ? err.fieldErrors() : {};
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
