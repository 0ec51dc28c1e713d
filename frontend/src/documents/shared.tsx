import type { AgendaItem, Id, MeetingDocument } from '../api/types';
import type { StoredPack, StoredPackFile } from '../offline/db';
import { useI18n } from '../lib/i18n';

const sizeFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** "820 KB", "12,4 MB" (Vietnamese decimal comma in both languages, like every number here). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${sizeFormat.format(v)} ${units[u]}`;
}

/** The reader of a document (full screen): /meetings/:id/documents/:docId[?v=n] */
export function readerUrl(meetingId: Id, docId: Id | undefined, version?: number): string {
  const base = `/meetings/${encodeURIComponent(String(meetingId))}/documents/${encodeURIComponent(String(docId ?? ''))}`;
  return version ? `${base}?v=${version}` : base;
}

/** An agenda item in a flat list ("2.1"), for choosing where a document belongs. */
export interface ItemChoice {
  id: Id;
  number: string;
  title: string;
  depth: number;
}

export function flattenAgenda(items: readonly AgendaItem[] | undefined, depth = 0, out: ItemChoice[] = []): ItemChoice[] {
  for (const item of items ?? []) {
    if (item.id != null) out.push({ id: item.id, number: item.number ?? '', title: item.title ?? '', depth });
    flattenAgenda(item.children, depth + 1, out);
  }
  return out;
}

/** One line of the documents list, from the server's list or from a stored pack (offline). */
export interface DocEntry {
  id: Id;
  title: string;
  itemId: Id | null;
  itemNumber: string | null;
  itemTitle: string | null;
  fileName: string;
  pages: number | null;
  size: number | null;
  version: number | null;
  confidential: boolean;
  /** the server's document (missing offline) */
  doc?: MeetingDocument;
  /** the stored pack's line (when this version is on the device) */
  stored?: StoredPackFile;
}

export function entryOf(doc: MeetingDocument, pack: StoredPack | null | undefined): DocEntry | null {
  if (doc.id == null) return null;
  const cur = doc.current;
  const stored = pack?.files.find((f) => f.documentId === doc.id);
  return {
    id: doc.id,
    title: doc.title ?? cur?.fileName ?? '',
    itemId: doc.itemId ?? null,
    itemNumber: doc.itemNumber ?? null,
    itemTitle: doc.itemTitle ?? null,
    fileName: cur?.fileName ?? '',
    pages: cur?.pages ?? null,
    size: cur?.hasPdf && cur.pdfSize != null ? cur.pdfSize : (cur?.size ?? null),
    version: cur?.number ?? null,
    confidential: !!doc.confidential,
    doc,
    stored,
  };
}

/** The documents of a stored pack as list lines (offline). */
export function packEntries(pack: StoredPack): DocEntry[] {
  const titles = new Map(flattenAgenda(pack.agenda?.items).map((i) => [i.id, i.title]));
  return pack.files
    .filter((f) => f.documentId != null)
    .map((f) => ({
      id: f.documentId as Id,
      title: f.title ?? f.fileName ?? '',
      itemId: f.itemId ?? null,
      itemNumber: f.itemNumber ?? null,
      itemTitle: f.itemId != null ? (titles.get(f.itemId) ?? null) : null,
      fileName: f.fileName ?? '',
      pages: f.pages ?? null,
      size: f.size ?? null,
      version: f.version ?? null,
      confidential: !!f.confidential,
      stored: f,
    }));
}

export interface DocGroup {
  /** null: documents of the whole meeting */
  itemId: Id | null;
  number: string | null;
  title: string | null;
  entries: DocEntry[];
}

/** Grouped by agenda item, the meeting's own documents first, then in the order given (agenda order). */
export function groupByItem(entries: readonly DocEntry[]): DocGroup[] {
  const groups = new Map<string, DocGroup>();
  groups.set('meeting', { itemId: null, number: null, title: null, entries: [] });
  for (const e of entries) {
    const key = e.itemId == null ? 'meeting' : String(e.itemId);
    let g = groups.get(key);
    if (!g) {
      g = { itemId: e.itemId, number: e.itemNumber, title: e.itemTitle, entries: [] };
      groups.set(key, g);
    }
    g.entries.push(e);
  }
  return [...groups.values()].filter((g) => g.entries.length > 0);
}

/** Mật, Chưa đọc, Có phiên bản mới, conversion problems, and "on this device". */
export function DocBadges({ entry }: { entry: DocEntry }) {
  const { t } = useI18n();
  const doc = entry.doc;
  const conversion = doc?.current?.conversion;
  const storedOld = entry.stored && entry.version != null && entry.stored.version !== entry.version;
  return (
    <span className="badge-list doc-badges">
      {entry.confidential && (
        <span className="badge badge-danger" data-testid="doc-badge-confidential">
          {t('documents:badge.confidential')}
        </span>
      )}
      {doc?.unread && (
        <span className="badge badge-info" data-testid="doc-badge-unread">
          {t('documents:badge.unread')}
        </span>
      )}
      {doc?.changedSinceRead && (
        <span className="badge badge-warn" data-testid="doc-badge-changed">
          {t('documents:badge.changed')}
        </span>
      )}
      {(conversion === 'UNAVAILABLE' || conversion === 'FAILED') && (
        <span className="badge badge-warn" data-testid="doc-badge-conversion" data-conversion={conversion}>
          {doc?.current?.conversionText || t(`documents:conversion.${conversion}`)}
        </span>
      )}
      {entry.stored && !storedOld && (
        <span className="badge badge-ok" data-testid="doc-badge-offline">
          {t('documents:badge.offline')}
        </span>
      )}
      {storedOld && (
        <span className="badge badge-warn" data-testid="doc-badge-offline-old">
          {t('documents:badge.offlineOld')}
        </span>
      )}
    </span>
  );
}
