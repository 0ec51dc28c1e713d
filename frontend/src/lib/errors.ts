import { ApiError, fieldKey, isStale } from '../api/problem';
import type { TFunction } from './i18n';

/**
 * A readable message for any error thrown by the API layer. The server's own text (`detail`, else
 * `title`, both in the language the request asked for) is shown when there is one: a 409 "stale"
 * says someone else saved first, a 500 names the error id to quote to support. Otherwise a generic
 * text for the status. For a 400 with field errors, pass the fields the form shows next to its
 * inputs: the messages of the others are added so none is lost. Nothing here shows a text that is
 * not in the UI language (no English field names, no exception messages).
 */
export function errorText(err: unknown, t: TFunction, shownFields?: readonly string[]): string {
  if (!(err instanceof ApiError)) return t('error.unexpected');
  const server = err.problem.detail || err.problem.title || undefined;
  switch (err.status) {
    case 0:
      return t('error.network');
    case 400: {
      // with field errors `detail` only repeats them: they are shown next to their inputs
      if (!err.errors.length) return server ?? t('error.validation');
      const unshown = err.errors.filter((e) => !shownFields || !shownFields.includes(fieldKey(e.field)));
      return [t('error.validation'), ...unshown.map((e) => e.message || e.code)].join(' — ');
    }
    case 429:
      // the client's text counts the seconds down
      return err.retryAfter !== null ? t('login.tooMany', { count: err.retryAfter }) : (server ?? t('login.tooManyLater'));
    case 401:
      return server ?? t('error.unauthorized');
    case 403:
      return server ?? t('error.forbidden');
    case 404:
      return server ?? t('error.notFound');
    case 409:
      return server ?? t(isStale(err) ? 'error.stale' : 'error.conflict');
    case 413:
      return server ?? t('error.tooLarge');
    default:
      if (server) return server;
      return err.problem.errorId ? t('error.genericId', { status: err.status, id: err.problem.errorId }) : t('error.generic', { status: err.status });
  }
}

/** Field errors of a problem answer keyed by input name; empty for other errors. */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  return err instanceof ApiError ? err.fieldErrors() : {};
}

export interface FormMessages {
  /** per input name */
  fieldErrors: Record<string, string>;
  /** for the whole form */
  error: string | null;
}

/**
 * What a form shows for a failed write: the problem's field errors next to the inputs listed in
 * `shownFields` (after `mapFieldErrors`), and one message with the server's text or a generic one,
 * naming the field errors that have no input of their own.
 */
export function formMessages(
  err: unknown,
  t: TFunction,
  options: { shownFields?: readonly string[]; mapFieldErrors?: (errors: Record<string, string>) => Record<string, string> } = {},
): FormMessages {
  if (err === null || err === undefined) return { fieldErrors: {}, error: null };
  const fields = fieldErrorsOf(err);
  return {
    fieldErrors: options.mapFieldErrors ? options.mapFieldErrors(fields) : fields,
    error: errorText(err, t, options.shownFields),
  };
}
