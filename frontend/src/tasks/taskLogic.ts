// What the task screens show of a task (its due line, its order in a list) and what the task form
// sends. Pure functions: the server decides overdue and days left (on Vietnam's date), the screens
// only word them.

import type { Task, TaskCounts, TaskInput, TaskPriority, TaskState, UnitTaskCounts } from '../api/types';

/** Unfinished: the responsible side still works on it, or waits for the issuer's answer. */
export function isOpen(state: TaskState | undefined): boolean {
  return state === 'OPEN' || state === 'IN_PROGRESS' || state === 'REPORTED';
}

/**
 * How a task stands against its deadline:
 * - done / cancelled: the deadline no longer matters;
 * - reported: done on the responsible side, waiting for the issuer;
 * - overdue: past the deadline (`days` late);
 * - today: due today; soon: within `SOON_DAYS`; later: further away (`days` left).
 */
export type Due =
  | { kind: 'done' | 'cancelled' | 'reported' | 'today' }
  | { kind: 'overdue'; days: number }
  | { kind: 'soon' | 'later'; days: number };

/** Within this many days a deadline is shown as near. */
export const SOON_DAYS = 3;

export function dueOf(task: Pick<Task, 'state' | 'overdue' | 'daysLeft'>): Due {
  if (task.state === 'DONE') return { kind: 'done' };
  if (task.state === 'CANCELLED') return { kind: 'cancelled' };
  const left = task.daysLeft ?? 0;
  if (task.overdue || left < 0) return { kind: 'overdue', days: Math.max(1, -left) };
  if (task.state === 'REPORTED') return { kind: 'reported' };
  if (left === 0) return { kind: 'today' };
  return { kind: left <= SOON_DAYS ? 'soon' : 'later', days: left };
}

/** The list's order: overdue first (most late first), then unfinished by deadline, then finished. */
export function sortTasks(tasks: readonly Task[]): Task[] {
  const rank = (t: Task): number => {
    const due = dueOf(t);
    if (due.kind === 'overdue') return 0;
    if (isOpen(t.state)) return 1;
    return 2;
  };
  return [...tasks].sort((a, b) => {
    const r = rank(a) - rank(b);
    if (r !== 0) return r;
    const d = (a.deadline ?? '').localeCompare(b.deadline ?? '');
    if (d !== 0) return rank(a) === 2 ? -d : d; // finished: the most recent first
    return (a.id ?? 0) - (b.id ?? 0);
  });
}

/** The counts of a list of tasks, as the server counts them (Counts). */
export function countTasks(tasks: readonly Task[]): Required<TaskCounts> {
  return {
    total: tasks.length,
    open: tasks.filter((t) => isOpen(t.state)).length,
    overdue: tasks.filter((t) => dueOf(t).kind === 'overdue').length,
    reported: tasks.filter((t) => t.state === 'REPORTED').length,
    done: tasks.filter((t) => t.state === 'DONE').length,
  };
}

/** The overview's units: overdue first (the most first), then by name (Vietnamese order). */
export function sortUnits(units: readonly UnitTaskCounts[]): UnitTaskCounts[] {
  return [...units].sort((a, b) => {
    const o = (b.counts?.overdue ?? 0) - (a.counts?.overdue ?? 0);
    if (o !== 0) return o;
    return (a.unitName ?? '').localeCompare(b.unitName ?? '', 'vi');
  });
}

/** Progress as a whole percentage between 0 and 100 (what the server takes). */
export function clampProgress(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}

/** What the task form holds. */
export interface TaskFields {
  title: string;
  detail: string;
  unitId: number | null;
  personId: number | null;
  deadline: string;
  priority: TaskPriority;
}

export type TaskProblem = 'required' | 'tooLong' | 'badDate' | 'pastDate' | 'needResponsible';

/** What is wrong with the form before it is sent (field → problem); `today` is Vietnam's date. */
export function checkTask(f: TaskFields, today: string): Record<string, TaskProblem> {
  const out: Record<string, TaskProblem> = {};
  const title = f.title.trim();
  if (title === '') out.title = 'required';
  else if (title.length > 500) out.title = 'tooLong';
  if (f.detail.trim().length > 4000) out.detail = 'tooLong';
  if (f.unitId == null && f.personId == null) out.unitId = 'needResponsible';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.deadline) || Number.isNaN(Date.parse(`${f.deadline}T00:00:00Z`))) out.deadline = 'badDate';
  else if (f.deadline < today) out.deadline = 'pastDate';
  return out;
}

/** The POST body of the form, for a conclusion (or none: a task of the whole meeting). */
export function taskInput(f: TaskFields, conclusionId: number | undefined): TaskInput {
  const detail = f.detail.trim();
  return {
    conclusionId,
    title: f.title.trim(),
    detail: detail === '' ? undefined : detail,
    unitId: f.unitId ?? undefined,
    personId: f.personId ?? undefined,
    deadline: f.deadline,
    priority: f.priority,
  };
}

/** A file's size for people: "820 KB", "3,4 MB" (Vietnamese decimal comma). */
export function fileSize(bytes: number | undefined): string {
  if (bytes == null || !Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${(Math.round(mb * 10) / 10).toString().replace('.', ',')} MB`;
}
