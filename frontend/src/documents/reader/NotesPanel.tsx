import { useI18n } from '../../lib/i18n';
import type { LocalAnnotation } from '../../offline/annotationCache';

const ICON: Record<string, string> = { HIGHLIGHT: '▮', INK: '✎', NOTE: '🗒' };

/** Every annotation of the version, by page: a tap goes to it and opens it. */
export function NotesPanel({
  annotations,
  canEdit,
  onOpen,
  onDelete,
  onClose,
}: {
  annotations: readonly LocalAnnotation[];
  canEdit: boolean;
  onOpen: (a: LocalAnnotation) => void;
  onDelete: (a: LocalAnnotation) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const sorted = [...annotations].sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || (a.rects?.[0]?.[1] ?? 0) - (b.rects?.[0]?.[1] ?? 0));
  return (
    <aside className="reader-side" data-testid="annotation-list" aria-labelledby="notes-heading">
      <div className="reader-side-head">
        <h2 id="notes-heading">{t('documents:notes.title', { count: sorted.length })}</h2>
        <button type="button" className="btn btn-icon" aria-label={t('common.close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {sorted.length === 0 && <p className="muted">{t('documents:notes.empty')}</p>}
      <ol className="notes-list">
        {sorted.map((a) => (
          <li key={a.id} className="notes-item" data-testid="annotation-item" data-annotation-id={a.id} data-kind={a.kind} data-page={a.page} data-pending={a.pending ? 'true' : undefined}>
            <button type="button" className="notes-open" onClick={() => onOpen(a)}>
              <span className="notes-icon" style={{ color: a.color }} aria-hidden="true">
                {ICON[a.kind ?? 'NOTE']}
              </span>
              <span className="notes-body">
                <span className="notes-head">
                  {t('documents:reader.pageN', { page: a.page ?? 0 })} · {t(`documents:kind.${a.kind ?? 'NOTE'}`)}
                  {!a.mine && a.authorName ? ` · ${a.authorName}` : ''}
                </span>
                {a.note && <span className="notes-text">{a.note}</span>}
                <span className="badge-list">
                  {a.sharing && a.sharing !== 'PRIVATE' && <span className="badge badge-info">{t(`documents:sharing.short.${a.sharing}`)}</span>}
                  {a.pending && (
                    <span className="badge badge-warn" data-testid="annotation-pending">
                      {t('documents:notes.pending')}
                    </span>
                  )}
                </span>
              </span>
            </button>
            {a.mine && canEdit && (
              <button type="button" className="btn btn-small btn-danger-outline" data-testid="annotation-item-delete" aria-label={t('documents:notes.deleteOne')} onClick={() => onDelete(a)}>
                {t('common.delete')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
