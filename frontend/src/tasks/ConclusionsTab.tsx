import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { AgendaItem, Conclusion, Id, Task } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormError, SelectField } from '../components/Field';
import { FormProblem } from '../components/FormProblem';
import { useNotify } from '../components/Notice';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useLiveFallback } from '../live/hooks';
import { agendaQuery } from '../meetings/api/agenda';
import type { MeetingTabProps } from '../meetings/MeetingPage';
import { conclusionsQuery, useAddConclusion, useDeleteConclusion } from './api/tasks';
import { TaskCountsBar, TaskRow } from './TaskBits';
import { TaskDialog } from './TaskDialog';
import { TaskFormDialog } from './TaskFormDialog';
import { sortTasks } from './taskLogic';

interface FlatItem {
  id: number;
  number: string;
  title: string;
}

/** The agenda's items in order, sub-items after their parent. */
function flatten(items: readonly AgendaItem[] | undefined, out: FlatItem[] = []): FlatItem[] {
  for (const i of items ?? []) {
    if (i.id != null) out.push({ id: i.id, number: i.number ?? '', title: i.title ?? '' });
    flatten(i.children, out);
  }
  return out;
}

interface Group {
  key: string;
  title: string;
  conclusions: Conclusion[];
}

/** Conclusions by agenda item, in the agenda's order; those of the whole meeting (or of an item no longer there) last. */
function groupConclusions(conclusions: readonly Conclusion[], items: readonly FlatItem[], itemLabel: (i: FlatItem) => string, general: string): Group[] {
  const groups: Group[] = [];
  for (const item of items) {
    const list = conclusions.filter((c) => c.itemId === item.id);
    if (list.length) groups.push({ key: `item-${item.id}`, title: itemLabel(item), conclusions: list });
  }
  const known = new Set(items.map((i) => i.id));
  const rest = conclusions.filter((c) => c.itemId == null || !known.has(c.itemId));
  if (rest.length) groups.push({ key: 'general', title: general, conclusions: rest });
  return groups;
}

type DialogState = { kind: 'task'; conclusion?: Conclusion } | { kind: 'delete'; conclusion: Conclusion } | { kind: 'open'; task: Task } | null;

/**
 * "Kết luận & nhiệm vụ": the meeting's conclusions per agenda item, the tasks each gives (to a unit,
 * a person or both, with a deadline), and the counts with the overdue ones in red. Those who run
 * the meeting (`canManage`) add conclusions and give tasks; participants read them.
 */
