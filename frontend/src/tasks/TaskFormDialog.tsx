import { useState, type FormEvent } from 'react';
import type { Conclusion, Id, TaskPriority } from '../api/types';
import { TASK_PRIORITIES } from '../api/types';
import { Dialog } from '../components/Dialog';
import { SelectField, TextField } from '../components/Field';
import { FormProblem } from '../components/FormProblem';
import { useNotify } from '../components/Notice';
import { PersonPicker, type PickRef } from '../components/SearchPicker';
import { UnitPicker, type UnitRef } from '../components/UnitPicker';
import { addDays, todayVN } from '../format';
import { useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useCreateTask } from './api/tasks';
import { checkTask, taskInput } from './taskLogic';

const FIELDS = ['title', 'detail', 'unitId', 'personId', 'deadline', 'priority', 'conclusionId'];

/** A new deadline starts two weeks ahead. */
const DEFAULT_DAYS = 14;

/**
 * "Giao nhiệm vụ": a task under a conclusion (or for the whole meeting) for a unit, a person or
 * both, with a deadline and a priority. The unit and person pickers are the app's own (the people's
 * and units' lists, diacritics optional).
 */
export function TaskFormDialog({ meetingId, conclusion, onClose }: { meetingId: Id; conclusion?: Conclusion; onClose: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const today = todayVN();
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [unit, setUnit] = useState<UnitRef | null>(null);
  const [person, setPerson] = useState<PickRef | null>(null);
  const [deadline, setDeadline] = useState(addDays(today, DEFAULT_DAYS));
  const [priority, setPriority] = useState<TaskPriority>('NORMAL');
  const form = useApiForm(useCreateTask(meetingId), { fields: FIELDS });
  const errors = form.fieldErrors;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const fields = { title, detail, unitId: unit?.id ?? null, personId: person?.id ?? null, deadline, priority };
    const problems = checkTask(fields, today);
    if (Object.keys(problems).length) {
      form.invalid(Object.fromEntries(Object.entries(problems).map(([k, p]) => [k, t(`minutes:check.${p}`)])));
      return;
    }
    form.submit(taskInput(fields, conclusion?.id), {
      onSuccess: () => {
        notify(t('minutes:tasks.created'));
        onClose();
      },
    });
  }

  return (
    <Dialog title={t('minutes:tasks.add')} onClose={onClose} testId="task-form" wide>
      <form onSubmit={onSubmit} noValidate>
        {conclusion?.text && <p className="muted">{t('minutes:tasks.formFor', { text: conclusion.text })}</p>}
        <FormProblem form={form} />
        <TextField
          label={t('minutes:tasks.title')}
          name="title"
          required
          maxLength={500}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.title}
          autoFocus
        />
        <div className="field">
          <label htmlFor="task-detail">
            {t('minutes:tasks.detail')} <span className="optional">({t('common.optional')})</span>
          </label>
          <textarea id="task-detail" name="detail" rows={3} maxLength={4000} value={detail} onChange={(e) => setDetail(e.target.value)} />
          {errors.detail && (
            <p className="field-error" data-testid="field-error" data-field="detail">
              {errors.detail}
            </p>
          )}
        </div>
        <div className="form-grid">
          <UnitPicker
            label={t('minutes:tasks.unit')}
            name="unitId"
            value={unit}
            onChange={setUnit}
            allowClear
            hint={t('minutes:tasks.responsibleHint')}
            error={errors.unitId}
            testId="task-unit"
          />
          <PersonPicker label={t('minutes:tasks.person')} name="personId" value={person} onChange={(v) => setPerson(v)} allowClear optional error={errors.personId} testId="task-person" />
        </div>
        <div className="form-grid">
          <TextField
            label={t('minutes:tasks.deadline')}
            name="deadline"
            type="date"
            required
            min={today}
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            error={errors.deadline}
          />
          <SelectField label={t('minutes:tasks.priority')} name="priority" value={priority} onChange={(e) => setPriority(e.target.value as TaskPriority)} error={errors.priority}>
            {TASK_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`minutes:tasks.priorityValue.${p}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={form.busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="task-save" disabled={form.busy}>
            {form.busy ? t('common.saving') : t('minutes:tasks.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
