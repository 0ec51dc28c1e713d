import { useQuery } from '@tanstack/react-query';
import { useState, type DragEvent, type FormEvent } from 'react';
import type { AgendaItem, AgendaItemInput, Id } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { FormError, TextField } from '../components/Field';
import { FormProblem } from '../components/FormProblem';
import { useNotify } from '../components/Notice';
import { PersonPicker, type PickRef } from '../components/SearchPicker';
import { blankToUndefined } from '../components/text';
import { formatDateTime, formatMinutes } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useMeetingLive } from '../live/hooks';
import {
  agendaQuery,
  agendaVersionsQuery,
  useDeleteAgendaItem,
  useMoveAgendaItem,
  usePublishAgenda,
  useSaveAgendaItem,
} from './api/agenda';
import type { MeetingTabProps } from './MeetingPage';
import { capsOf } from './shared';
import { OverdueTasks } from '../tasks/OverdueTasks';

const MAX_DEPTH = 3;

interface Placed {
  item: AgendaItem;
  /** undefined at the top level */
  parentId: Id | undefined;
  index: number;
  siblings: number;
  depth: number;
  ancestors: string[];
}

function index(items: AgendaItem[]): Map<string, Placed> {
  const map = new Map<string, Placed>();
  const walk = (list: AgendaItem[], parentId: Id | undefined, depth: number, ancestors: string[]) => {
    list.forEach((item, i) => {
      map.set(String(item.id), { item, parentId, index: i, siblings: list.length, depth, ancestors });
      walk(item.children ?? [], item.id, depth + 1, [...ancestors, String(item.id)]);
    });
  };
  walk(items, undefined, 1, []);
  return map;
}

/** Height of the sub-tree under an item (1 for a leaf). */
function height(item: AgendaItem): number {
  return 1 + Math.max(0, ...(item.children ?? []).map(height));
}

type DialogState =
  | { kind: 'add'; parent: AgendaItem | null }
  | { kind: 'edit'; item: AgendaItem }
  | { kind: 'delete'; item: AgendaItem }
  | null;

