import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { Id } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../lib/i18n';
import { isValidPin } from '../offline/crypto';
import type { VaultPerson } from '../offline/db';
import { MAX_PIN_ATTEMPTS, remainingAttempts, warnsOfWipe } from '../offline/vault';
import { changeDevicePin, enterPin, refreshDevice, removeStored, setPin, useVaultState } from '../offline/vaultHooks';

/** Digits only, at most 8 (what a numeric keyboard may add otherwise is dropped). */
const digits = (v: string) => v.replace(/\D/g, '').slice(0, 8);

function PinInput({ id, label, value, onChange, autoFocus, testId, autoComplete }: { id: string; label: string; value: string; onChange: (v: string) => void; autoFocus?: boolean; testId: string; autoComplete: string }) {
  return (
    <div className="field pin-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={testId}
        className="pin-input"
        type="password"
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete={autoComplete}
        maxLength={8}
        autoFocus={autoFocus}
        value={value}
        onChange={(e) => onChange(digits(e.target.value))}
        data-testid={testId}
      />
    </div>
  );
}

export type PinMode = 'create' | 'unlock' | 'change';

export interface PinFormProps {
  mode: PinMode;
  /** the person: for 'create' and 'change' the signed-in person, for 'unlock' the vault's */
  person: VaultPerson;
  /** wrong PINs already counted (the form warns from the start when few are left) */
  failures?: number;
  onDone: () => void;
  /** the last wrong PIN removed the stored documents */
  onWiped?: () => void;
  /** signed in: "Quên mã PIN?" removes the stored documents and offers a new PIN */
  canForget?: boolean;
  /** the text above the field */
  intro?: string;
}

/**
 * Set the device PIN (twice) or enter it. A wrong PIN says how many attempts are left, with a
 * warning when few are; the last one removes the stored documents (src/offline/vault.ts).
 */
