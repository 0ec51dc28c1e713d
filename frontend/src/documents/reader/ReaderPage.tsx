import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { downloadBlob, pathId } from '../../api/client';
import { isApiError, isNetworkError } from '../../api/problem';
import type { Id, Sharing } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { useNotify } from '../../components/Notice';
import { useTitle } from '../../components/useTitle';
import { errorText } from '../../lib/errors';
import { saveBlob } from '../../lib/files';
import { useI18n } from '../../lib/i18n';
import { shouldRetry } from '../../lib/queryClient';
import { routeId } from '../../lib/routeId';
import { NotFound } from '../../layout/Forbidden';
import { useMeetingLive } from '../../live/hooks';
import type { LocalAnnotation } from '../../offline/annotationCache';
import { offlineDb } from '../../offline/db';
import { storedFile } from '../../offline/pack';
import { useStoredPack } from '../../offline/packHooks';
import { outboxRunner } from '../../offline/sync';
import { vaultSealer } from '../../offline/vaultHooks';
import { UnlockPanel } from '../PinForm';
import { annotationsQuery, useDeleteAnnotation, useSaveAnnotation } from '../api/annotations';
import { documentApi, documentDetailQuery, linkQuery, requestLink } from '../api/documents';
import { OutboxCount } from '../OutboxCount';
import type { Reader } from '../ReadersPicker';
import { readerUrl } from '../shared';
import { AnnotationDialog, type AnnotationChoice, SharingChoice } from './AnnotationDialog';
import { type Point, type Rect, clientToDisplay, mergeLineRects, rectFrom, rectFromDisplay, roundRect, stepZoom } from './geometry';
import { NotesPanel } from './NotesPanel';
import { type PdfSource, isExpiredLink } from './pdf';
import { Thumbnails } from './Thumbnails';
import { type NewShape, type Tool, COLORS, DEFAULT_COLOR } from './types';
import { usePdfDocument } from './usePdfDocument';
import { useReceipts } from './useReceipts';
import { useDocSearch } from './useSearch';
import { type GoTo, Viewer } from './Viewer';

/** A UUID for a new annotation (crypto.randomUUID needs a secure context; the fallback is v4 too). */
function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** /meetings/:id/documents/:docId[?v=n]: the document reader, full screen. */
export default function ReaderPage() {
  const params = useParams();
  const meetingId = routeId(params.id);
  const docId = routeId(params.docId);
  if (meetingId === null || docId === null) return <NotFound />;
  return <ReaderView key={`${meetingId}:${docId}`} meetingId={meetingId} docId={docId} />;
}

type Side = 'notes' | 'search' | 'downloads' | null;
type NoteTarget = { kind: 'new'; page: number; at: Point } | { kind: 'open'; id: string } | null;

/** Don't ask for a new link more than once in this long (a link that fails at once is an error). */
const RELINK_MS = 10_000;

