import { describe, expect, it } from 'vitest';
import type { Task } from '../api/types';
import { checkTask, clampProgress, countTasks, dueOf, fileSize, isOpen, sortTasks, sortUnits, taskInput, type TaskFields } from './taskLogic';

const task = (id: number, over: Partial<Task> = {}): Task => ({ id, title: `Việc ${id}`, state: 'OPEN', overdue: false, daysLeft: 10, deadline: '2026-12-01', ...over });

describe('dueOf', () => {
  it('words a task against its deadline', () => {
    expect(dueOf(task(1, { overdue: true, daysLeft: -4 }))).toEqual({ kind: 'overdue', days: 4 });
    expect(dueOf(task(1, { daysLeft: 0 }))).toEqual({ kind: 'today' });
    expect(dueOf(task(1, { daysLeft: 2 }))).toEqual({ kind: 'soon', days: 2 });
    expect(dueOf(task(1, { daysLeft: 12 }))).toEqual({ kind: 'later', days: 12 });
    expect(dueOf(task(1, { state: 'REPORTED', daysLeft: 3 }))).toEqual({ kind: 'reported' });
  });

  it('late reported tasks are still overdue (as the server counts them)', () => {
    expect(dueOf(task(1, { state: 'REPORTED', overdue: true, daysLeft: -1 }))).toEqual({ kind: 'overdue', days: 1 });
  });

  it('finished tasks have no deadline any more', () => {
    expect(dueOf(task(1, { state: 'DONE', daysLeft: -30 }))).toEqual({ kind: 'done' });
    expect(dueOf(task(1, { state: 'CANCELLED', daysLeft: -30 }))).toEqual({ kind: 'cancelled' });
  });
});

describe('lists', () => {
  const list = [
    task(1, { state: 'DONE', deadline: '2026-10-01' }),
    task(2, { deadline: '2026-12-20' }),
    task(3, { overdue: true, daysLeft: -2, deadline: '2026-11-21' }),
    task(4, { deadline: '2026-12-01' }),
    task(5, { state: 'CANCELLED', deadline: '2026-11-01' }),
    task(6, { overdue: true, daysLeft: -9, deadline: '2026-11-14' }),
  ];

  it('sorts overdue first, then open by deadline, then finished most recent first', () => {
    expect(sortTasks(list).map((t) => t.id)).toEqual([6, 3, 4, 2, 5, 1]);
  });

  it('counts like the server', () => {
    expect(countTasks(list)).toEqual({ total: 6, open: 4, overdue: 2, reported: 0, done: 1 });
  });

  it('open means still to be done', () => {
    expect(['OPEN', 'IN_PROGRESS', 'REPORTED', 'DONE', 'CANCELLED'].map((s) => isOpen(s as Task['state']))).toEqual([true, true, true, false, false]);
  });

  it('sorts units with overdue tasks first, then by name', () => {
    const units = [
      { unitId: 1, unitName: 'Sở Xây dựng', counts: { overdue: 0 } },
      { unitId: 2, unitName: 'Sở Tài chính', counts: { overdue: 3 } },
      { unitId: 3, unitName: 'Sở Công Thương', counts: { overdue: 0 } },
      { unitId: 4, unitName: 'Sở Y tế', counts: { overdue: 5 } },
    ];
    expect(sortUnits(units).map((u) => u.unitId)).toEqual([4, 2, 3, 1]);
  });
});

describe('the task form', () => {
  const f: TaskFields = { title: ' Rà soát kế hoạch vốn ', detail: ' ', unitId: 5, personId: null, deadline: '2026-12-01', priority: 'HIGH' };

  it('accepts a complete form and sends it trimmed', () => {
    expect(checkTask(f, '2026-11-23')).toEqual({});
    expect(taskInput(f, 9)).toEqual({
      conclusionId: 9,
      title: 'Rà soát kế hoạch vốn',
      detail: undefined,
      unitId: 5,
      personId: undefined,
      deadline: '2026-12-01',
      priority: 'HIGH',
    });
  });

  it('needs a title, someone responsible and a deadline not in the past', () => {
    expect(checkTask({ ...f, title: '', unitId: null, deadline: '2026-11-22' }, '2026-11-23')).toEqual({
      title: 'required',
      unitId: 'needResponsible',
      deadline: 'pastDate',
    });
    expect(checkTask({ ...f, deadline: '' }, '2026-11-23')).toEqual({ deadline: 'badDate' });
    expect(checkTask({ ...f, unitId: null, personId: 4 }, '2026-11-23')).toEqual({});
  });
});

describe('small words', () => {
  it('keeps progress a whole percentage', () => {
    expect([-5, 0, 42.6, 100, 130, Number.NaN].map(clampProgress)).toEqual([0, 0, 43, 100, 100, 0]);
  });

  it('writes file sizes', () => {
    expect(fileSize(512)).toBe('512 B');
    expect(fileSize(820 * 1024)).toBe('820 KB');
    expect(fileSize(3.4 * 1024 * 1024)).toBe('3,4 MB');
    expect(fileSize(undefined)).toBe('');
  });
});
