import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { Id, Sharing } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../format';
import { useI18n } from '../../lib/i18n';
import { participantsQuery } from '../../meetings/api/participants';
import type { LocalAnnotation } from '../../offline/annotationCache';
import { ReadersPicker, type Reader } from '../ReadersPicker';
import { COLORS } from './types';

export interface AnnotationChoice {
  note: string;
  color: string;
  sharing: Sharing;
  readers: Reader[];
}

/** Who sees an annotation: the three choices as large radio buttons (with the people for NAMED). */
export function SharingChoice({ meetingId, sharing, readers, onChange, name }: { meetingId: Id; sharing: Sharing; readers: Reader[]; onChange: (s: Sharing, r: Reader[]) => void; name: string }) {
  const { t } = useI18n();
  return (
    <>
      <fieldset className="choice-row sharing-choice">
        <legend>{t('documents:sharing.label')}</legend>
        {(['PRIVATE', 'PARTICIPANTS', 'NAMED'] as const).map((s) => (
          <label key={s} className="check">
            <input type="radio" name={name} value={s} data-testid={`annotation-sharing-${s}`} checked={sharing === s} onChange={() => onChange(s, readers)} />
            <span>{t(`documents:sharing.${s}`)}</span>
          </label>
        ))}
      </fieldset>
      {sharing === 'NAMED' && <ReadersPicker meetingId={meetingId} value={readers} onChange={(r) => onChange(sharing, r)} label={t('documents:sharing.people')} name={`${name}People`} />}
    </>
  );
}

/** Names for the ids an annotation is shared with (from the meeting's participants, when reachable). */
function useReaderNames(meetingId: Id, ids: readonly number[] | undefined, enabled: boolean): Reader[] {
  const { data } = useQuery({ ...participantsQuery(meetingId, { size: 500 }), enabled: enabled && !!ids?.length });
  const names = new Map((data?.items ?? []).map((p) => [p.personId, p.fullName ?? '']));
  return (ids ?? []).map((id) => ({ id, name: names.get(id) ?? `#${id}` }));
}

/**
 * A new sticky note, or an annotation tapped on the page or in the list: its text, colour and who
 * sees it; mine can be changed or deleted, others' are read only.
 */
export function AnnotationDialog({
  meetingId,
  annotation,
  page,
  initial,
  canEdit,
  onSave,
  onDelete,
  onClose,
}: {
  meetingId: Id;
  /** the annotation opened (none for a new note) */
  annotation: LocalAnnotation | null;
  page: number;
  initial: AnnotationChoice;
  canEdit: boolean;
  onSave: (choice: AnnotationChoice) => void;
  onDelete?: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const mine = !annotation || !!annotation.mine;
  const editable = mine && canEdit;
  const named = useReaderNames(meetingId, annotation?.sharedWith, annotation?.sharing === 'NAMED');
  const [note, setNote] = useState(initial.note);
  const [color, setColor] = useState(initial.color);
  const [sharing, setSharing] = useState<Sharing>(initial.sharing);
  const [readers, setReaders] = useState<Reader[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = readers ?? (annotation ? named : initial.readers);
  const kind = annotation?.kind ?? 'NOTE';

  function submit(e: FormEvent) {
    e.preventDefault();
    if (kind === 'NOTE' && !note.trim()) {
      setError(t('documents:note.empty'));
      return;
    }
    if (sharing === 'NAMED' && chosen.length === 0) {
      setError(t('documents:readers.needOne'));
      return;
    }
    onSave({ note: note.trim(), color, sharing, readers: chosen });
  }

  const title = annotation ? t(`documents:kind.${kind}`) : t('documents:note.new');
  return (
    <Dialog title={`${title} – ${t('documents:reader.pageN', { page })}`} onClose={onClose} testId="annotation-dialog">
      {!mine && annotation && (
        <p className="muted" data-testid="annotation-author">
          {t('documents:note.by', { name: annotation.authorName ?? '', at: formatDateTime(annotation.updatedAt) })}
        </p>
      )}
      {editable ? (
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-note`}>{kind === 'NOTE' ? t('documents:note.text') : t('documents:note.comment')}</label>
            <textarea id={`${id}-note`} name="note" rows={5} maxLength={4000} data-testid="reader-note-text" value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
          </div>
          <fieldset className="choice-row">
            <legend>{t('documents:reader.color')}</legend>
            <div className="swatches">
              {COLORS.map((c) => (
                <button
                  key={c.value}
                  type="button"
                  className={`swatch${color === c.value ? ' is-on' : ''}`}
                  style={{ background: c.value }}
                  aria-pressed={color === c.value}
                  aria-label={t(`documents:colors.${c.name}`)}
                  data-testid={`annotation-color-${c.name}`}
                  onClick={() => setColor(c.value)}
                />
              ))}
            </div>
          </fieldset>
          <SharingChoice
            meetingId={meetingId}
            sharing={sharing}
            readers={chosen}
            name="annotationSharing"
            onChange={(s, r) => {
              setSharing(s);
              setReaders(r);
            }}
          />
          {error && (
            <p className="field-error" role="alert" data-testid="field-error">
              {error}
            </p>
          )}
          <div className="form-actions">
            {annotation && onDelete && (
              <button type="button" className="btn btn-danger-outline form-actions-left" data-testid="reader-annotation-delete" onClick={onDelete}>
                {t('common.delete')}
              </button>
            )}
            <button type="button" className="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary btn-large" data-testid="reader-note-save">
              {t('common.save')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {annotation?.note ? <p className="pre-line note-text" data-testid="annotation-note">{annotation.note}</p> : <p className="muted">{t('documents:note.noText')}</p>}
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