function ReaderView({ meetingId, docId }: { meetingId: Id; docId: Id }) {
  const { t } = useI18n();
  const notify = useNotify();
  const { user, offline: authOffline, device } = useAuth();
  const viewer = user?.id;
  const [search] = useSearchParams();
  const asked = Number(search.get('v')) || undefined;

  // ---- what to show: the server's document, else (offline) the stored pack ----
  // reading stored documents with the PIN only: nothing is asked of the server
  const detail = useQuery({ ...documentDetailQuery(docId), enabled: !device, retry: (n, e) => !isNetworkError(e) && shouldRetry(n, e) });
  const netDown = authOffline || (!detail.data && (isNetworkError(detail.error) || isNetworkError(detail.failureReason) || detail.fetchStatus === 'paused'));
  useMeetingLive(meetingId, !netDown);
  const { pack, locked: packLocked } = useStoredPack(meetingId);
  const packFile = pack?.files.find((f) => f.documentId === docId);
  const doc = detail.data?.document;
  // the version opened stays on screen when a new one is uploaded meanwhile (a notice offers it)
  const [pinned, setPinned] = useState<number | undefined>(undefined);
  const current = doc?.current?.number ?? (netDown ? packFile?.version : undefined);
  if (asked === undefined && pinned === undefined && current !== undefined) setPinned(current);
  const version = asked ?? pinned ?? current;
  const latest = doc?.current?.number ?? packFile?.version;
  const [storedMissing, setStoredMissing] = useState(false);
  const fromDevice = !!packFile && packFile.version === version && !storedMissing;
  const versionInfo = detail.data?.versions?.find((v) => v.number === version) ?? (version === doc?.current?.number ? doc?.current : undefined);
  const noPdf = !fromDevice && versionInfo !== undefined && versionInfo.hasPdf === false;
  const link = useQuery({ ...linkQuery(docId, version ?? 0), enabled: version !== undefined && !fromDevice && !netDown && !noPdf });
  const title = doc?.title ?? packFile?.title ?? '';
  useTitle(title || t('documents:reader.title'));
  const caps = doc?.capabilities;
  const canAnnotate = !!(caps?.canAnnotate ?? (netDown ? pack?.canAnnotate : false)) && viewer != null;
  const watermarked = fromDevice ? !!packFile?.confidential && !!packFile.sourceSha256 && packFile.sha256 !== packFile.sourceSha256 : !!link.data?.watermarked;

  // ---- the PDF ----
  const sourceKey = version === undefined ? null : fromDevice ? `device:${docId}:${version}` : link.data?.url ? `link:${link.data.url}` : null;
  const load = useCallback(async (): Promise<PdfSource> => {
    if (fromDevice && viewer != null && version !== undefined) {
      const f = await storedFile(offlineDb(), await vaultSealer(viewer), viewer, docId, version);
      if (!f) {
        setStoredMissing(true);
        throw new Error('not stored');
      }
      return { kind: 'data', data: f.data };
    }
    return { kind: 'url', url: link.data?.url ?? '' };
  }, [fromDevice, viewer, version, docId, link.data?.url]);
  const pdf = usePdfDocument(sourceKey, load);

  // a link lives minutes: when the server stops serving it, ask for a new one and open there again
  const relinkedAt = useRef(0);
  const [failure, setFailure] = useState<{ key: string | null; error: unknown } | null>(null);
  const fatal = failure && failure.key === sourceKey ? failure.error : null;
  const { refetch: relink } = link;
  // stable while the source is the same: every page view is given it
  const onViewError = useCallback(
    (err: unknown) => {
      if (!fromDevice && isExpiredLink(err) && Date.now() - relinkedAt.current > RELINK_MS) {
        relinkedAt.current = Date.now();
        void relink();
        return;
      }
      setFailure({ key: sourceKey, error: err });
    },
    [fromDevice, relink, sourceKey],
  );
  useEffect(() => {
    if (pdf.error && !(pdf.error instanceof Error && pdf.error.message === 'not stored')) onViewError(pdf.error);
  }, [pdf.error, onViewError]);

  // ---- page, zoom, panels ----
  const [page, setPage] = useState(1);
  const pageRef = useRef(1);
  const [zoom, setZoom] = useState(1);
  const [goTo, setGoTo] = useState<GoTo | null>(null);
  const seq = useRef(0);
  const go = useCallback((p: number) => setGoTo({ page: p, seq: ++seq.current }), []);
  const [side, setSide] = useState<Side>(null);
  const [thumbs, setThumbs] = useState(() => typeof window !== 'undefined' && window.innerWidth >= 1200);
  const [pageInput, setPageInput] = useState('');
  const onPage = useCallback((p: number) => {
    pageRef.current = p;
    setPage(p);
  }, []);
  // reopening (fresh link) keeps the place
  useEffect(() => {
    if (pdf.doc) go(pageRef.current);
  }, [pdf.doc, go]);

  // ---- read receipts ----
  const report = useReceipts(docId, version, viewer, !!pdf.doc);
  useEffect(() => {
    if (pdf.doc) report([pageRef.current]);
  }, [pdf.doc, report]);

  // ---- annotations ----
  const author = useMemo(() => (viewer != null ? { personId: viewer, name: user?.fullName ?? user?.username ?? '' } : null), [viewer, user?.fullName, user?.username]);
  const annotations = useQuery({ ...annotationsQuery(docId, version ?? 0, viewer, device), enabled: version !== undefined });
  const list = useMemo(() => annotations.data ?? [], [annotations.data]);
  const byPage = useMemo(() => {
    const m = new Map<number, LocalAnnotation[]>();
    for (const a of list) {
      if (a.page == null) continue;
      const l = m.get(a.page) ?? [];
      l.push(a);
      m.set(a.page, l);
    }
    return m;
  }, [list]);
  const save = useSaveAnnotation(docId, version ?? 0, author);
  const { mutate: saveMutate } = save;
  const remove = useDeleteAnnotation(docId, version ?? 0, viewer);

  const [tool, setTool] = useState<Tool>('read');
  const [colors, setColors] = useState<Record<Exclude<Tool, 'read'>, string>>(DEFAULT_COLOR);
  const color = tool === 'read' ? colors.highlight : colors[tool];
  const [sharing, setSharing] = useState<{ sharing: Sharing; readers: Reader[] }>({ sharing: 'PRIVATE', readers: [] });
  const [noteTarget, setNoteTarget] = useState<NoteTarget>(null);
  const [last, setLast] = useState<{ id: string; kind: string; page: number } | null>(null);
  const lastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(lastTimer.current), []);

  const create = useCallback(
    (shape: NewShape, extra: Partial<AnnotationChoice> = {}) => {
      if (version === undefined || !canAnnotate) return;
      const id = newId();
      const share = extra.sharing ?? sharing.sharing;
      const readers = extra.readers ?? sharing.readers;
      saveMutate(
        {
          id,
          body: {
            documentId: docId,
            version,
            kind: shape.kind,
            page: shape.page,
            color: extra.color ?? (shape.kind === 'INK' ? colors.pen : shape.kind === 'NOTE' ? colors.note : colors.highlight),
            rects: shape.rects,
            paths: shape.paths,
            note: extra.note || undefined,
            sharing: share,
            sharedWith: share === 'NAMED' ? readers.map((r) => r.id) : undefined,
          },
        },
        {
          onSuccess: () => {
            if (shape.kind === 'NOTE') return;
            setLast({ id, kind: shape.kind, page: shape.page });
            clearTimeout(lastTimer.current);
            lastTimer.current = setTimeout(() => setLast(null), 8_000);
          },
          onError: (e) => notify(errorText(e, t), 'error'),
        },
      );
    },
    [version, canAnnotate, sharing, saveMutate, docId, colors, notify, t],
  );

  const onNoteAt = useCallback((p: number, at: Point) => setNoteTarget({ kind: 'new', page: p, at }), []);
  const onOpen = useCallback((a: LocalAnnotation) => setNoteTarget({ kind: 'open', id: a.id }), []);
  const opened = noteTarget?.kind === 'open' ? (list.find((a) => a.id === noteTarget.id) ?? null) : null;

  function saveChoice(choice: AnnotationChoice) {
    if (!noteTarget || version === undefined) return;
    if (noteTarget.kind === 'new') {
      const [x, y] = noteTarget.at;
      create({ kind: 'NOTE', page: noteTarget.page, rects: [[x, y, 0, 0]] }, choice);
      setTool('read');
    } else if (opened) {
      save.mutate(
        {
          id: opened.id,
          body: {
            documentId: docId,
            version,
            kind: opened.kind ?? 'NOTE',
            page: opened.page ?? 1,
            color: choice.color,
            rects: opened.rects,
            paths: opened.paths,
            note: choice.note || undefined,
            sharing: choice.sharing,
            sharedWith: choice.sharing === 'NAMED' ? choice.readers.map((r) => r.id) : undefined,
          },
        },
        { onError: (e) => notify(errorText(e, t), 'error') },
      );
    }
    setNoteTarget(null);
  }

  function deleteOne(a: LocalAnnotation) {
    remove.mutate(a, { onSuccess: () => notify(t('documents:notes.deleted')) });
    setNoteTarget(null);
    if (last?.id === a.id) setLast(null);
  }

  // ---- a text selection becomes a highlight ----
  const scrollRef = useRef<HTMLElement>(null);
  const [hasSelection, setHasSelection] = useState(false);
  useEffect(() => {
    const onChange = () => {
      const sel = document.getSelection();
      const inside = !!sel && !sel.isCollapsed && sel.rangeCount > 0 && !!scrollRef.current?.contains(sel.getRangeAt(0).commonAncestorContainer);
      setHasSelection(inside);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  function highlightSelection() {
    const sel = document.getSelection();
    if (!sel || sel.isCollapsed) return;
    const pages = Array.from(scrollRef.current?.querySelectorAll<HTMLElement>('.pdf-page') ?? []);
    const found = new Map<number, { rotation: number; rects: Rect[] }>();
    for (let i = 0; i < sel.rangeCount; i++) {
      for (const r of Array.from(sel.getRangeAt(i).getClientRects())) {
        if (r.width < 1 || r.height < 1) continue;
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        const el = pages.find((p) => {
          const b = p.getBoundingClientRect();
          return cx >= b.left && cx <= b.right && cy >= b.top && cy <= b.bottom;
        });
        if (!el) continue;
        const n = Number(el.dataset.page);
        const b = el.getBoundingClientRect();
        const entry = found.get(n) ?? { rotation: Number(el.dataset.rotation) || 0, rects: [] };
        entry.rects.push(rectFrom(clientToDisplay(r.left, r.top, b), clientToDisplay(r.right, r.bottom, b)));
        found.set(n, entry);
      }
    }
    for (const [n, { rotation, rects }] of found) {
      const merged = mergeLineRects(rects)
        .map((r) => roundRect(rectFromDisplay(r, rotation)))
        .filter((r) => r[2] > 0 && r[3] > 0);
      if (merged.length) create({ kind: 'HIGHLIGHT', page: n, rects: merged });
    }
    sel.removeAllRanges();
  }

  // ---- search ----
  const finder = useDocSearch(pdf.doc);
  const [query, setQuery] = useState('');
  function runSearch(e: FormEvent) {
    e.preventDefault();
    finder.run(query);
  }
  useEffect(() => {
    // go to the first hit as soon as there is one
    if (finder.hits.length && finder.active === 0 && finder.hits[0]) go(finder.hits[0].page);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the first hit arrives
  }, [finder.hits.length > 0, finder.query]);
  const stepHit = (dir: 1 | -1) => {
    const p = finder.step(dir);
    if (p) go(p);
  };

  // ---- downloads ----
  const [downloading, setDownloading] = useState<'annotated' | 'original' | null>(null);
  async function downloadAnnotated() {
    if (version === undefined) return;
    setDownloading('annotated');
    try {
      await outboxRunner().kick();
      if (outboxRunner().count > 0) notify(t('documents:reader.annotatedPending'), 'error');
      const { blob, filename } = await downloadBlob(documentApi(docId, `/versions/${pathId(version)}/annotated`), `${title || 'tai-lieu'}.pdf`);
      saveBlob(blob, filename);
    } catch (e) {
      notify(errorText(e, t), 'error');
    } finally {
      setDownloading(null);
    }
  }
  async function downloadOriginal() {
    setDownloading('original');
    try {
      const l = await requestLink(docId, { version, kind: 'ORIGINAL', download: true });
      if (!l.url) throw new Error('no url');
      const a = document.createElement('a');
      a.href = l.url;
      a.rel = 'noopener';
      if (l.fileName) a.download = l.fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
    } catch (e) {
      notify(errorText(e, t), 'error');
    } finally {
      setDownloading(null);
    }
  }

  function submitPage(e: FormEvent) {
    e.preventDefault();
    const n = Number(pageInput);
    if (pdf.doc && Number.isInteger(n) && n >= 1 && n <= pdf.doc.numPages) {
      go(n);
      setPageInput('');
    }
  }

  const numPages = pdf.doc?.numPages ?? 0;
  const back = `/meetings/${meetingId}?tab=documents`;
  const loadError = fatal ?? (link.error && !link.data ? link.error : null) ?? (detail.error && !netDown && !packFile ? detail.error : null);
  const percent = pdf.total > 0 ? Math.round((pdf.loaded / pdf.total) * 100) : null;

  return (
    <div className="reader" data-testid="reader" data-document-id={docId} data-version={version} data-source={fromDevice ? 'device' : 'link'} data-pages={numPages || undefined}>
      <header className="reader-bar reader-bar-top">
        <Link to={back} className="btn reader-back" data-testid="reader-back">
          <span aria-hidden="true">←</span> {t('documents:reader.back')}
        </Link>
        <div className="reader-title">
          <h1 title={title}>{title}</h1>
          <span className="reader-sub">
            {numPages > 0 && (
              <span data-testid="reader-page-indicator" data-page={page}>
                {t('documents:reader.pageOf', { page, count: numPages })}
              </span>
            )}
            {version !== undefined && <span> · {t('documents:versions.version', { version })}</span>}
          </span>
        </div>
        <div className="reader-tools-right">
          <div className="btn-row zoom-group" role="group" aria-label={t('documents:reader.zoom')}>
            <button type="button" className="btn" data-testid="reader-zoom-out" aria-label={t('documents:reader.zoomOut')} onClick={() => setZoom((z) => stepZoom(z, -1))}>
              −
            </button>
            <button type="button" className="btn zoom-level" data-testid="reader-zoom-level" title={t('documents:reader.zoomFit')} onClick={() => setZoom(1)}>
              {Math.round(zoom * 100)}%
            </button>
            <button type="button" className="btn" data-testid="reader-zoom-in" aria-label={t('documents:reader.zoomIn')} onClick={() => setZoom((z) => stepZoom(z, 1))}>
              +
            </button>
          </div>
          <button type="button" className={`btn${thumbs ? ' is-on' : ''}`} aria-pressed={thumbs} data-testid="reader-thumbs-toggle" onClick={() => setThumbs((v) => !v)}>
            {t('documents:reader.pages')}
          </button>
          <button type="button" className={`btn${side === 'search' ? ' is-on' : ''}`} aria-pressed={side === 'search'} data-testid="reader-search-toggle" onClick={() => setSide((s) => (s === 'search' ? null : 'search'))}>
            {t('documents:reader.searchShort')}
          </button>
          <button type="button" className={`btn${side === 'notes' ? ' is-on' : ''}`} aria-pressed={side === 'notes'} data-testid="reader-notes-toggle" onClick={() => setSide((s) => (s === 'notes' ? null : 'notes'))}>
            {t('documents:reader.notes', { count: list.length })}
          </button>
          {!netDown && (
            <button type="button" className={`btn${side === 'downloads' ? ' is-on' : ''}`} aria-pressed={side === 'downloads'} data-testid="reader-downloads" onClick={() => setSide((s) => (s === 'downloads' ? null : 'downloads'))}>
              {t('documents:reader.downloads')}
            </button>
          )}
        </div>
      </header>

      <div className="reader-bar reader-bar-tools">
        {canAnnotate && (
          <div className="btn-row tool-group" role="group" aria-label={t('documents:reader.tools')}>
            {(['read', 'highlight', 'pen', 'note'] as const).map((x) => (
              <button key={x} type="button" className={`btn tool-btn${tool === x ? ' is-on' : ''}`} aria-pressed={tool === x} data-testid={`reader-tool-${x}`} onClick={() => setTool(x)}>
                {t(`documents:tool.${x}`)}
              </button>
            ))}
          </div>
        )}
        {canAnnotate && tool !== 'read' && (
          <div className="swatches" role="group" aria-label={t('documents:reader.color')}>
            {COLORS.map((c) => (
              <button
                key={c.value}
                type="button"
                className={`swatch${color === c.value ? ' is-on' : ''}`}
                style={{ background: c.value }}
                aria-pressed={color === c.value}
                aria-label={t(`documents:colors.${c.name}`)}
                data-testid={`reader-color-${c.name}`}
                onClick={() => setColors((cs) => ({ ...cs, [tool]: c.value }))}
              />
            ))}
          </div>
        )}
        {canAnnotate && tool !== 'read' && (
          <label className="share-default">
            <span className="visually-hidden">{t('documents:sharing.label')}</span>
            <select
              name="defaultSharing"
              aria-label={t('documents:sharing.label')}
              title={t('documents:sharing.label')}
              data-testid="reader-sharing"
              value={sharing.sharing}
              onChange={(e) => {
                const s = e.target.value as Sharing;
                setSharing((old) => ({ ...old, sharing: s }));
                if (s === 'NAMED') setSide('notes');
              }}
            >
              {(['PRIVATE', 'PARTICIPANTS', 'NAMED'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`documents:sharing.${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {canAnnotate && tool === 'read' && hasSelection && (
          <button type="button" className="btn btn-primary" data-testid="reader-highlight-selection" onMouseDown={(e) => e.preventDefault()} onClick={highlightSelection}>
            {t('documents:reader.highlightSelection')}
          </button>
        )}
        {(tool === 'read' || !canAnnotate) && (
          <form className="goto" onSubmit={submitPage}>
            <label>
              <span className="visually-hidden">{t('documents:reader.goto')}</span>
              <input type="number" name="page" inputMode="numeric" min={1} max={numPages || undefined} placeholder={t('documents:reader.gotoPlaceholder')} value={pageInput} onChange={(e) => setPageInput(e.target.value)} data-testid="reader-goto-input" />
            </label>
            <button type="submit" className="btn" data-testid="reader-goto">
              {t('documents:reader.gotoButton')}
            </button>
          </form>
        )}
        <OutboxCount className="reader-outbox" />
      </div>

      <div className="reader-notices">
        {netDown && (!packLocked || fromDevice) && (
          <p className="alert alert-info" data-testid="reader-offline">
            {fromDevice ? t(device ? 'documents:reader.offlineDevice' : 'documents:reader.offlineStored') : t('documents:reader.offlineNone')}
          </p>
        )}
        {netDown && packLocked && !fromDevice && <UnlockPanel testId="reader-locked" />}
        {watermarked && (
          <p className="alert alert-warn" data-testid="reader-watermarked">
            {t('documents:reader.watermarked')}
          </p>
        )}
        {version !== undefined && latest !== undefined && version !== latest && (
          <p className="alert alert-info" data-testid="reader-old-version">
            {t('documents:reader.oldVersion', { version, latest })} <Link to={readerUrl(meetingId, docId, latest)} data-testid="reader-open-latest">
              {t('documents:reader.openLatest')}
            </Link>
          </p>
        )}
        {noPdf && (
          <div className="alert alert-warn" data-testid="reader-no-pdf">
            <p>{versionInfo?.conversionText || t('documents:reader.noPdf')}</p>
            {caps?.canDownloadOriginal && (
              <button type="button" className="btn btn-primary" data-testid="reader-download-original" disabled={downloading !== null} onClick={() => void downloadOriginal()}>
                {t('documents:reader.downloadOriginal')}
              </button>
            )}
          </div>
        )}
        {loadError != null && !noPdf && (
          <p className="alert alert-error" role="alert" data-testid="reader-error">
            {isApiError(loadError) ? errorText(loadError, t) : t('documents:reader.cannotOpen')}
          </p>
        )}
      </div>

      <div className="reader-body">
        {thumbs && pdf.doc && <Thumbnails doc={pdf.doc} current={page} onGo={go} />}
        <main ref={scrollRef} className="reader-main" aria-busy={!pdf.doc || undefined}>
          {pdf.doc ? (
            <Viewer
              doc={pdf.doc}
              zoom={zoom}
              onZoom={setZoom}
              tool={canAnnotate ? tool : 'read'}
              color={color}
              annotations={byPage}
              hits={finder.byPage}
              goTo={goTo}
              onPage={onPage}
              onSeen={report}
              onCreate={create}
              onNoteAt={onNoteAt}
              onOpen={onOpen}
              onError={onViewError}
            />
          ) : (
            !loadError &&
            !noPdf && (
              <div className="reader-loading" role="status" data-testid="reader-loading">
                <span className="spinner" aria-hidden="true" />
                {percent !== null ? t('documents:reader.loadingPercent', { percent }) : t('app.loading')}
              </div>
            )
          )}
          {last && (
            <div className="reader-last" role="status" data-testid="reader-last">
              <span>{t(last.kind === 'INK' ? 'documents:reader.drew' : 'documents:reader.highlighted', { page: last.page })}</span>
              {last.kind === 'HIGHLIGHT' && (
                <button type="button" className="btn btn-small" data-testid="reader-last-note" onClick={() => setNoteTarget({ kind: 'open', id: last.id })}>
                  {t('documents:reader.addNote')}
                </button>
              )}
              <button
                type="button"
                className="btn btn-small"
                data-testid="reader-last-undo"
                onClick={() => {
                  const a = list.find((x) => x.id === last.id);
                  if (a) deleteOne(a);
                }}
              >
                {t('documents:reader.undo')}
              </button>
            </div>
          )}
        </main>
        {side === 'notes' && (
          <div className="reader-side-wrap">
            {canAnnotate && (
              <div className="reader-side reader-share-default">
                <SharingChoice meetingId={meetingId} sharing={sharing.sharing} readers={sharing.readers} name="defaultSharingPanel" onChange={(s, r) => setSharing({ sharing: s, readers: r })} />
              </div>
            )}
            <NotesPanel
              annotations={list}
              canEdit={canAnnotate}
              onOpen={(a) => {
                if (a.page) go(a.page);
                onOpen(a);
              }}
              onDelete={deleteOne}
              onClose={() => setSide(null)}
            />
          </div>
        )}
        {side === 'search' && (
          <aside className="reader-side" data-testid="reader-search-panel" aria-labelledby="search-heading">
            <div className="reader-side-head">
              <h2 id="search-heading">{t('documents:reader.search')}</h2>
              <button type="button" className="btn btn-icon" aria-label={t('common.close')} onClick={() => setSide(null)}>
                <span aria-hidden="true">×</span>
              </button>
            </div>
            <form onSubmit={runSearch} className="search-form" role="search">
              <label className="visually-hidden" htmlFor="reader-search">
                {t('documents:reader.search')}
              </label>
              <input id="reader-search" type="search" name="q" data-testid="reader-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('documents:reader.searchPlaceholder')} autoFocus />
              <button type="submit" className="btn btn-primary" data-testid="reader-search-go">
                {t('documents:reader.searchGo')}
              </button>
            </form>
            {finder.query && (
              <p className="muted" data-testid="reader-search-count" data-count={finder.hits.length} aria-live="polite">
                {finder.running ? t('documents:reader.searching', { page: finder.searched, count: numPages }) : t('documents:reader.found', { count: finder.hits.length })}
              </p>
            )}
            {finder.hits.length > 0 && (
              <div className="btn-row">
                <button type="button" className="btn" data-testid="reader-search-prev" onClick={() => stepHit(-1)}>
                  {t('documents:reader.prevHit')}
                </button>
                <button type="button" className="btn" data-testid="reader-search-next" onClick={() => stepHit(1)}>
                  {t('documents:reader.nextHit')}
                </button>
              </div>
            )}
            <ol className="search-results">
              {finder.hits.slice(0, 300).map((h, i) => (
                <li key={`${h.page}-${h.index}`}>
                  <button
                    type="button"
                    className={`search-result${i === finder.active ? ' is-active' : ''}`}
                    data-testid="reader-search-result"
                    data-page={h.page}
                    onClick={() => {
                      const p = finder.select(i);
                      if (p) go(p);
                    }}
                  >
                    <span className="search-page">{t('documents:reader.pageN', { page: h.page })}</span>
                    <span className="search-excerpt">{h.excerpt}</span>
                  </button>
                </li>
              ))}
            </ol>
          </aside>
        )}
        {side === 'downloads' && (
          <aside className="reader-side" data-testid="reader-downloads-panel" aria-labelledby="dl-heading">
            <div className="reader-side-head">
              <h2 id="dl-heading">{t('documents:reader.downloads')}</h2>
              <button type="button" className="btn btn-icon" aria-label={t('common.close')} onClick={() => setSide(null)}>
                <span aria-hidden="true">×</span>
              </button>
            </div>
            <p>
              <button type="button" className="btn btn-primary btn-block" data-testid="reader-download-annotated" disabled={downloading !== null || version === undefined} onClick={() => void downloadAnnotated()}>
                {downloading === 'annotated' ? t('app.loading') : t('documents:reader.downloadAnnotated')}
              </button>
            </p>
            <p className="hint">{t('documents:reader.downloadAnnotatedHint')}</p>
            {caps?.canDownloadOriginal && !noPdf && (
              <p>
                <button type="button" className="btn btn-block" data-testid="reader-download-original" disabled={downloading !== null} onClick={() => void downloadOriginal()}>
                  {downloading === 'original' ? t('app.loading') : t('documents:reader.downloadOriginal')}
                </button>
              </p>
            )}
            {watermarked && <p className="hint">{t('documents:reader.watermarkedHint')}</p>}
          </aside>
        )}
      </div>

      {noteTarget && (noteTarget.kind === 'new' || opened) && (
        <AnnotationDialog
          meetingId={meetingId}
          annotation={opened}
          page={noteTarget.kind === 'new' ? noteTarget.page : (opened?.page ?? 1)}
          canEdit={canAnnotate}
          initial={
            opened
              ? { note: opened.note ?? '', color: opened.color ?? colors.highlight, sharing: opened.sharing ?? 'PRIVATE', readers: [] }
              : { note: '', color: colors.note, sharing: sharing.sharing, readers: sharing.readers }
          }
          onSave={saveChoice}
          onDelete={opened ? () => deleteOne(opened) : undefined}
          onClose={() => setNoteTarget(null)}
        />
      )}
    </div>
  );
}
