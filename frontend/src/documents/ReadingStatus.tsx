import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Id, ReceiptCell, ReceiptRow } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormError } from '../components/Field';
import { useNotify } from '../components/Notice';
import { formatDateTime } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { useLiveFallback } from '../live/hooks';
import { receiptsQuery, useRemindReaders } from './api/documents';

const CELL_CLASS: Record<string, string> = {
  OPENED: 'read-opened',
  OLD_VERSION: 'read-old',
  UNOPENED: 'read-unopened',
  NOT_FOR_THEM: 'read-none',
};

const CELL_MARK: Record<string, string> = { OPENED: '✓', OLD_VERSION: '◐', UNOPENED: '○', NOT_FOR_THEM: '–' };

function Cell({ cell }: { cell: ReceiptCell | undefined }) {
  const { t } = useI18n();
  const state = cell?.state ?? 'NOT_FOR_THEM';
  let detail = '';
  if (state === 'OPENED' || state === 'OLD_VERSION') {
    const parts = [
      state === 'OLD_VERSION' ? t('documents:reads.readVersion', { version: cell?.versionRead ?? '' }) : null,
      cell?.pages ? t('documents:reads.pagesSeen', { seen: cell.pagesSeen ?? 0, count: cell.pages }) : null,
      cell?.openedAt ? formatDateTime(cell.openedAt) : null,
    ];
    detail = parts.filter(Boolean).join(' · ');
  }
  return (
    <span className={`read-cell ${CELL_CLASS[state] ?? ''}`} data-testid="read-cell" data-state={state} data-document-id={cell?.documentId}>
      <span className="read-mark" aria-hidden="true">
        {CELL_MARK[state]}
      </span>
      <span>
        {t(`documents:reads.state.${state}`)}
        {detail && <span className="cell-sub">{detail}</span>}
      </span>
    </span>
  );
}

/**
 * "Tình hình đọc": who opened which document (rows in the order the server gives: Vietnamese name
 * order), updated live when someone opens one; "Nhắc đọc" for one person or for everyone with
 * something unopened.
 */
export function ReadingStatus({ meetingId, canRemind }: { meetingId: Id; canRemind: boolean }) {
  const { t } = useI18n();
  const notify = useNotify();
  const { data, error, isPending } = useQuery({ ...receiptsQuery(meetingId), ...useLiveFallback(meetingId) });
  const remind = useRemindReaders(meetingId);
  const [ask, setAsk] = useState<{ row: ReceiptRow | null } | null>(null);
  const docs = data?.documents ?? [];
  const people = data?.people ?? [];
  const waiting = people.filter((p) => (p.unopened ?? 0) > 0).length;

  async function doRemind(row: ReceiptRow | null) {
    const r = await remind.mutateAsync(row?.personId != null ? [row.personId] : undefined);
    notify(t('documents:reads.reminded', { count: r.people ?? 0 }));
    setAsk(null);
  }

  return (
    <section className="reading-status" data-testid="doc-reads">
      <div className="toolbar">
        <p className="muted" data-testid="doc-reads-summary">
          {t('documents:reads.summary', { count: waiting, total: people.length })}
        </p>
        {canRemind && waiting > 0 && (
          <button type="button" className="btn btn-primary" data-testid="doc-remind-all" onClick={() => setAsk({ row: null })}>
            {t('documents:reads.remindAll', { count: waiting })}
          </button>
        )}
      </div>
      {isPending && <p className="muted">{t('app.loading')}</p>}
      <FormError message={error ? errorText(error, t) : null} />
      {data && (docs.length === 0 || people.length === 0) && (
        <p className="empty" data-testid="empty">
          {t('documents:reads.empty')}
        </p>
      )}
      {docs.length > 0 && people.length > 0 && (
        <div className="table-wrap reads-wrap">
          <table className="reads-table" data-testid="doc-reads-table">
            <thead>
              <tr>
                <th scope="col" className="reads-person">
                  {t('documents:reads.person')}
                </th>
                {docs.map((d) => (
                  <th key={d.documentId} scope="col" data-document-id={d.documentId}>
                    <span className="reads-doc">{d.title}</span>
                    <span className="cell-sub">
                      {t('documents:versions.version', { version: d.version ?? '' })}
                      {d.confidential ? ` · ${t('documents:badge.confidential')}` : ''}
                    </span>
                  </th>
                ))}
                {canRemind && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {people.map((p) => {
                const cells = new Map((p.cells ?? []).map((c) => [c.documentId, c]));
                return (
                  <tr key={p.personId} data-testid="doc-reads-row" data-person-id={p.personId} data-unopened={p.unopened ?? 0}>
                    <th scope="row" className="reads-person">
                      <span className="cell-title">{p.name}</span>
                      {(p.position || p.unitName) && <span className="cell-sub">{[p.position, p.unitName].filter(Boolean).join(' · ')}</span>}
                    </th>
                    {docs.map((d) => (
                      <td key={d.documentId}>
                        <Cell cell={cells.get(d.documentId)} />
                      </td>
                    ))}
                    {canRemind && (
                      <td>
                        {(p.unopened ?? 0) > 0 && (
                          <button type="button" className="btn btn-small" data-testid={`doc-remind-${p.personId}`} onClick={() => setAsk({ row: p })}>
                            {t('documents:reads.remind')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {ask && (
        <ConfirmDialog
          title={t('documents:reads.remindTitle')}
          message={ask.row ? t('documents:reads.remindOne', { name: ask.row.name ?? '', count: ask.row.unopened ?? 0 }) : t('documents:reads.remindEveryone', { count: waiting })}
          confirmLabel={t('documents:reads.remind')}
          onConfirm={() => doRemind(ask.row)}
          onClose={() => setAsk(null)}
        />
      )}
    </section>
  );
}
