import { useState, type FormEvent } from 'react';
import type { Id, Minutes, SignerRole } from '../api/types';
import { FormProblem } from '../components/FormProblem';
import { useNotify } from '../components/Notice';
import { formatDateTime } from '../format';
import { useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useMinutesAction } from './api/minutes';
import { cleanCms, groupDigest, looksLikeCms } from './steps';

/**
 * Copies a text; where the clipboard is not available (an older browser, no permission) the text is
 * selected instead, for copying by hand. Resolves whether it was copied.
 */
async function copyText(text: string, fallbackInput: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    (document.getElementById(fallbackInput) as HTMLInputElement | null)?.select();
    return false;
  }
}

function CopyField({ id, label, value, testId }: { id: string; label: string; value: string; testId: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="picker-row">
        <input id={id} type="text" readOnly value={value} className="mono" data-testid={testId} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          className="btn btn-primary"
          data-testid={`${testId}-copy`}
          onClick={async () => {
            setCopied(await copyText(value, id));
          }}
        >
          {copied ? t('minutes:hash.copied') : t('minutes:hash.copy')}
        </button>
      </div>
    </div>
  );
}

/**
 * Signing with a USB token or a remote signing service: HopSo prepares the PDF and shows the digest
 * to sign; the person's signing tool makes a CMS signature over it, which is pasted back here and
 * embedded. Shown to the signer whose turn it is (`signAs`), and to the others as "being signed".
 */
export function HashSign({ meetingId, minutes, signAs, canSign }: { meetingId: Id; minutes: Minutes; signAs: SignerRole | undefined; canSign: boolean }) {
  const { t } = useI18n();
  const notify = useNotify();
  const prepare = useApiForm(useMinutesAction(meetingId));
  const complete = useApiForm(useMinutesAction(meetingId), { fields: ['cms'] });
  const [cms, setCms] = useState('');
  const pending = minutes.pending;
  // the prepared signature is the caller's when it is for the role they sign in now
  const mine = !!pending && canSign && pending.role === signAs;
  const busy = prepare.busy || complete.busy;

  if (pending && !mine) {
    return (
      <p className="alert alert-info" data-testid="minutes-hash-other">
        {t('minutes:hash.other', { person: pending.person ?? '', at: formatDateTime(pending.expiresAt) })}
      </p>
    );
  }
  if (!canSign) return null;

  function onComplete(e: FormEvent) {
    e.preventDefault();
    if (!looksLikeCms(cms)) {
      complete.invalid({ cms: t('minutes:hash.cmsBad') });
      return;
    }
    complete.submit(
      { action: 'sign/complete', cms: cleanCms(cms) },
      {
        onSuccess: () => {
          setCms('');
          notify(t('minutes:done.signed'));
        },
      },
    );
  }

  return (
    <section className="panel hash-sign" aria-labelledby="hash-title" data-testid="minutes-hash">
      <h2 id="hash-title">{t('minutes:hash.title')}</h2>
      {signAs && <p>{t('minutes:signAs', { role: t(`minutes:role.${signAs}`) })}</p>}
      <ol className="steps-text">
        <li>{t('minutes:hash.step1')}</li>
        <li>{t('minutes:hash.step2')}</li>
        <li>{t('minutes:hash.step3')}</li>
      </ol>
      <FormProblem form={prepare} />
      <div className="btn-row wrap">
        <button
          type="button"
          className={`btn ${mine ? '' : 'btn-primary'}`}
          data-testid="minutes-hash-prepare"
          disabled={busy}
          onClick={() => {
            complete.reset();
            prepare.submit({ action: 'sign/prepare' });
          }}
        >
          {prepare.busy ? t('common.working') : mine ? t('minutes:hash.prepareAgain') : t('minutes:hash.prepare')}
        </button>
      </div>
      {mine && pending && (
        <form onSubmit={onComplete} noValidate className="hash-form">
          <CopyField id="hash-hex" label={t('minutes:hash.digestHex')} value={pending.digestHex ?? ''} testId="minutes-hash-hex" />
          {/* in groups of four, to compare with what the token's screen shows */}
          <p className="mono digest-groups" aria-hidden="true">
            {groupDigest(pending.digestHex)}
          </p>
          <CopyField id="hash-b64" label={t('minutes:hash.digestBase64')} value={pending.digestBase64 ?? ''} testId="minutes-hash-base64" />
          <p className="hint">{t('minutes:hash.expires', { at: formatDateTime(pending.expiresAt) })}</p>
          <div className={`field${complete.fieldErrors.cms ? ' has-error' : ''}`}>
            <label htmlFor="hash-cms">{t('minutes:hash.cms')}</label>
            <textarea
              id="hash-cms"
              name="cms"
              rows={6}
              className="mono"
              value={cms}
              onChange={(e) => setCms(e.target.value)}
              aria-describedby="hash-cms-hint"
              aria-invalid={complete.fieldErrors.cms ? true : undefined}
              data-testid="minutes-hash-cms"
            />
            <p id="hash-cms-hint" className="hint">
              {t('minutes:hash.cmsHint')}
            </p>
            {complete.fieldErrors.cms && (
              <p className="field-error" data-testid="field-error" data-field="cms">
                {complete.fieldErrors.cms}
              </p>
            )}
          </div>
          <FormProblem form={complete} />
          <div className="form-actions form-actions-start">
            <button type="submit" className="btn btn-primary btn-large" data-testid="minutes-hash-complete" disabled={busy || cms.trim() === ''}>
              {complete.busy ? t('common.working') : t('minutes:hash.complete')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