export function ConclusionsTab({ meetingId }: MeetingTabProps) {
  const { t } = useI18n();
  const fallback = useLiveFallback(meetingId);
  const { data, error } = useQuery({ ...conclusionsQuery(meetingId), ...fallback });
  const agenda = useQuery(agendaQuery(meetingId));
  const items = flatten(agenda.data?.items);
  const [dialog, setDialog] = useState<DialogState>(null);
  const deleteConclusion = useDeleteConclusion(meetingId);
  const manage = !!data?.canManage;
  const itemLabel = (i: FlatItem) => t('minutes:tasks.item', { number: i.number, title: i.title });
  const groups = groupConclusions(data?.conclusions ?? [], items, itemLabel, t('minutes:tasks.general'));
  const loose = data?.looseTasks ?? [];
  const open = (task: Task) => setDialog({ kind: 'open', task });

  return (
    <div className="conclusions-tab" data-testid="conclusions-tab">
      <FormError message={error ? errorText(error, t) : null} />
      {!data && !error && <p className="muted">{t('app.loading')}</p>}
      {data && (
        <section className="panel" aria-label={t('minutes:tasks.counts.label')}>
          <TaskCountsBar counts={data.counts} />
        </section>
      )}
      {manage && <AddConclusion meetingId={meetingId} items={items} itemLabel={itemLabel} />}

      {data && groups.length === 0 && (
        <p className="empty" data-testid="conclusions-empty">
          {t('minutes:tasks.noConclusions')}
        </p>
      )}
      {groups.map((g) => (
        <section key={g.key} className="panel conclusion-group" aria-label={g.title} data-testid="conclusion-group">
          <h2>{g.title}</h2>
          <ol className="plain-list">
            {g.conclusions.map((c) => (
              <li key={c.id} className="conclusion" data-testid="conclusion" data-conclusion-id={c.id}>
                <p className="conclusion-text pre-line">{c.text}</p>
                {(c.tasks?.length ?? 0) > 0 && (
                  <ul className="task-list">
                    {sortTasks(c.tasks ?? []).map((task) => (
                      <TaskRow key={task.id} task={task} onOpen={open} />
                    ))}
                  </ul>
                )}
                {manage && (
                  <div className="btn-row wrap">
                    <button type="button" className="btn btn-primary" data-testid="task-add" onClick={() => setDialog({ kind: 'task', conclusion: c })}>
                      + {t('minutes:tasks.add')}
                    </button>
                    <button type="button" className="btn btn-danger-outline" data-testid="conclusion-delete" onClick={() => setDialog({ kind: 'delete', conclusion: c })}>
                      {t('minutes:tasks.deleteConclusion')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}

      {data && (loose.length > 0 || manage) && (
        <section className="panel" aria-labelledby="loose-tasks-title" data-testid="loose-tasks">
          <h2 id="loose-tasks-title">{t('minutes:tasks.loose')}</h2>
          {loose.length === 0 && <p className="muted">{t('minutes:tasks.noTasks')}</p>}
          <ul className="task-list">
            {sortTasks(loose).map((task) => (
              <TaskRow key={task.id} task={task} onOpen={open} />
            ))}
          </ul>
          {manage && (
            <button type="button" className="btn" data-testid="task-add-loose" onClick={() => setDialog({ kind: 'task' })}>
              + {t('minutes:tasks.add')}
            </button>
          )}
        </section>
      )}

      {dialog?.kind === 'task' && <TaskFormDialog meetingId={meetingId} conclusion={dialog.conclusion} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'open' && dialog.task.id != null && <TaskDialog taskId={dialog.task.id} initial={dialog.task} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('minutes:tasks.deleteConclusion')}
          message={t('minutes:tasks.deleteConclusionConfirm', { text: dialog.conclusion.text ?? '' })}
          confirmLabel={t('common.delete')}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await deleteConclusion.mutateAsync(dialog.conclusion.id);
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}

function AddConclusion({ meetingId, items, itemLabel }: { meetingId: Id; items: readonly FlatItem[]; itemLabel: (i: FlatItem) => string }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [itemId, setItemId] = useState('');
  const [text, setText] = useState('');
  const form = useApiForm(useAddConclusion(meetingId), { fields: ['itemId', 'text'] });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (text.trim() === '') {
      form.invalid({ text: t('minutes:check.required') });
      return;
    }
    form.submit(
      { itemId: itemId === '' ? undefined : Number(itemId), text: text.trim() },
      {
        onSuccess: () => {
          setText('');
          notify(t('minutes:tasks.conclusionAdded'));
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="add-conclusion-title">
      <h2 id="add-conclusion-title">{t('minutes:tasks.addConclusion')}</h2>
      <form onSubmit={onSubmit} noValidate data-testid="conclusion-form">
        <FormProblem form={form} />
        <SelectField label={t('minutes:tasks.conclusionItem')} name="itemId" value={itemId} onChange={(e) => setItemId(e.target.value)} error={form.fieldErrors.itemId} data-testid="conclusion-item">
          <option value="">{t('minutes:tasks.conclusionGeneral')}</option>
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {itemLabel(i)}
            </option>
          ))}
        </SelectField>
        <div className={`field${form.fieldErrors.text ? ' has-error' : ''}`}>
          <label htmlFor="conclusion-text">{t('minutes:tasks.conclusionText')}</label>
          <textarea id="conclusion-text" name="text" rows={3} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} data-testid="conclusion-text" />
          {form.fieldErrors.text && (
            <p className="field-error" data-testid="field-error" data-field="text">
              {form.fieldErrors.text}
            </p>
          )}
        </div>
        <div className="form-actions form-actions-start">
          <button type="submit" className="btn btn-primary" data-testid="conclusion-add" disabled={form.busy}>
            {form.busy ? t('common.saving') : t('minutes:tasks.addConclusion')}
          </button>
        </div>
      </form>
    </section>
  );
}
