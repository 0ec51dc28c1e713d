import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, isStale } from '../api/problem';
import type { Problem } from '../api/types';
import { errorText, formMessages } from './errors';
import { useI18n } from './i18n';

export interface ApiFormOptions {
  /** fields whose errors are shown next to their input; the others go into `error` */
  fields?: readonly string[];
  /** rename or merge server field errors before they are shown (e.g. numerator → quorum) */
  mapFieldErrors?: (errors: Record<string, string>) => Record<string, string>;
  /**
   * Read the edited record again after a 409 "stale" answer (someone else saved first). The form
   * then offers a "Tải lại" button ({@link ApiForm.reload}) next to the server's message. The
   * owner of the form puts the fresh record in place and renders the form with
   * `key={record.version}`, so every input starts over from the fresh data.
   */
  reload?: () => Promise<unknown>;
}

export interface ApiForm<TData, TVars> {
  /** Run the write. Clears the previous errors; `onSuccess` runs after the answer. */
  submit: (vars: TVars, options?: { onSuccess?: (data: TData) => void }) => void;
  /** the write is under way (buttons are disabled) */
  busy: boolean;
  /** the variables of the write under way or last done (which button was pressed) */
  variables: TVars | undefined;
  /** the server's problem answer of the last failed write */
  problem: Problem | null;
  /** per-field messages: the form's own checks, else the problem's `errors[]` */
  fieldErrors: Record<string, string>;
  /** the message for the whole form (server text when it has one, else a generic one) */
  error: string | null;
  /** the last write was refused because the data changed since it was read (409 "stale") */
  stale: boolean;
  /** Fetch the record again (when the form was given `reload`), then clear the error. */
  reload: (() => void) | null;
  /** the record is being read again */
  reloading: boolean;
  /** The form's own checks failed: show these field errors (and a form message) without sending. */
  invalid: (fields: Record<string, string>, message?: string | null) => void;
  /** forget errors and the last result */
  reset: () => void;
}

interface ClientErrors {
  fields: Record<string, string>;
  message: string | null;
}

/**
 * The one submit helper of every form, dialog and action button: busy while the mutation runs,
 * the problem's field errors and a readable message when it fails, all cleared by the next try
 * and after a success. A write refused as "stale" (every update sends the `version` it was based
 * on) is marked `stale` and can be recovered with `reload`. Invalidation of cached reads belongs
 * to the mutation (the feature's api/). `FormProblem` (components/FormProblem) shows `error` with
 * the "Tải lại" button.
 */
export function useApiForm<TData, TVars>(
  mutation: UseMutationResult<TData, unknown, TVars, unknown>,
  options: ApiFormOptions = {},
): ApiForm<TData, TVars> {
  const { t } = useI18n();
  const [client, setClient] = useState<ClientErrors | null>(null);
  const [reloading, setReloading] = useState(false);
  const { error: failure, mutate, reset: resetMutation } = mutation;
  const { reload } = options;

  const server = formMessages(failure, t, { shownFields: options.fields, mapFieldErrors: options.mapFieldErrors });
  const fieldErrors = client ? client.fields : server.fieldErrors;
  const error = client ? client.message : server.error;
  const stale = !client && isStale(failure);

  return {
    submit: (vars, opts) => {
      setClient(null);
      mutate(vars, { onSuccess: (data) => opts?.onSuccess?.(data) });
    },
    busy: mutation.isPending,
    variables: mutation.variables,
    problem: failure instanceof ApiError ? failure.problem : null,
    fieldErrors,
    error,
    stale,
    reload: reload
      ? () => {
          setReloading(true);
          reload()
            .then(() => {
              setClient(null);
              resetMutation();
            })
            .catch((err: unknown) => setClient({ fields: {}, message: errorText(err, t) }))
            .finally(() => setReloading(false));
        }
      : null,
    reloading,
    invalid: (fields, message = null) => {
      resetMutation();
      setClient({ fields, message });
    },
    reset: () => {
      setClient(null);
      resetMutation();
    },
  };
}
