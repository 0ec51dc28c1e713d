import { useState, type DragEvent, type FormEvent } from 'react';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { errorText, fieldErrorsOf } from '../components/errors';
import { FormError, TextField } from '../components/Field';
import { useAsync } from '../components/hooks';
import { useNotify } from '../components/Notice';
import { PersonPicker, type PickRef } from '../components/SearchPicker';
import { blankToNull } from '../components/text';
import { formatDateTime, formatMinutes } from '../format';
import { useI18n } from '../i18n';
import type { Agenda, AgendaItem, AgendaItemInput, AgendaVersion, Id } from '../types';
import type { MeetingTabProps } from './MeetingPage';
import { meetingApi } from './shared';

const MAX_DEPTH = 3;

interface Placed {
  item: AgendaItem;
  parentId: Id | null;
  index: number;
  siblings: number;
  depth: number;
  ancestors: string[];
}

function index(items: AgendaItem[]): Map<string, Placed> {
  const map = new Map<string, Placed>();
  const walk = (list: AgendaItem[], parentId: Id | null, depth: number, ancestors: string[]) => {
    list.forEach((item, i) => {
      map.set(String(item.id), { item, parentId, index: i, siblings: list.length, depth, ancestors });
      walk(item.children ?? [], item.id, depth + 1, [...ancestors, String(item.id)]);
    });
  };
  walk(items, null, 1, []);
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

/** "Chương trình": managers edit the working agenda and publish it; participants read the published one. */
export function AgendaTab({ meeting, reload: reloadMeeting }: MeetingTabProps) {
  const { t } = useI18n();
  const notify = useNotify();
  const manage = meeting.canManage;
  const [tick, setTick] = useState(0);
  const { data: agenda, error, loading } = useAsync<Agenda>(`${String(meeting.id)}|${tick}`, (signal) =>
    api.get<Agenda>(meetingApi(meeting.id, '/agenda'), undefined, signal),
  );
  const [dialog, setDialog] = useState<DialogState>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropId, setDropId] = useState<string | null>(null);
  const [showVersions, setShowVersions] = useState(false);

  const refresh = () => {
    setTick((n) => n + 1);
    reloadMeeting();
  };

  const placed = index(agenda?.items ?? []);

  async function move(id: Id, parentId: Id | null, position: number) {
    setBusy(true);
    setActionError(null);
    try {
      await api.post(meetingApi(meeting.id, `/agenda/items/${encodeURIComponent(String(id))}/move`), { parentId, position });
      refresh();
    } catch (err) {
      setActionError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  async function publish() {
    setBusy(true);
    setActionError(null);
    try {
      await api.post<Agenda>(meetingApi(meeting.id, '/agenda/publish'));
      notify(t('agenda.published'));
      refresh();
    } catch (err) {
      setActionError(errorText(err, t));
    } finally {
      setBusy(false);
    }
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
    void move(d.item.id, p.parentId, p.index);
  }

  function renderItems(list: AgendaItem[], depth: number) {
    return (
      <ol className={`agenda-list depth-${depth}`}>
        {list.map((item) => {
          const id = String(item.id);
          const p = placed.get(id);
          return (
            <li key={id} className="agenda-li">
              <div
                className={`agenda-item${dragId === id ? ' is-dragging' : ''}${dropId === id ? ' is-drop' : ''}`}
                data-testid="agenda-item"
                data-item-id={id}
                data-number={item.number}
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
                  <span className="drag-handle" aria-hidden="true" title={t('agenda.dragHint')}>
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
                  <span className="agenda-meta">
                    {item.presenterName && <span>{t('agenda.presenterIs', { name: item.presenterName })}</span>}
                    {item.plannedMinutes != null && (
                      <span className="agenda-minutes" data-testid="agenda-minutes">
                        {t('agenda.minutes', { n: item.plannedMinutes })}
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
                      aria-label={t('agenda.up', { n: item.number })}
                      disabled={busy || p.index === 0}
                      onClick={() => move(item.id, p.parentId, p.index - 1)}
                    >
                      <span aria-hidden="true">▲</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-small"
                      data-testid="agenda-down"
                      aria-label={t('agenda.down', { n: item.number })}
                      disabled={busy || p.index >= p.siblings - 1}
                      onClick={() => move(item.id, p.parentId, p.index + 1)}
                    >
                      <span aria-hidden="true">▼</span>
                    </button>
                    {depth < MAX_DEPTH && (
                      <button type="button" className="btn btn-small" data-testid="agenda-add-child" onClick={() => setDialog({ kind: 'add', parent: item })}>
                        + {t('agenda.addChild')}
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
              {item.children?.length > 0 && renderItems(item.children, depth + 1)}
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
            {agenda.version > 0 ? (
              <span data-testid="agenda-version">
                {t('agenda.versionAt', { v: agenda.version, at: formatDateTime(agenda.publishedAt) })}
              </span>
            ) : (
              <span data-testid="agenda-version" className="muted">
                {t('agenda.notPublished')}
              </span>
            )}
            {manage && agenda.dirty && (
              <span className="badge badge-warn" data-testid="agenda-dirty">
                {t('agenda.dirty')}
              </span>
            )}
          </div>
          <p className="agenda-total" data-testid="agenda-total">
            {t('agenda.total', {
              planned: formatMinutes(agenda.plannedMinutes ?? 0, hour, minute),
              slot: formatMinutes(agenda.slotMinutes ?? 0, hour, minute),
            })}
          </p>
          {manage && agenda.overrun && (
            <p className="alert alert-warn" data-testid="agenda-overrun" role="alert">
              {t('agenda.overrun', { n: (agenda.plannedMinutes ?? 0) - (agenda.slotMinutes ?? 0) })}
            </p>
          )}
          {manage && (
            <div className="btn-row wrap">
              <button type="button" className="btn btn-primary" data-testid="agenda-add" onClick={() => setDialog({ kind: 'add', parent: null })}>
                + {t('agenda.add')}
              </button>
              <button
                type="button"
                className="btn btn-primary"
                data-testid="agenda-publish"
                disabled={busy || agenda.items.length === 0 || (!agenda.dirty && agenda.version > 0)}
                onClick={publish}
              >
                {t('agenda.publish')}
              </button>
              <button type="button" className="btn" data-testid="agenda-versions-toggle" aria-expanded={showVersions} onClick={() => setShowVersions((v) => !v)}>
                {t('agenda.versions')}
              </button>
            </div>
          )}
          {manage && <p className="hint">{t('agenda.reorderHint')}</p>}
          <FormError message={actionError} />
        </section>
      )}
      {loading && !agenda && <p className="muted">{t('app.loading')}</p>}
      {agenda && agenda.items.length === 0 && (
        <p className="empty" data-testid="empty">
          {manage ? t('agenda.emptyManage') : t('agenda.emptyRead')}
        </p>
      )}
      {agenda && agenda.items.length > 0 && (
        <div className={`agenda-tree${manage ? '' : ' agenda-read'}`} data-testid="agenda-tree" aria-busy={busy}>
          {renderItems(agenda.items, 1)}
        </div>
      )}
      {manage && showVersions && <AgendaVersions meetingId={meeting.id} tick={tick} />}

      {dialog?.kind === 'add' && (
        <AgendaItemDialog
          meetingId={meeting.id}
          parent={dialog.parent}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            notify(t('common.saved'));
            refresh();
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <AgendaItemDialog
          meetingId={meeting.id}
          item={dialog.item}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            notify(t('common.saved'));
            refresh();
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('agenda.deleteTitle')}
          message={
            dialog.item.children?.length
              ? t('agenda.deleteWithChildren', { number: dialog.item.number, title: dialog.item.title })
              : t('agenda.deleteConfirm', { number: dialog.item.number, title: dialog.item.title })
          }
          confirmLabel={t('common.delete')}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await api.del(meetingApi(meeting.id, `/agenda/items/${encodeURIComponent(String(dialog.item.id))}`));
            setDialog(null);
            refresh();
          }}
        />
      )}
    </div>
  );
}

function AgendaVersions({ meetingId, tick }: { meetingId: Id; tick: number }) {
  const { t } = useI18n();
  const { data, error } = useAsync<AgendaVersion[]>(`${String(meetingId)}|v|${tick}`, (signal) =>
    api.get<AgendaVersion[]>(meetingApi(meetingId, '/agenda/versions'), undefined, signal),
  );
  return (
    <section className="panel" aria-labelledby="versions-title" data-testid="agenda-versions">
      <h2 id="versions-title">{t('agenda.versions')}</h2>
      <FormError message={error ? errorText(error, t) : null} />
      {data && data.length === 0 && <p className="muted">{t('agenda.noVersions')}</p>}
      <ol className="history-list" reversed>
        {[...(data ?? [])]
          .sort((a, b) => b.number - a.number)
          .map((v) => (
            <li key={v.number} className="history-item" data-testid="agenda-version-row">
              <strong>{t('agenda.versionN', { v: v.number })}</strong>{' '}
              <span className="muted">
                {formatDateTime(v.publishedAt)}
                {v.publishedBy && ` · ${v.publishedBy}`}
              </span>
              {v.changes && (
                <p className="pre-line">{Array.isArray(v.changes) ? v.changes.join('\n') : v.changes}</p>
              )}
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
  onClose,
  onSaved,
}: {
  meetingId: Id;
  parent?: AgendaItem | null;
  item?: AgendaItem;
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const f: Record<string, string> = {};
    if (!title.trim()) f.title = t('common.required');
    const n = minutes.trim() === '' ? null : Number(minutes);
    if (n !== null && (!Number.isInteger(n) || n < 0)) f.plannedMinutes = t('agenda.badMinutes');
    if (Object.keys(f).length) {
      setFields(f);
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    const body: AgendaItemInput = {
      title: title.trim(),
      presenterId: presenter?.id ?? null,
      presenterName: presenter ? presenter.name : blankToNull(presenterName),
      plannedMinutes: n,
      description: blankToNull(description),
    };
    try {
      if (item) await api.put(meetingApi(meetingId, `/agenda/items/${encodeURIComponent(String(item.id))}`), body);
      else await api.post(meetingApi(meetingId, '/agenda/items'), { ...body, parentId: parent?.id ?? null });
      onSaved();
    } catch (err) {
      setFields(fieldErrorsOf(err));
      setError(errorText(err, t, ITEM_FIELDS));
      setBusy(false);
    }
  }

  const title_ = item
    ? t('agenda.editTitle', { number: item.number })
    : parent
      ? t('agenda.addChildTitle', { number: parent.number })
      : t('agenda.add');

  return (
    <Dialog title={title_} onClose={onClose} testId="agenda-item-form" wide>
      <form onSubmit={onSubmit} noValidate>
        <FormError message={error} />
        <TextField label={t('agenda.itemTitle')} name="title" required value={title} onChange={(e) => setTitle(e.target.value)} error={fields.title} autoFocus maxLength={500} />
        <div className="form-grid">
          <TextField
            label={t('agenda.plannedMinutes')}
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
            label={t('agenda.presenter')}
            name="presenterId"
            value={presenter}
            onChange={(v) => setPresenter(v)}
            allowClear
            optional
            error={fields.presenterId}
          />
          {!presenter && (
            <TextField
              label={t('agenda.presenterName')}
              name="presenterName"
              optional
              hint={t('agenda.presenterNameHint')}
              value={presenterName}
              onChange={(e) => setPresenterName(e.target.value)}
              error={fields.presenterName}
            />
          )}
        </div>
        <div className="field">
          <label htmlFor="agenda-description">
            {t('agenda.description')} <span className="optional">({t('common.optional')})</span>
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
