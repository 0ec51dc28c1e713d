import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { FormError } from '../components/Field';
import { useTitle } from '../components/useTitle';
import { formatDay } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { tasksOverviewQuery } from './api/tasks';
import { TaskCountsBar } from './TaskBits';
import { sortUnits } from './taskLogic';

const COLUMNS = ['total', 'open', 'overdue', 'reported', 'done'] as const;

/**
 * /tasks/overview: the office's view of every meeting's tasks, counted per responsible unit, the
 * units with overdue tasks first (secretaries, chairs and administrators).
 */
export function TasksOverviewPage() {
  const { t } = useI18n();
  useTitle(t('minutes:tasks.overview.title'));
  const { data, error, isPending } = useQuery(tasksOverviewQuery());
  const units = sortUnits(data?.units ?? []);

  return (
    <div className="page tasks-overview" data-testid="tasks-overview">
      <header className="page-head">
        <div>
          <p className="crumbs">
            <Link to="/tasks">{t('minutes:tasks.mine.title')}</Link>
          </p>
          <h1>{t('minutes:tasks.overview.title')}</h1>
          {data?.today && <p className="muted">{t('minutes:tasks.overview.today', { date: formatDay(data.today) })}</p>}
        </div>
      </header>
      <FormError message={error ? errorText(error, t) : null} />
      {isPending && !error && <p className="muted">{t('app.loading')}</p>}
      {data && (
        <section className="panel" aria-label={t('minutes:tasks.overview.all')}>
          <h2>{t('minutes:tasks.overview.all')}</h2>
          <TaskCountsBar counts={data.all} testId="tasks-overview-all" />
        </section>
      )}
      {data && units.length === 0 && <p className="empty">{t('minutes:tasks.overview.empty')}</p>}
      {units.length > 0 && (
        <div className="table-wrap">
          <table className="rtable" data-testid="tasks-overview-table">
            <thead>
              <tr>
                <th scope="col">{t('minutes:tasks.overview.unit')}</th>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col" className="num">
                    {t(`minutes:tasks.counts.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {units.map((u) => {
                const overdue = u.counts?.overdue ?? 0;
                return (
                  <tr key={u.unitId ?? 'none'} className={overdue > 0 ? 'is-overdue' : undefined} data-testid="tasks-overview-row" data-unit-id={u.unitId} data-overdue={overdue}>
                    <th scope="row" data-label={t('minutes:tasks.overview.unit')}>
                      {u.unitName ?? t('minutes:tasks.overview.noUnit')}
                    </th>
                    {COLUMNS.map((c) => (
                      <td key={c} data-label={t(`minutes:tasks.counts.${c}`)} className={`num${c === 'overdue' && overdue > 0 ? ' error-text' : ''}`}>
                        {u.counts?.[c] ?? 0}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
