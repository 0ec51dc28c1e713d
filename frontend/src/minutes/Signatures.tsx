import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Id, MinutesSignature, MinutesVerification, SignatureCheck } from '../api/types';
import { FormError } from '../components/Field';
import { formatDateTime } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { fileSize } from '../tasks/taskLogic';
import { minutesVerificationQuery } from './api/minutes';
import { missingSigners } from './steps';

/** The signatures made on the minutes: who, in which role, how, when, with which certificate. */
export function SignatureList({ signatures, waiting }: { signatures: readonly MinutesSignature[]; waiting: boolean }) {
  const { t } = useI18n();
  const missing = missingSigners(signatures.map((s) => s.role));
  return (
    <div className="signature-list">
      {signatures.length === 0 && <p className="muted">{t('minutes:signatures.none')}</p>}
      <ul className="plain-list">
        {signatures.map((s, i) => (
          <li key={`${s.role}-${i}`} className="signature-item" data-testid="minutes-signature" data-role={s.role} data-method={s.method}>
            <p className="signature-head">
              <span className="badge badge-ok">{s.role ? t(`minutes:role.${s.role}`) : s.roleText}</span> <strong>{s.person}</strong>
            </p>
            <p className="small">
              {t('minutes:signatures.signedAt', { at: formatDateTime(s.signedAt) })} · {s.method ? t(`minutes:method.${s.method}`) : ''}
            </p>
            {s.certificateSubject && <p className="small break">{t('minutes:signatures.subject', { value: s.certificateSubject })}</p>}
            {s.certificateIssuer && <p className="small break">{t('minutes:signatures.issuer', { value: s.certificateIssuer })}</p>}
            <p className="small">
              <span className={`badge ${s.timestamped ? 'badge-info' : 'badge-muted'}`} data-timestamped={!!s.timestamped}>
                {s.timestamped ? t('minutes:signatures.timestamped') : t('minutes:signatures.noTimestamp')}
              </span>
            </p>
          </li>
        ))}
      </ul>
      {waiting && missing.length > 0 && (
        <p className="muted" data-testid="minutes-signatures-missing">
          {t('minutes:signatures.missing', { roles: missing.map((r) => t(`minutes:role.${r}`)).join(', ') })}
        </p>
      )}
    </div>
  );
}

/** The check of the meeting's current PDF (read again when the file changes: a new signature). */
export function MinutesCheck({ meetingId, sha256 }: { meetingId: Id; sha256: string }) {
  const { t } = useI18n();
  const { data, error, isPending } = useQuery(minutesVerificationQuery(meetingId, sha256));
  return (
    <div className="minutes-check">
      <h3>{t('minutes:verify.title')}</h3>
      <FormError message={error ? errorText(error, t) : null} />
      {isPending && !error && <p className="muted">{t('minutes:verify.checking')}</p>}
      {data && <VerificationView v={data} />}
      <p>
        <Link to="/minutes/verify" data-testid="minutes-verify-link">
          {t('minutes:verify.other')}
        </Link>
      </p>
    </div>
  );
}

/** A PDF's check: valid or not, and each signature (intact, covering, certificate, time). */
export function VerificationView({ v, showOwner }: { v: MinutesVerification; showOwner?: boolean }) {
  const { t } = useI18n();
  const checks = v.signatures ?? [];
  return (
    <div className="verification" data-testid="minutes-verification" data-valid={!!v.valid}>
      <p className={`alert ${v.valid ? 'alert-ok' : 'alert-error'} verification-verdict`} role="status" data-testid="verification-verdict">
        <strong>{v.valid ? t('minutes:verify.valid') : t('minutes:verify.invalid')}</strong>
        {!v.valid && checks.length === 0 && <span> — {t('minutes:verify.noSignatures')}</span>}
        {!v.valid && checks.length > 0 && v.unchangedAfterLastSignature === false && <span> — {t('minutes:verify.changedAfter')}</span>}
      </p>
      {showOwner && (
        <p data-testid="verification-owner">
          {v.meetingId != null ? (
            <>
              <Link to={`/meetings/${v.meetingId}?tab=minutes`}>{t('minutes:verify.belongs', { title: v.meetingTitle ?? '' })}</Link>
              <br />
              <span className={v.latest ? 'muted' : 'error-text'}>{v.latest ? t('minutes:verify.latest') : t('minutes:verify.older')}</span>
            </>
          ) : (
            <span className="muted">{t('minutes:verify.unknown')}</span>
          )}
        </p>
      )}
      <ol className="plain-list">
        {checks.map((c, i) => (
          <SignatureCheckItem key={i} c={c} />
        ))}
      </ol>
      <p className="small muted break">{t('minutes:verify.file', { size: fileSize(v.size), sha: v.sha256 ?? '' })}</p>
      <p className="small muted">{t('minutes:verify.notJudged')}</p>
    </div>
  );
}

function SignatureCheckItem({ c }: { c: SignatureCheck }) {
  const { t } = useI18n();
  return (
    <li className={`signature-item${c.intact ? '' : ' is-broken'}`} data-testid="verification-signature" data-intact={!!c.intact} data-role={c.role}>
      <p className="signature-head">
        {c.role && <span className="badge badge-role">{t(`minutes:role.${c.role}`)}</span>} <strong>{c.person ?? c.name}</strong>
      </p>
      <p>
        <span className={`badge ${c.intact ? 'badge-ok' : 'badge-danger'}`}>{c.intact ? t('minutes:verify.intact') : t('minutes:verify.broken')}</span>{' '}
        {c.intact && !c.coversWholeDocument && <span className="small muted">{t('minutes:verify.partial')}</span>}
      </p>
      {c.signingTime && <p className="small">{t('minutes:verify.signingTime', { at: formatDateTime(c.signingTime) })}</p>}
      {c.subject && <p className="small break">{t('minutes:signatures.subject', { value: c.subject })}</p>}
      {c.issuer && <p className="small break">{t('minutes:signatures.issuer', { value: c.issuer })}</p>}
      {c.selfSigned && (
        <p className="small">
          <span className="badge badge-warn">{t('minutes:verify.selfSigned')}</span>
        </p>
      )}
      <p className="small">
        {c.timestamped ? (
          <span className="badge badge-info">
            {c.timestampTime ? t('minutes:verify.timestampAt', { at: formatDateTime(c.timestampTime) }) : t('minutes:signatures.timestamped')}
          </span>
        ) : (
          <span className="badge badge-muted">{t('minutes:signatures.noTimestamp')}</span>
        )}
      </p>
    </li>
  );
}
