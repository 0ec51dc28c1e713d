import { useEffect, useRef, useState } from 'react';
import type { Id, MeetingDocument, Pack } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { FormError } from '../components/Field';
import { useNotify } from '../components/Notice';
import { formatDateTime } from '../format';
import { errorText } from '../lib/errors';
import { type TFunction, useI18n } from '../lib/i18n';
import type { StoredPack } from '../offline/db';
import { type PackError, type PackProgress, freeSpace } from '../offline/pack';
import { type LockedPack, useDownloadPack, useLegacyDropped, usePreparePack, useRemovePack } from '../offline/packHooks';
import { useServiceWorker } from '../offline/pwa';
import { useVaultState } from '../offline/vaultHooks';
import { PinDialog, personOf } from './PinForm';
import { formatBytes } from './shared';

function packErrorText(e: PackError | undefined, t: TFunction): string {
  if (!e) return '';
  switch (e.code) {
    case 'hash-mismatch':
      return t('documents:pack.error.hash');
    case 'http':
      return t('documents:pack.error.http', { status: e.status });
    case 'incomplete':
      return t('documents:pack.error.incomplete');
    case 'no-crypto':
      return t('documents:pack.error.crypto');
    case 'storage':
      return t('documents:pack.error.storage');
    case 'aborted':
      return t('documents:pack.error.aborted');
    case 'no-link':
      return t('documents:pack.error.noLink');
    default:
      return t('error.network');
  }
}

/** The list has documents (or versions) the stored pack does not hold, or the other way round. */
export function packOutdated(pack: StoredPack, docs: readonly MeetingDocument[] | undefined): boolean {
  if (!docs) return false;
  const stored = new Map(pack.files.map((f) => [f.documentId, f.version]));
  const listed = new Set<Id>();
  for (const d of docs) {
    if (d.id == null || !d.current) continue;
    listed.add(d.id);
    const inPack = stored.get(d.id);
    // a file without a PDF may or may not be in a pack (the original, for those who may have it)
    if (inPack === undefined ? d.current.hasPdf : inPack !== d.current.number) return true;
  }
  return pack.files.some((f) => f.documentId != null && !listed.has(f.documentId));
}

/**
 * "Tải về để đọc ngoại tuyến": the first time on this device, asks the person to set a device PIN
 * (the stored documents are encrypted under it, and it opens them without network); in a new
 * browser session, asks for the PIN before an update. Then asks for the manifest, says how much it
 * is and asks, downloads each file with a progress bar, checks it against the manifest's SHA-256,
 * encrypts and stores it. Then shows the pack's fingerprint and the time, which delegates compare
 * ("bộ tài liệu 3F2A-91C0-…").
 */
