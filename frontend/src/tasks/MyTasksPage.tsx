import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { FormError } from '../components/Field';
import { Segmented } from '../components/Segmented';
import { useTitle } from '../components/useTitle';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { routeId } from '../lib/routeId';
import { myTasksQuery } from './api/tasks';
import { TaskCountsBar, TaskRow } from './TaskBits';
import { TaskDialog } from './TaskDialog';
import { countTasks, sortTasks } from './taskLogic';

/** Roles that see the office's overview of tasks per unit. */
export const OVERVIEW_ROLES = ['SECRETARY', 'CHAIR', 'ADMIN'] as const;

type Whose = 'mine' | 'unit';
type Which = 'open' | 'all';

/**
 * /tasks "Nhiệm vụ của tôi": the tasks given to the signed-in person (and, on request, to their
 * unit), unfinished ones or all, overdue first in red with the days late. A task opens in a dialog
 * (kept in ?task=, so that a link can open it) with its history, the progress report and, for those
 * who gave it, accept and return.
 */
export function MyTasksPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  useTitle(t('minutes:tasks.mine.title'));
  const [params, setParams] = useSearchParams();
  const whose: Whose = params.get('unit') === '1' ? 'unit' : 'mine';
  const which: Which = params.get('all') === '1' ? 'all' : 'open';
  const openId = routeId(params.get('task') ?? undefined);
  const { data, error, isPending } = useQuery(myTasksQuery({ unit: whose === 'unit', open: which === 'open' }));
  const tasks = sortTasks(data ?? []);
  const opened = openId != null ? tasks.find((x) => x.id === openId) : undefined;

  function setParam(name: string, value: string | null) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: name !== 'task' },
    );
  }

  return (
    <div className="page tasks-page" data-testid="my-tasks">
      <header className="page-head">
        <h1>{t('minutes:tasks.mine.title')}</h1>
        {hasRole(...OVERVIEW_ROLES) && (
          <Link to="/tasks/overview" className="btn" data-testid="tasks-overview-link">
            {t('minutes:tasks.mine.overview')}
          </Link>
        )}
      </header>
      <div className="toolbar">
        <Segmented
          label={t('minutes:tasks.mine.which')}
          value={whose}
          onChange={(v) => setParam('unit', v === 'unit' ? '1' : null)}
          options={[
            { value: 'mine', label: t('minutes:tasks.mine.mine'), testId: 'tasks-mine' },
            { value: 'unit', label: t('minutes:tasks.mine.unit'), testId: 'tasks-unit' },
          ]}
        />
        <Segmented
          label={t('minutes:tasks.mine.filter')}
          value={which}
          onChange={(v) => setParam('all', v === 'all' ? '1' : null)}
          options={[
            { value: 'open', label: t('minutes:tasks.mine.openOnly'), testId: 'tasks-open' },
            { value: 'all', label: t('minutes:tasks.mine.all'), testId: 'tasks-all' },
          ]}
        />
      </div>
      <FormError message={error ? errorText(error, t) : null} />
      {isPending && !error && <p className="muted">{t('app.loading')}</p>}
      {data && (
        <section className="panel" aria-label={t('minutes:tasks.counts.label')}>
          <TaskCountsBar counts={countTasks(tasks)} />
        </section>
      )}
      {data && tasks.length === 0 && (
        <p className="empty" data-testid="tasks-empty">
          {t('minutes:tasks.mine.empty')}
        </p>
      )}
      {tasks.length > 0 && (
        <ul className="task-list" data-testid="task-list">
          {tasks.map((task) => (
            <TaskRow key={task.id} task={task} showMeeting onOpen={(x) => setParam('task', String(x.id))} />
          ))}
        </ul>
      )}
      {openId != null && <TaskDialog taskId={openId} initial={opened} onClose={() => setParam('task', null)} />}
    </div>
  );
}