export function PinForm({ mode: initial, person, failures = 0, onDone, onWiped, canForget, intro }: PinFormProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const ids = useId();
  const [mode, setMode] = useState<PinMode>(initial);
  const [pin, setPinValue] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState(() => remainingAttempts({ failures }));
  const [wiped, setWiped] = useState(false);
  const [forgetting, setForgetting] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!isValidPin(pin)) {
      setError(t('documents:pin.format'));
      return;
    }
    const twice = mode === 'create' || mode === 'change';
    if (twice && pin !== again) {
      setError(t('documents:pin.mismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (mode === 'create') {
        await setPin(person, pin);
        await refreshDevice(queryClient);
        onDone();
        return;
      }
      if (mode === 'change') {
        await changeDevicePin(person.id, pin);
        await refreshDevice(queryClient);
        onDone();
        return;
      }
      const result = await enterPin(person.id, pin);
      if (result.ok) {
        await refreshDevice(queryClient);
        onDone();
        return;
      }
      setPinValue('');
      if (result.reason === 'no-vault' || result.wiped) {
        setWiped(true);
        await refreshDevice(queryClient);
        onWiped?.();
        return;
      }
      setLeft(result.remaining);
      setError(t('documents:pin.wrong', { count: result.remaining }));
    } catch {
      setError(t('documents:pin.failed'));
    } finally {
      setBusy(false);
    }
  }

  async function forget() {
    setBusy(true);
    try {
      await removeStored(person.id);
      await refreshDevice(queryClient);
      setForgetting(false);
      setMode('create');
      setPinValue('');
      setAgain('');
      setError(null);
      setLeft(MAX_PIN_ATTEMPTS);
    } finally {
      setBusy(false);
    }
  }

  if (wiped) {
    return (
      <div className="alert alert-error pin-wiped" role="alert" data-testid="pin-wiped">
        {t('documents:pin.wiped', { count: MAX_PIN_ATTEMPTS })}
      </div>
    );
  }

  if (forgetting) {
    return (
      <div className="pin-form" data-testid="pin-forget-confirm">
        <p className="alert alert-warn">{t('documents:pin.forgetConfirm')}</p>
        <div className="btn-row wrap">
          <button type="button" className="btn btn-danger btn-large" data-testid="pin-forget-ok" disabled={busy} onClick={() => void forget()}>
            {t('documents:pin.forgetOk')}
          </button>
          <button type="button" className="btn btn-large" disabled={busy} onClick={() => setForgetting(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  }

  const warn = mode === 'unlock' && warnsOfWipe(left);
  return (
    <form className="pin-form" onSubmit={(e) => void submit(e)} noValidate data-testid="pin-form" data-mode={mode}>
      {intro && <p>{intro}</p>}
      {mode !== 'unlock' ? <p className="hint">{t('documents:pin.createHint')}</p> : null}
      {warn && (
        <p className="alert alert-warn" role="alert" data-testid="pin-warning" data-left={left}>
          {t('documents:pin.lastTries', { count: left })}
        </p>
      )}
      <PinInput
        id={`${ids}-pin`}
        label={mode !== 'unlock' ? t('documents:pin.new') : t('documents:pin.enter')}
        value={pin}
        onChange={(v) => {
          setPinValue(v);
          setError(null);
        }}
        autoFocus
        testId="pin-input"
        autoComplete={mode !== 'unlock' ? 'new-password' : 'current-password'}
      />
      {mode !== 'unlock' && (
        <PinInput
          id={`${ids}-again`}
          label={t('documents:pin.again')}
          value={again}
          onChange={(v) => {
            setAgain(v);
            setError(null);
          }}
          testId="pin-confirm-input"
          autoComplete="new-password"
        />
      )}
      {error && (
        <p className="error-text pin-error" role="alert" data-testid="pin-error">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-large btn-block" data-testid="pin-submit" disabled={busy}>
        {busy ? t('documents:pin.checking') : mode !== 'unlock' ? t('documents:pin.set') : t('documents:pin.open')}
      </button>
      {mode === 'unlock' && canForget && (
        <button type="button" className="btn btn-link pin-forget" data-testid="pin-forget" disabled={busy} onClick={() => setForgetting(true)}>
          {t('documents:pin.forget')}
        </button>
      )}
    </form>
  );
}

/** The PIN form in a dialog (setting it before the first download; entering it to update). */
export function PinDialog({ mode, person, failures, onDone, onClose, intro }: { mode: PinMode; person: VaultPerson; failures?: number; onDone: () => void; onClose: () => void; intro?: string }) {
  const { t } = useI18n();
  return (
    <Dialog title={mode === 'create' ? t('documents:pin.createTitle') : mode === 'change' ? t('documents:pin.changeTitle') : t('documents:pin.unlockTitle')} onClose={onClose} testId="pin-dialog">
      <PinForm mode={mode} person={person} failures={failures} onDone={onDone} canForget={mode === 'unlock'} intro={intro} />
    </Dialog>
  );
}

/**
 * The stored documents are locked (the PIN was not entered since the browser was opened): the
 * PIN, inline. Shown where stored documents are needed without network.
 */
export function UnlockPanel({ testId = 'vault-locked' }: { testId?: string }) {
  const { t } = useI18n();
  const { user, device } = useAuth();
  const { state, vault } = useVaultState(user?.id);
  if (state !== 'locked' || !vault || user?.id == null) return null;
  return (
    <section className="panel unlock-panel" data-testid={testId} aria-labelledby={`${testId}-h`}>
      <h2 id={`${testId}-h`}>{t('documents:pin.lockedTitle')}</h2>
      <PinForm mode="unlock" person={vault.person} failures={vault.failures} onDone={() => undefined} canForget={!device} intro={t('documents:pin.lockedText')} />
    </section>
  );
}

/** The person a signed-in user is for the vault. */
export function personOf(user: { id?: Id; username?: string; fullName?: string } | null): VaultPerson | null {
  return user?.id != null ? { id: user.id, username: user.username, fullName: user.fullName } : null;
}
