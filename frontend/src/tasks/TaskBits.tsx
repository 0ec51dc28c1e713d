import type { Task, TaskCounts, TaskPriority, TaskState } from '../api/types';
import { formatDay } from '../format';
import { useI18n } from '../lib/i18n';
import { dueOf } from './taskLogic';

/** How the task stands against its deadline; overdue in red with the days late. */
export function DueBadge({ task }: { task: Pick<Task, 'state' | 'overdue' | 'daysLeft'> }) {
  const { t } = useI18n();
  const due = dueOf(task);
  switch (due.kind) {
    case 'overdue':
      return (
        <span className="badge badge-danger due-badge" data-testid="task-due" data-due="overdue" data-days={due.days}>
          {t('minutes:tasks.due.overdue', { count: due.days })}
        </span>
      );
    case 'today':
      return (
        <span className="badge badge-warn due-badge" data-testid="task-due" data-due="today">
          {t('minutes:tasks.due.today')}
        </span>
      );
    case 'soon':
    case 'later':
      return (
        <span className={`badge ${due.kind === 'soon' ? 'badge-warn' : 'badge-muted'} due-badge`} data-testid="task-due" data-due={due.kind} data-days={due.days}>
          {t('minutes:tasks.due.left', { count: due.days })}
        </span>
      );
    default:
      return (
        <span className={`badge ${due.kind === 'done' ? 'badge-ok' : due.kind === 'reported' ? 'badge-info' : 'badge-muted'} due-badge`} data-testid="task-due" data-due={due.kind}>
          {t(`minutes:tasks.due.${due.kind}`)}
        </span>
      );
  }
}

const STATE_CLASS: Record<TaskState, string> = {
  OPEN: 'badge-info',
  IN_PROGRESS: 'badge-info',
  REPORTED: 'badge-warn',
  DONE: 'badge-ok',
  CANCELLED: 'badge-muted',
};

export function TaskStateBadge({ state }: { state: TaskState | undefined }) {
  const { t } = useI18n();
  if (!state) return null;
  return (
    <span className={`badge ${STATE_CLASS[state]}`} data-testid="task-state" data-state={state}>
      {t(`minutes:tasks.state.${state}`)}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: TaskPriority | undefined }) {
  const { t } = useI18n();
  // a normal priority goes without saying
  if (!priority || priority === 'NORMAL') return null;
  return (
    <span className={`badge ${priority === 'URGENT' ? 'badge-danger' : priority === 'HIGH' ? 'badge-warn' : 'badge-muted'}`} data-priority={priority}>
      {t('minutes:tasks.priority')}: {t(`minutes:tasks.priorityValue.${priority}`)}
    </span>
  );
}

export function ProgressBar({ value }: { value: number | undefined }) {
  const { t } = useI18n();
  const v = Math.max(0, Math.min(100, value ?? 0));
  return (
    <span className="task-progress">
      <span className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={v} aria-label={t('minutes:tasks.progress', { n: v })}>
        <span className="progress-bar" style={{ width: `${v}%` }} />
      </span>
      <span className="task-progress-text" aria-hidden="true">
        {t('minutes:tasks.progress', { n: v })}
      </span>
    </span>
  );
}

/** Who answers for a task: the person, with their unit, or the unit alone. */
export function responsibleOf(task: Pick<Task, 'personName' | 'unitName'>): string {
  return [task.personName, task.unitName].filter(Boolean).join(' · ');
}

/**
 * One task in a list: a large button that opens its detail, with its title, who answers for it,
 * the deadline (overdue in red with the days late), state and progress.
 */
export function TaskRow({ task, onOpen, showMeeting }: { task: Task; onOpen: (task: Task) => void; showMeeting?: boolean }) {
  const { t } = useI18n();
  const due = dueOf(task);
  return (
    <li className={`task-row${due.kind === 'overdue' ? ' is-overdue' : ''}`} data-testid="task-row" data-task-id={task.id} data-state={task.state} data-overdue={due.kind === 'overdue'}>
      <button type="button" className="task-open" onClick={() => onOpen(task)}>
        <span className="task-title">{task.title}</span>
        <span className="task-meta">
          {responsibleOf(task) && <span>{t('minutes:tasks.responsible', { name: responsibleOf(task) })}</span>}
          {task.deadline && <span>{t('minutes:tasks.deadlineOn', { date: formatDay(task.deadline) })}</span>}
          {showMeeting && task.meetingTitle && <span>{t('minutes:tasks.meeting', { title: task.meetingTitle })}</span>}
        </span>
        <span className="task-badges">
          <DueBadge task={task} /> <TaskStateBadge state={task.state} /> <PriorityBadge priority={task.priority} />
        </span>
        {task.state !== 'CANCELLED' && <ProgressBar value={task.progress} />}
      </button>
    </li>
  );
}

/** The counts of a set of tasks, overdue in red when there are any. */
export function TaskCountsBar({ counts, testId = 'tasks-counts' }: { counts: TaskCounts | undefined; testId?: string }) {
  const { t } = useI18n();
  const c = counts ?? {};
  const items = [
    { key: 'total', n: c.total ?? 0 },
    { key: 'open', n: c.open ?? 0 },
    { key: 'overdue', n: c.overdue ?? 0 },
    { key: 'reported', n: c.reported ?? 0 },
    { key: 'done', n: c.done ?? 0 },
  ] as const;
  return (
    <dl className="stats task-counts" aria-label={t('minutes:tasks.counts.label')} data-testid={testId}>
      {items.map((i) => (
        <div key={i.key} className={`stat${i.key === 'overdue' && i.n > 0 ? ' is-alert' : ''}`} data-count={i.key} data-value={i.n}>
          <dt>{t(`minutes:tasks.counts.${i.key}`)}</dt>
          <dd>{i.n}</dd>
        </div>
      ))}
    </dl>
  );
}
