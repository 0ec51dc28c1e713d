// application/problem+json answers (RFC 9457) and the error every failed request becomes.
// Pure code: no fetch, no React, so it is unit-tested on its own.

import { STALE, type FieldError, type ImportRowError, type Problem } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** seconds from a Retry-After header (429) */
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get errors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  get rows(): ImportRowError[] {
    return this.problem.rows ?? [];
  }

  /** The problem's stable `code` ("stale", "meeting.wrong-state"…); "" when the answer had none. */
  get code(): string {
    return this.problem.code ?? '';
  }

  /** Field errors keyed by input name, see {@link fieldErrors}. */
  fieldErrors(): Record<string, string> {
    return fieldErrors(this.errors);
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/**
 * A write was based on data someone else has changed since (409 with code "stale"): the record
 * must be read again before the change can be made.
 */
export function isStale(err: unknown): boolean {
  return err instanceof ApiError && err.status === 409 && err.code === STALE;
}

/** The server could not be reached (no HTTP answer at all). */
export function isNetworkError(err: unknown): boolean {
  return err instanceof ApiError && err.status === 0;
}

export function networkError(): ApiError {
  return new ApiError({ status: 0, errors: [] });
}

/**
 * The input name a problem's `field` refers to: its last path segment without an index, so
 * "create.body.code", "code" and "participants[0].code" all land on the "code" input.
 */
export function fieldKey(field: string | null | undefined): string {
  if (!field) return '';
  const parts = field.split('.');
  return (parts[parts.length - 1] ?? field).replace(/\[\d+\]$/, '');
}

/** Field errors keyed by {@link fieldKey}; several messages for one field are joined with "; ". */
export function fieldErrors(errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const key = fieldKey(e.field);
    const message = e.message || e.code;
    out[key] = out[key] ? `${out[key]}; ${message}` : message;
  }
  return out;
}

/** Seconds of a Retry-After header (delta-seconds or an HTTP date); null when absent/invalid. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const n = Number.parseInt(value, 10);
  if (Number.isFinite(n)) return Math.max(0, n);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const record = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function toFieldError(v: unknown): FieldError | null {
  const o = record(v);
  if (!o) return null;
  return { field: str(o.field) ?? '', code: str(o.code) ?? '', params: record(o.params), message: str(o.message) ?? '' };
}

function toRowError(v: unknown): ImportRowError | null {
  const o = record(v);
  if (!o) return null;
  return {
    line: typeof o.line === 'number' ? o.line : 0,
    column: str(o.column),
    code: str(o.code) ?? '',
    params: record(o.params),
    reason: str(o.reason) ?? '',
  };
}

/** A Problem from any answer body: problem+json, other JSON, a short text, or nothing. */
export function toProblem(status: number, _statusText: string, body: unknown): Problem {
  const o = record(body);
  if (o) {
    return {
      type: str(o.type),
      code: str(o.code),
      // the server's localised title; never the HTTP reason phrase (English)
      title: str(o.title),
      status: typeof o.status === 'number' ? o.status : status,
      detail: str(o.detail),
      params: record(o.params),
      errors: Array.isArray(o.errors) ? o.errors.map(toFieldError).filter((e) => e !== null) : [],
      rows: Array.isArray(o.rows) ? o.rows.map(toRowError).filter((r) => r !== null) : undefined,
      errorId: str(o.errorId),
    };
  }
  // not problem+json (a proxy's or a server's error page): its text is not shown, it may be
  // English or HTML; the status alone picks the app's own message
  return { status, errors: [] };
}
