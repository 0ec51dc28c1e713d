import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, downloadBlob } from '../../api/client';
import type {
  Id,
  Minutes,
  MinutesDiff,
  MinutesInput,
  MinutesPage,
  MinutesVerification,
  MinutesVersionSummary,
} from '../../api/types';
import { queryKeys } from '../../lib/queryKeys';
import { uploadRaw } from '../../documents/api/upload';
import { meetingApi } from '../../meetings/api/paths';
import { refreshMeeting } from '../../meetings/api/refresh';

// The minutes' API (docs/minutes.md). Every answer carries `can`: what the caller may do now, so
// the screens never decide the rules themselves. The meeting's channel sends `minutes.changed`
// (to those who run the meeting while a draft, to everyone once published), which makes the page
// stale (src/live/liveState.ts); every write also puts its answer in place at once.

/** `/api/meetings/{id}/minutes{rest}` */
export function minutesApi(meetingId: Id, rest = ''): string {
  return meetingApi(meetingId, `/minutes${rest}`);
}

/** GET /api/meetings/{id}/minutes: the minutes the caller may see (none before the draft) and `can`. */
export const minutesQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.minutes(meetingId),
    queryFn: ({ signal }) => api.get<MinutesPage>(minutesApi(meetingId), undefined, signal),
  });

/** GET …/minutes/versions: every saved version, newest first. */
export const minutesVersionsQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.minutesVersions(meetingId),
    queryFn: ({ signal }) => api.get<MinutesVersionSummary[]>(minutesApi(meetingId, '/versions'), undefined, signal),
  });

/** GET …/minutes/diff?from=&to=: what changed between two saved versions (they never change). */
export const minutesDiffQuery = (meetingId: Id, from: number, to: number) =>
  queryOptions({
    queryKey: queryKeys.meetings.minutesDiff(meetingId, from, to),
    queryFn: ({ signal }) => api.get<MinutesDiff>(minutesApi(meetingId, '/diff'), { from, to }, signal),
    staleTime: Infinity,
  });

/** GET …/minutes/verification: the current PDF's signatures checked (one file per SHA-256). */
export const minutesVerificationQuery = (meetingId: Id, sha256: string) =>
  queryOptions({
    queryKey: queryKeys.meetings.minutesVerification(meetingId, sha256),
    queryFn: ({ signal }) => api.get<MinutesVerification>(minutesApi(meetingId, '/verification'), undefined, signal),
    // the same file checks the same way
    staleTime: Infinity,
  });

/** GET …/minutes/pdf (with the token): the PDF's bytes and its file name. */
export function fetchMinutesPdf(meetingId: Id, minutesId?: Id): Promise<{ blob: Blob; filename: string }> {
  const query = minutesId != null ? `?minutesId=${encodeURIComponent(String(minutesId))}` : '';
  return downloadBlob(minutesApi(meetingId, `/pdf${query}`), 'bien-ban.pdf');
}

/**
 * POST /api/minutes/verify: any signed PDF someone holds, checked (its signatures, whether it
 * changed after them). Sent as application/pdf whatever type the device gave the file.
 */
export function verifyPdf(file: Blob, onProgress: (loaded: number, total: number) => void = () => undefined): Promise<MinutesVerification> {
  const pdf = file.type === 'application/pdf' ? file : new Blob([file], { type: 'application/pdf' });
  return uploadRaw<MinutesVerification>('/api/minutes/verify', {}, pdf, { onProgress });
}

/**
 * The minutes a write answered: in place on the page at once, then the page (its `can` changes
 * with the state), its versions and its check read again.
 */
export function storeMinutes(client: QueryClient, meetingId: Id, minutes: Minutes | undefined): void {
  if (minutes) client.setQueryData<MinutesPage>(queryKeys.meetings.minutes(meetingId), (page) => (page ? { ...page, minutes } : page));
  void client.invalidateQueries({ queryKey: queryKeys.meetings.minutes(meetingId) });
}

/** POST /api/meetings/{id}/minutes: the draft, written from the session's record. */
export function useDraftMinutes(meetingId: Id) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Minutes>(minutesApi(meetingId)),
    onSuccess: (m) => storeMinutes(client, meetingId, m),
  });
}

/** PUT /api/meetings/{id}/minutes: the edited text as the next version (409 "stale" when someone saved since). */
export function useSaveMinutes(meetingId: Id) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MinutesInput) => api.put<Minutes>(minutesApi(meetingId), body),
    onSuccess: (m) => storeMinutes(client, meetingId, m),
  });
}

/** The minutes' steps after the draft, each a POST to …/minutes/{path}. */
export type MinutesAction =
  | { action: 'approve'; version: number }
  | { action: 'send-back'; reason: string }
  | { action: 'sign' }
  | { action: 'sign/prepare' }
  | { action: 'sign/complete'; cms: string }
  | { action: 'publish' }
  | { action: 'corrections'; reason: string };

function actionBody(a: MinutesAction): unknown {
  switch (a.action) {
    case 'approve':
      return { version: a.version };
    case 'send-back':
    case 'corrections':
      return { reason: a.reason };
    case 'sign/complete':
      return { cms: a.cms };
    default:
      return undefined;
  }
}

/**
 * POST …/minutes/{approve|send-back|sign|sign/prepare|sign/complete|publish|corrections}. Publishing
 * also ends the meeting's record (MINUTES_PUBLISHED): the meeting is read again.
 */
export function useMinutesAction(meetingId: Id) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: MinutesAction) => api.post<Minutes>(minutesApi(meetingId, `/${a.action}`), actionBody(a)),
    onSuccess: (m, a) => {
      storeMinutes(client, meetingId, m);
      if (a.action === 'publish') void refreshMeeting(client, meetingId);
    },
  });
}