export function PackPanel({
  meetingId,
  pack,
  locked,
  docs,
  offline,
  canAnnotate,
}: {
  meetingId: Id;
  pack: StoredPack | null | undefined;
  /** a pack is stored but the PIN was not entered in this session */
  locked: LockedPack | null;
  docs: readonly MeetingDocument[] | undefined;
  offline: boolean;
  canAnnotate: boolean;
}) {
  const { t } = useI18n();
  const { user } = useAuth();
  const person = personOf(user);
  const vault = useVaultState(user?.id);
  const [pinFor, setPinFor] = useState<'download' | 'open' | null>(null);
  const legacyDropped = useLegacyDropped();
  const notify = useNotify();
  const sw = useServiceWorker();
  const [manifest, setManifest] = useState<Pack | null>(null);
  const [space, setSpace] = useState<number | null>(null);
  const [progress, setProgress] = useState<PackProgress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const prepare = usePreparePack(meetingId);
  const download = useDownloadPack(meetingId, setProgress);
  const remove = useRemovePack(meetingId);
  const outdated = pack ? packOutdated(pack, docs) : false;

  useEffect(() => () => abort.current?.abort(), []);

  /** The PIN first (set it, or enter it in a new browser session), then the manifest. */
  function begin() {
    if (vault.state === 'none' || vault.state === 'locked') setPinFor('download');
    else void ask();
  }

  async function ask() {
    setProgress(null);
    download.reset();
    const m = await prepare.mutateAsync().catch(() => null);
    if (!m) return;
    setSpace(await freeSpace());
    setManifest(m);
  }

  function start() {
    if (!manifest) return;
    const ctrl = new AbortController();
    abort.current = ctrl;
    const m = manifest;
    setManifest(null);
    download.mutate(
      { pack: m, signal: ctrl.signal, canAnnotate },
      {
        onSuccess: (r) => {
          if (r.pack) notify(t('documents:pack.stored', { fingerprint: r.pack.fingerprint }));
        },
      },
    );
  }

  const failed = progress?.files.filter((f) => f.state === 'failed') ?? [];
  const busy = prepare.isPending || download.isPending;
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;

  return (
    <section className="panel pack-panel" data-testid="pack-panel" aria-labelledby="pack-heading">
      <h3 id="pack-heading">{t('documents:pack.title')}</h3>
      {pack ? (
        <div className="pack-info" data-testid="pack-info" data-fingerprint={pack.fingerprint}>
          <p>
            {t('documents:pack.holds', { count: pack.files.length, size: formatBytes(pack.totalBytes) })}
            {sw.offlineReady && (
              <span className="badge badge-ok pack-ready" data-testid="pack-offline-ready">
                {t('documents:pack.ready')}
              </span>
            )}
          </p>
          <p className="pack-fingerprint-line">
            {t('documents:pack.fingerprintLabel')}{' '}
            <strong className="pack-fingerprint" data-testid="pack-fingerprint">
              {pack.fingerprint}
            </strong>
            {', '}
            {t('documents:pack.downloadedAt')}{' '}
            <span data-testid="pack-downloaded-at" data-at={pack.downloadedAt}>
              {formatDateTime(pack.downloadedAt)}
            </span>
          </p>
          <p className="hint">{t('documents:pack.compare')}</p>
          {outdated && (
            <p className="alert alert-warn" data-testid="pack-outdated">
              {t('documents:pack.outdated')}
            </p>
          )}
        </div>
      ) : locked ? (
        <div className="pack-info pack-locked" data-testid="pack-locked" data-fingerprint={locked.fingerprint}>
          <p>
            {t('documents:pack.holds', { count: locked.fileCount, size: formatBytes(locked.totalBytes) })}{' '}
            <span className="badge badge-muted">{t('documents:pack.lockedBadge')}</span>
          </p>
          <p className="hint">{t('documents:pack.lockedText')}</p>
          <button type="button" className="btn btn-primary btn-large" data-testid="pack-unlock" onClick={() => setPinFor('open')}>
            {t('documents:pin.open')}
          </button>
        </div>
      ) : (
        <>
          <p>{t('documents:pack.explain')}</p>
          {vault.state === 'none' && <p className="hint">{t('documents:pack.pinFirst')}</p>}
          {legacyDropped && (
            <p className="alert alert-info" data-testid="pack-legacy-dropped">
              {t('documents:pack.legacyDropped')}
            </p>
          )}
        </>
      )}

      {!offline && !manifest && (
        <div className="btn-row wrap">
          <button type="button" className="btn btn-primary btn-large" data-testid="pack-download" disabled={busy || vault.state === 'loading' || !person} onClick={begin}>
            {prepare.isPending ? t('app.loading') : pack || locked ? t('documents:pack.update') : t('documents:pack.download')}
          </button>
          {(pack || locked) && !busy && (
            <button type="button" className="btn btn-danger-outline" data-testid="pack-delete" disabled={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: () => notify(t('documents:pack.removed')) })}>
              {t('documents:pack.remove')}
            </button>
          )}
        </div>
      )}
      <FormError message={prepare.error ? errorText(prepare.error, t) : remove.error ? errorText(remove.error, t) : null} />

      {manifest && (
        <div className="pack-confirm" data-testid="pack-confirm" role="group" aria-label={t('documents:pack.confirmTitle')}>
          <p>
            <strong>{t('documents:pack.confirm', { count: manifest.files?.length ?? 0, size: formatBytes(manifest.totalBytes ?? 0) })}</strong>
          </p>
          {space !== null && (manifest.totalBytes ?? 0) > space && (
            <p className="alert alert-warn" data-testid="pack-space">
              {t('documents:pack.noSpace', { free: formatBytes(space) })}
            </p>
          )}
          <div className="btn-row">
            <button type="button" className="btn btn-primary btn-large" data-testid="pack-confirm-ok" onClick={start}>
              {t('documents:pack.confirmOk')}
            </button>
            <button type="button" className="btn" data-testid="pack-confirm-cancel" onClick={() => setManifest(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}

      {progress && (
        <div className="pack-progress" data-testid="pack-progress" data-state={download.isPending ? 'running' : failed.length ? 'failed' : 'done'}>
          <div className="progress" role="progressbar" aria-label={t('documents:pack.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <div className="progress-bar" style={{ width: `${percent}%` }} />
          </div>
          <p className="progress-text" aria-live="polite">
            {t('documents:pack.progressText', { loaded: formatBytes(progress.loaded), total: formatBytes(progress.total), percent })}
          </p>
          <ul className="pack-files">
            {progress.files.map((f) => {
              const p = f.size > 0 ? Math.round((f.loaded / f.size) * 100) : f.state === 'done' ? 100 : 0;
              return (
                <li key={`${f.documentId}-${f.version}`} className={`pack-file is-${f.state}`} data-testid={`pack-file-${f.documentId}`} data-state={f.state}>
                  <span className="pack-file-name">{f.title}</span>
                  <span className="pack-file-state">
                    {f.state === 'failed' ? (
                      <span className="error-text" role="alert">
                        {packErrorText(f.error, t)}
                      </span>
                    ) : (
                      t(`documents:pack.state.${f.state}`, { percent: p })
                    )}
                  </span>
                  <span className="mini-progress" aria-hidden="true">
                    <span style={{ width: `${p}%` }} />
                  </span>
                </li>
              );
            })}
          </ul>
          {download.isPending && (
            <button type="button" className="btn" data-testid="pack-cancel" onClick={() => abort.current?.abort()}>
              {t('common.cancel')}
            </button>
          )}
          {!download.isPending && failed.length > 0 && (
            <button type="button" className="btn btn-primary" data-testid="pack-retry" onClick={begin}>
              {t('common.retry')}
            </button>
          )}
          <FormError message={download.error ? errorText(download.error, t) : null} />
        </div>
      )}

      {pinFor && person && (
        <PinDialog
          mode={vault.state === 'none' ? 'create' : 'unlock'}
          person={vault.vault?.person ?? person}
          failures={vault.vault?.failures}
          intro={vault.state === 'none' ? t('documents:pin.createIntro') : undefined}
          onClose={() => setPinFor(null)}
          onDone={() => {
            const next = pinFor;
            setPinFor(null);
            if (next === 'download') void ask();
          }}
        />
      )}
    </section>
  );
}
