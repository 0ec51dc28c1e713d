import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, downloadBlob, pathId } from '../../api/client';
import type { Conclusion, ConclusionInput, Conclusions, Id, Task, TaskDetail, TaskInput, TaskOverview } from '../../api/types';
import { uploadRaw } from '../../documents/api/upload';
import { queryKeys } from '../../lib/queryKeys';
import { meetingApi } from '../../meetings/api/paths';

// Conclusions and follow-up tasks (docs/minutes.md). Each task carries `can`: what the caller may
// do with it now (report, accept, return, cancel), decided by the server. The meeting's channel
// sends `tasks.changed` to those who run it; a person's own channel tells them of tasks given to
// them (src/live/); every write here also reads again what it changed.

/** `/api/tasks/{taskId}{rest}` */
export function taskApi(taskId: Id | undefined, rest = ''): string {
  return `/api/tasks/${pathId(taskId)}${rest}`;
}

/** GET /api/meetings/{id}/conclusions: the conclusions with their tasks, the counts, whether the caller manages them. */
export const conclusionsQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.conclusions(meetingId),
    queryFn: ({ signal }) => api.get<Conclusions>(meetingApi(meetingId, '/conclusions'), undefined, signal),
  });

/** GET /api/meetings/{id}/tasks/overdue: overdue tasks of the host unit's earlier meetings (agenda editors). */
export const overdueTasksQuery = (meetingId: Id) =>
  queryOptions({
    queryKey: queryKeys.meetings.overdueTasks(meetingId),
    queryFn: ({ signal }) => api.get<Task[]>(meetingApi(meetingId, '/tasks/overdue'), undefined, signal),
  });

export interface MineParams {
  /** my unit's tasks too */
  unit: boolean;
  /** unfinished only */
  open: boolean;
}

/** GET /api/tasks/mine?unit=&open=: the caller's tasks (and their unit's). */
export const myTasksQuery = (params: MineParams) =>
  queryOptions({
    queryKey: queryKeys.tasks.mine({ unit: params.unit, open: params.open }),
    queryFn: ({ signal }) => api.get<Task[]>('/api/tasks/mine', { unit: params.unit, open: params.open }, signal),
  });

/** GET /api/tasks/{id}: the task and its history. */
export const taskDetailQuery = (taskId: Id) =>
  queryOptions({
    queryKey: queryKeys.tasks.detail(taskId),
    queryFn: ({ signal }) => api.get<TaskDetail>(taskApi(taskId), undefined, signal),
  });

/** GET /api/tasks/overview: counts per responsible unit over every meeting (secretaries, chairs, admins). */
export const tasksOverviewQuery = () =>
  queryOptions({
    queryKey: queryKeys.tasks.overview(),
    queryFn: ({ signal }) => api.get<TaskOverview>('/api/tasks/overview', undefined, signal),
  });

/** After a write about a meeting's tasks: its conclusions and every task list on screen. */
function refreshTasks(client: QueryClient, meetingId: Id | undefined): void {
  if (meetingId != null) void client.invalidateQueries({ queryKey: queryKeys.meetings.conclusions(meetingId), exact: true });
  void client.invalidateQueries({ queryKey: queryKeys.tasks.all() });
}

/** POST /api/meetings/{id}/conclusions */
export function useAddConclusion(meetingId: Id) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConclusionInput) => api.post<Conclusion>(meetingApi(meetingId, '/conclusions'), body),
    onSuccess: () => refreshTasks(client, meetingId),
  });
}

/** DELETE /api/conclusions/{id} (its tasks stay, as tasks of the whole meeting). */
export function useDeleteConclusion(meetingId: Id) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (conclusionId: Id | undefined) => api.del(`/api/conclusions/${pathId(conclusionId)}`),
    onSuccess: () => refreshTasks(client, meetingId),
  });
}

/** POST /api/meetings/{id}/tasks */
export function useCreateTask(meetingId: Id) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskInput) => api.post<Task>(meetingApi(meetingId, '/tasks'), body),
    onSuccess: () => refreshTasks(client, meetingId),
  });
}

/** A task answered by a write: in its detail at once, then every list and the meeting's conclusions read again. */
function storeTask(client: QueryClient, task: Task | undefined): void {
  if (task?.id != null) client.setQueryData<TaskDetail>(queryKeys.tasks.detail(task.id), (d) => (d ? { ...d, task } : d));
  refreshTasks(client, task?.meetingId);
}

/** The steps of a task, each a POST to /api/tasks/{id}/{path} with a note. */
export type TaskStep = 'report' | 'accept' | 'return' | 'cancel';

/** POST /api/tasks/{id}/progress {progress, note}, or /report, /accept, /return, /cancel {note}. */
export function useTaskStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { taskId: Id | undefined; step: TaskStep | 'progress'; note?: string; progress?: number }) =>
      api.post<Task>(taskApi(v.taskId, `/${v.step}`), v.step === 'progress' ? { progress: v.progress, note: v.note } : { note: v.note }),
    onSuccess: (task) => storeTask(client, task),
  });
}

/** POST /api/tasks/{id}/files?fileName=: a file for the task's record (the body is the file). */
export function useAttachTaskFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { taskId: Id | undefined; file: File; onProgress: (loaded: number, total: number) => void }) =>
      uploadRaw<Task>(taskApi(v.taskId, '/files'), { fileName: v.file.name }, v.file, { onProgress: v.onProgress }),
    onSuccess: (task) => storeTask(client, task),
  });
}

/** GET /api/tasks/{id}/files/{updateId}: a file of the task's record, offered as a download. */
export async function downloadTaskFile(taskId: Id, updateId: Id, name: string): Promise<{ blob: Blob; filename: string }> {
  return downloadBlob(taskApi(taskId, `/files/${pathId(updateId)}`), name);
}