/** The item with this id anywhere in the tree. */
function findItem(items: AgendaItem[] | undefined, id: Id | undefined): AgendaItem | undefined {
  for (const item of items ?? []) {
    if (item.id === id) return item;
    const inner = findItem(item.children, id);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * "Chương trình": managers edit the working agenda and publish it while the meeting allows it
 * (`canEditAgenda`); they always see whether it is published and its versions (`canManage`);
 * participants read the published one.
 */
export function AgendaTab({ meeting, meetingId }: MeetingTabProps) {
  const { t } = useI18n();
  const notify = useNotify();
  const caps = capsOf(meeting);
  const manage = !!caps.canEditAgenda;
  const { data: agenda, error, isPending: loading, refetch } = useQuery(agendaQuery(meetingId));
  const [dialog, setDialog] = useState<DialogState>(null);
  const moveForm = useApiForm(useMoveAgendaItem(meetingId));
  const publishForm = useApiForm(usePublishAgenda(meetingId));
  const deleteItem = useDeleteAgendaItem(meetingId);
  const busy = moveForm.busy || publishForm.busy;
  const actionError = moveForm.error ?? publishForm.error;
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropId, setDropId] = useState<string | null>(null);
  const [showVersions, setShowVersions] = useState(false);
  // while the session runs, the item under discussion is marked (the live channel moves the mark)
  const running = meeting.status === 'IN_PROGRESS';
  const live = useMeetingLive(meetingId, running);
  const currentId = running ? live.state?.currentItemId : undefined;
  const runStates = new Map((running ? (live.state?.items ?? []) : []).map((r) => [r.id, r.state]));

  const items = agenda?.items ?? [];
  const placed = index(items);

  function move(itemId: Id | undefined, parentId: Id | undefined, position: number) {
    publishForm.reset();
    moveForm.submit({ itemId, parentId, position });
  }

  function publish() {
    moveForm.reset();
    publishForm.submit(undefined, { onSuccess: () => notify(t('meetings:agenda.published')) });
  }

  function canDrop(target: string): boolean {
    if (!dragId || dragId === target) return false;
    const p = placed.get(target);
    const d = placed.get(dragId);
    if (!p || !d) return false;
    if (p.ancestors.includes(dragId)) return false;
    return p.depth - 1 + height(d.item) <= MAX_DEPTH;
  }

  function onDrop(e: DragEvent, target: string) {
    e.preventDefault();
    const source = dragId;
    setDragId(null);
    setDropId(null);
    if (!source || !canDrop(target)) return;
    const p = placed.get(target);
    const d = placed.get(source);
    if (!p || !d) return;
    // the dragged item takes the place of the one it is dropped on
    move(d.item.id, p.parentId, p.index);
  }

  function renderItems(list: AgendaItem[], depth: number) {
    return (
      <ol className={`agenda-list depth-${depth}`}>
        {list.map((item) => {
          const id = String(item.id);
          const p = placed.get(id);
          const isCurrent = currentId != null && item.id === currentId;
          const runState = runStates.get(item.id);
          return (
            <li key={id} className="agenda-li">
              <div
                className={`agenda-item${dragId === id ? ' is-dragging' : ''}${dropId === id ? ' is-drop' : ''}${isCurrent ? ' is-current' : ''}${runState === 'DONE' ? ' is-done' : ''}`}
                data-testid="agenda-item"
                data-item-id={id}
                data-number={item.number}
                data-current={isCurrent ? 'true' : undefined}
                aria-current={isCurrent ? 'step' : undefined}
                draggable={manage && !busy}
                onDragStart={(e) => {
                  if (!manage) return;
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', id);
                  setDragId(id);
                }}
                onDragEnd={() => {
                  setDragId(null);
                  setDropId(null);
                }}
                onDragOver={(e) => {
                  if (canDrop(id)) {
                    e.preventDefault();
                    e.dataTransfer.dropEffect = 'move';
                    if (dropId !== id) setDropId(id);
                  }
                }}
                onDragLeave={() => {
                  if (dropId === id) setDropId(null);
                }}
                onDrop={(e) => onDrop(e, id)}
              >
                {manage && (
                  <span className="drag-handle" aria-hidden="true" title={t('meetings:agenda.dragHint')}>
                    ⠿
                  </span>
                )}
                <span className="agenda-number" data-testid="agenda-number">
                  {item.number}
                </span>
                <span className="agenda-body">
                  <span className="agenda-title" data-testid="agenda-title">
                    {item.title}
                  </span>
                  {isCurrent && <span className="badge badge-live agenda-now">{t('live:itemState.CURRENT')}</span>}
                  {!isCurrent && runState && runState !== 'PENDING' && runState !== 'CURRENT' && (
                    <span className="badge badge-muted agenda-now">{t(`live:itemState.${runState}`)}</span>
                  )}
                  <span className="agenda-meta">
                    {item.presenterName && <span>{t('meetings:agenda.presenterIs', { name: item.presenterName })}</span>}
                    {item.plannedMinutes != null && (
                      <span className="agenda-minutes" data-testid="agenda-minutes">
                        {t('meetings:agenda.minutes', { count: item.plannedMinutes })}
                      </span>
                    )}
                  </span>
                  {item.description && <span className="agenda-desc pre-line">{item.description}</span>}
                </span>
                {manage && p && (
                  <span className="agenda-actions">
                    <button
                      type="button"
                      className="btn btn-small"
                      data-testid="agenda-up"
                      aria-label={t('meetings:agenda.up', { n: item.number ?? '' })}
                      disabled={busy || p.index === 0}
                      onClick={() => move(item.id, p.parentId, p.index - 1)}
                    >
                      <span aria-hidden="true">▲</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      data-testid="agenda-down"
                      aria-label={t('meetings:agenda.down', { n: item.number ?? '' })}
                      disabled={busy || p.index >= p.siblings - 1}
                      onClick={() => move(item.id, p.parentId, p.index + 1)}
                    >
                      <span aria-hidden="true">▼</span>
                    </button>
                    {depth < MAX_DEPTH && (
                      <button type="button" className="btn btn-small" data-testid="agenda-add-child" onClick={() => setDialog({ kind: 'add', parent: item })}>
                        + {t('meetings:agenda.addChild')}
                      </button>
                    )}
                    <button type="button" className="btn btn-small" data-testid="agenda-edit" onClick={() => setDialog({ kind: 'edit', item })}>
                      {t('common.edit')}
                    </button>
                    <button type="button" className="btn btn-small btn-danger-outline" data-testid="agenda-delete" onClick={() => setDialog({ kind: 'delete', item })}>
                      {t('common.delete')}
                    </button>
                  </span>
                )}
              </div>
              {item.children && item.children.length > 0 && renderItems(item.children, depth + 1)}
            </li>
          );
        })}
      </ol>
    );
  }

  const hour = t('time.hours');
  const minute = t('time.minutes');

  return (
    <div className="agenda-tab">
      <FormError message={error ? errorText(error, t) : null} />
      {agenda && (
        <section className="panel agenda-summary" aria-live="polite">
          <div className="agenda-status">
            {(agenda.version ?? 0) > 0 ? (
              <span data-testid="agenda-version">
                {t('meetings:agenda.versionAt', { v: agenda.version, at: formatDateTime(agenda.publishedAt) })}
              </span>
            ) : (
              <span data-testid="agenda-version" className="muted">
                {t('meetings:agenda.notPublished')}
              </span>
            )}
            {caps.canManage && agenda.dirty && (
              <span className="badge badge-warn" data-testid="agenda-dirty">
                {t('meetings:agenda.dirty')}
              </span>
            )}
          </div>
          <p className="agenda-total" data-testid="agenda-total">
            {t('meetings:agenda.total', {
              planned: formatMinutes(agenda.plannedMinutes ?? 0, hour, minute),
              slot: formatMinutes(agenda.slotMinutes ?? 0, hour, minute),
            })}
          </p>
          {manage && agenda.overrun && (
            <p className="alert alert-warn" data-testid="agenda-overrun" role="alert">
              {t('meetings:agenda.overrun', { count: (agenda.plannedMinutes ?? 0) - (agenda.slotMinutes ?? 0) })}
            </p>
          )}
          {caps.canManage && (
            <div className="btn-row wrap">
              {manage && (
                <button type="button" className="btn btn-primary" data-testid="agenda-add" onClick={() => setDialog({ kind: 'add', parent: null })}>
                  + {t('meetings:agenda.add')}
                </button>
              )}
              {manage && (
                <button
                  type="button"
                  className="btn btn-primary"
                  data-testid="agenda-publish"
                  disabled={busy || items.length === 0 || (!agenda.dirty && (agenda.version ?? 0) > 0)}
                  onClick={publish}
                >
                  {t('meetings:agenda.publish')}
                </button>
              )}
              <button type="button" className="btn" data-testid="agenda-versions-toggle" aria-expanded={showVersions} onClick={() => setShowVersions((v) => !v)}>
                {t('meetings:agenda.versions')}
              </button>
            </div>
          )}
          {manage && <p className="hint">{t('meetings:agenda.reorderHint')}</p>}
          <FormError message={actionError} />
        </section>
      )}
      {manage && <OverdueTasks meetingId={meetingId} />}
      {loading && !agenda && <p className="muted">{t('app.loading')}</p>}
      {agenda && items.length === 0 && (
        <p className="empty" data-testid="empty">
          {manage ? t('meetings:agenda.emptyManage') : t('meetings:agenda.emptyRead')}
        </p>
      )}
      {agenda && items.length > 0 && (
        <div className={`agenda-tree${manage ? '' : ' agenda-read'}`} data-testid="agenda-tree" aria-busy={busy}>
          {renderItems(items, 1)}
        </div>
      )}
      {caps.canManage && showVersions && <AgendaVersions meetingId={meetingId} />}

      {dialog?.kind === 'add' && (
        <AgendaItemDialog
          meetingId={meetingId}
          parent={dialog.parent}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            notify(t('common.saved'));
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <AgendaItemDialog
          key={dialog.item.version}
          meetingId={meetingId}
          item={dialog.item}
          reload={async () => {
            const fresh = findItem((await refetch()).data?.items, dialog.item.id);
            // deleted meanwhile: nothing left to edit
            setDialog(fresh ? { kind: 'edit', item: fresh } : null);
          }}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            notify(t('common.saved'));
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('meetings:agenda.deleteTitle')}
          message={
            dialog.item.children?.length
              ? t('meetings:agenda.deleteWithChildren', { number: dialog.item.number ?? '', title: dialog.item.title ?? '' })
              : t('meetings:agenda.deleteConfirm', { number: dialog.item.number ?? '', title: dialog.item.title ?? '' })
          }
          confirmLabel={t('common.delete')}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await deleteItem.mutateAsync(dialog.item.id);
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}

function AgendaVersions({ meetingId }: { meetingId: Id }) {
  const { t } = useI18n();
  const { data, error } = useQuery(agendaVersionsQuery(meetingId));
  return (
    <section className="panel" aria-labelledby="versions-title" data-testid="agenda-versions">
      <h2 id="versions-title">{t('meetings:agenda.versions')}</h2>
      <FormError message={error ? errorText(error, t) : null} />
      {data && data.length === 0 && <p className="muted">{t('meetings:agenda.noVersions')}</p>}
      <ol className="history-list" reversed>
        {[...(data ?? [])]
          .sort((a, b) => (b.number ?? 0) - (a.number ?? 0))
          .map((v) => (
            <li key={v.number} className="history-item" data-testid="agenda-version-row">
              <strong>{t('meetings:agenda.versionN', { v: v.number ?? '' })}</strong>{' '}
              <span className="muted">
                {formatDateTime(v.publishedAt)}
                {v.publishedBy && ` · ${v.publishedBy}`}
              </span>
              {v.changes && <p className="pre-line">{v.changes}</p>}
            </li>
          ))}
      </ol>
    </section>
  );
}

const ITEM_FIELDS = ['title', 'plannedMinutes', 'presenterId', 'presenterName', 'description', 'parentId'];

function AgendaItemDialog({
  meetingId,
  parent,
  item,
  reload,
  onClose,
  onSaved,
}: {
  meetingId: Id;
  parent?: AgendaItem | null;
  /** the item to edit (its `version` goes with the change) */
  item?: AgendaItem;
  /** read the item again after someone else changed it */
  reload?: () => Promise<void>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(item?.title ?? '');
  const [minutes, setMinutes] = useState(item?.plannedMinutes != null ? String(item.plannedMinutes) : '');
  const [presenter, setPresenter] = useState<PickRef | null>(
    item?.presenterId != null ? { id: item.presenterId, name: item.presenterName ?? String(item.presenterId) } : null,
  );
  const [presenterName, setPresenterName] = useState(item && item.presenterId == null ? (item.presenterName ?? '') : '');
  const [description, setDescription] = useState(item?.description ?? '');
  const form = useApiForm(useSaveAgendaItem(meetingId), { fields: ITEM_FIELDS, reload });
  const fields = form.fieldErrors;
  const busy = form.busy;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!title.trim()) f.title = t('common.required');
    const n = minutes.trim() === '' ? undefined : Number(minutes);
    if (n !== undefined && (!Number.isInteger(n) || n < 0)) f.plannedMinutes = t('meetings:agenda.badMinutes');
    if (Object.keys(f).length) {
      form.invalid(f);
      return;
    }
    const body: AgendaItemInput = {
      title: title.trim(),
      presenterId: presenter?.id,
      presenterName: presenter ? presenter.name : blankToUndefined(presenterName),
      plannedMinutes: n,
      description: blankToUndefined(description),
    };
    form.submit({ existing: item, body: item ? { ...body, version: item.version } : { ...body, parentId: parent?.id } }, { onSuccess: onSaved });
  }

  const title_ = item
    ? t('meetings:agenda.editTitle', { number: item.number ?? '' })
    : parent
      ? t('meetings:agenda.addChildTitle', { number: parent.number ?? '' })
      : t('meetings:agenda.add');

  return (
    <Dialog title={title_} onClose={onClose} testId="agenda-item-form" wide>
      <form onSubmit={onSubmit} noValidate>
        <FormProblem form={form} />
        <TextField label={t('meetings:agenda.itemTitle')} name="title" required value={title} onChange={(e) => setTitle(e.target.value)} error={fields.title} autoFocus maxLength={500} />
        <div className="form-grid">
          <TextField
            label={t('meetings:agenda.plannedMinutes')}
            name="plannedMinutes"
            type="number"
            inputMode="numeric"
            min={0}
            step={5}
            optional
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            error={fields.plannedMinutes}
          />
          <PersonPicker
            label={t('meetings:agenda.presenter')}
            name="presenterId"
            value={presenter}
            onChange={(v) => setPresenter(v)}
            allowClear
            optional
            error={fields.presenterId}
          />
          {!presenter && (
            <TextField
              label={t('meetings:agenda.presenterName')}
              name="presenterName"
              optional
              hint={t('meetings:agenda.presenterNameHint')}
              value={presenterName}
              onChange={(e) => setPresenterName(e.target.value)}
              error={fields.presenterName}
            />
          )}
        </div>
        <div className="field">
          <label htmlFor="agenda-description">
            {t('meetings:agenda.description')} <span className="optional">({t('common.optional')})</span>
          </label>
          <textarea id="agenda-description" name="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
          {fields.description && (
            <p className="field-error" data-testid="field-error">
              {fields.description}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="agenda-item-save" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
