import { useState } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormError } from '../components/Field';
import { useNotify } from '../components/Notice';
import { useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useCreateFeed, useRevokeFeed } from './api/calendarFeed';

/**
 * "Lịch của tôi": the personal iCalendar feed. The server keeps only a hash of the secret, so the
 * address is shown once, right after it is made; making a new one stops the old one.
 */
export function CalendarFeed() {
  const { t } = useI18n();
  const notify = useNotify();
  const [url, setUrl] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'revoke' | null>(null);
  const [copied, setCopied] = useState(false);
  const createForm = useApiForm(useCreateFeed());
  const revoke = useRevokeFeed();
  const busy = createForm.busy || revoke.isPending;

  function create() {
    createForm.submit(undefined, {
      onSuccess: (r) => {
        const raw = r.url ?? '';
        setUrl(raw.startsWith('/') ? `${window.location.origin}${raw}` : raw);
        setCopied(false);
        notify(t('feed.created'));
      },
    });
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // older browsers / no permission: select the text so the person can copy it by hand
      const input = document.getElementById('feed-url') as HTMLInputElement | null;
      input?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
    notify(t('feed.copied'));
  }

  return (
    <section className="panel narrow" aria-labelledby="feed-title" data-testid="calendar-feed">
      <h2 id="feed-title">{t('feed.title')}</h2>
      <p className="muted">{t('feed.explain')}</p>
      <FormError message={createForm.error} />
      {url && (
        <div className="field">
          <label htmlFor="feed-url">{t('feed.url')}</label>
          <div className="picker-row">
            <input id="feed-url" name="feedUrl" type="text" readOnly value={url} data-testid="feed-url" onFocus={(e) => e.target.select()} />
            <button type="button" className="btn btn-primary" data-testid="feed-copy" onClick={copy}>
              {copied ? t('feed.copiedShort') : t('feed.copy')}
            </button>
          </div>
          <p className="hint">{t('feed.secretHint')}</p>
        </div>
      )}
      <p className="hint">{t('feed.rotateHint')}</p>
      <div className="btn-row wrap">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="feed-create"
          disabled={busy}
          onClick={create}
        >
          {url ? t('feed.rotate') : t('feed.create')}
        </button>
        <button type="button" className="btn btn-danger-outline" data-testid="feed-revoke" disabled={busy} onClick={() => setConfirm('revoke')}>
          {t('feed.revoke')}
        </button>
      </div>
      {confirm === 'revoke' && (
        <ConfirmDialog
          title={t('feed.revoke')}
          message={t('feed.revokeConfirm')}
          confirmLabel={t('feed.revoke')}
          danger
          onClose={() => setConfirm(null)}
          onConfirm={async () => {
            await revoke.mutateAsync();
            setConfirm(null);
            setUrl(null);
            notify(t('feed.revoked'));
          }}
        />
      )}
    </section>
  );
}
