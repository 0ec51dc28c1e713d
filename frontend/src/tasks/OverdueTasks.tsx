import { useQuery } from '@tanstack/react-query';
import type { Id, Task } from '../api/types';
import { FormProblem } from '../components/FormProblem';
import { useNotify } from '../components/Notice';
import { formatDay } from '../format';
import { i18next, useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useSaveAgendaItem } from '../meetings/api/agenda';
import { overdueTasksQuery } from './api/tasks';
import { DueBadge, responsibleOf } from './TaskBits';
import { dueOf } from './taskLogic';

/**
 * The overdue tasks of the host unit's earlier meetings, offered for this meeting's agenda: "Đưa
 * vào chương trình" adds an item to review each (through the agenda's own API). Shown to those who
 * edit the agenda, and only when there are any.
 */
export function OverdueTasks({ meetingId }: { meetingId: Id }) {
  const { t } = useI18n();
  const notify = useNotify();
  const { data } = useQuery(overdueTasksQuery(meetingId));
  const form = useApiForm(useSaveAgendaItem(meetingId));
  if (!data || data.length === 0) return null;

  function add(task: Task) {
    const due = dueOf(task);
    // the item's words are the meeting's document: in Vietnamese whatever the screen's language
    const vi = i18next.getFixedT('vi', 'minutes');
    form.submit(
      {
        body: {
          title: vi('tasks.overdue.itemTitle', { title: task.title ?? '' }),
          description: vi('tasks.overdue.itemDescription', {
            responsible: responsibleOf(task),
            date: task.deadline ? formatDay(task.deadline) : '',
            days: due.kind === 'overdue' ? due.days : 0,
            meeting: task.meetingTitle ?? '',
          }),
        },
      },
      { onSuccess: () => notify(t('minutes:tasks.overdue.added')) },
    );
  }

  return (
    <section className="panel overdue-tasks" aria-labelledby="overdue-tasks-title" data-testid="overdue-tasks">
      <h2 id="overdue-tasks-title">{t('minutes:tasks.overdue.title')}</h2>
      <p className="muted">{t('minutes:tasks.overdue.intro')}</p>
      <FormProblem form={form} />
      <ul className="plain-list">
        {data.map((task) => (
          <li key={task.id} className="overdue-task" data-testid="overdue-task" data-task-id={task.id}>
            <div>
              <strong>{task.title}</strong> <DueBadge task={task} />
              <p className="small muted">
                {[responsibleOf(task), task.deadline ? t('minutes:tasks.deadlineOn', { date: formatDay(task.deadline) }) : '', task.meetingTitle ? t('minutes:tasks.meeting', { title: task.meetingTitle }) : '']
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </div>
            <button type="button" className="btn btn-primary" data-testid="overdue-task-add" disabled={form.busy} onClick={() => add(task)}>
              {t('minutes:tasks.overdue.add')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
