import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../lib/i18n';
import type { VaultRecord } from '../offline/db';
import { vaultsQuery } from '../offline/vaultHooks';
import { PinForm } from '../documents/PinForm';
import { useAuth } from './AuthContext';

/**
 * On the sign-in page, when documents are stored on this device: "Đọc tài liệu đã lưu" → (whose,
 * when several people stored some) → the PIN → the stored meetings, read-only and without network.
 * Prominent when the network is unreachable, a secondary action otherwise.
 */
export default function StoredAccess({ prominent }: { prominent: boolean }) {
  const { t } = useI18n();
  const { openDevice } = useAuth();
  const navigate = useNavigate();
  const vaults = useQuery(vaultsQuery());
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<VaultRecord | null>(null);
  const list = vaults.data ?? [];
  if (!list.length) return null;

  const start = () => {
    setChosen(list.length === 1 ? (list[0] as VaultRecord) : null);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    setChosen(null);
    void vaults.refetch();
  };
  const nameOf = (v: VaultRecord) => v.person.fullName || v.person.username || String(v.viewer);

  return (
    <div className={`stored-access${prominent ? ' is-prominent' : ''}`} data-testid="stored-access" data-prominent={prominent}>
      {prominent && (
        <div className="alert alert-info">
          <p>
            <strong>{t('documents:access.title')}</strong> {t('documents:access.text')}
          </p>
        </div>
      )}
      <button type="button" className={`btn btn-large btn-block${prominent ? ' btn-primary' : ''}`} data-testid="stored-open" onClick={start}>
        {t('documents:access.open')}
      </button>
      {open && (
        <Dialog title={t('documents:access.open')} onClose={close} testId="stored-dialog">
          {chosen ? (
            <>
              <p className="stored-whose" data-testid="stored-whose">
                {t('documents:access.whose', { name: nameOf(chosen) })}
              </p>
              <PinForm
                mode="unlock"
                person={chosen.person}
                failures={chosen.failures}
                onDone={() => {
                  openDevice({ id: chosen.viewer, username: chosen.person.username, fullName: chosen.person.fullName, roles: [] });
                  navigate('/', { replace: true });
                }}
                onWiped={() => void vaults.refetch()}
              />
              <button type="button" className="btn btn-link" data-testid="stored-back" onClick={list.length > 1 ? () => setChosen(null) : close}>
                {t('documents:access.back')}
              </button>
            </>
          ) : (
            <>
              <p>{t('documents:access.choose')}</p>
              <ul className="stored-people">
                {list.map((v) => (
                  <li key={v.viewer}>
                    <button type="button" className="btn btn-large btn-block" data-testid={`stored-person-${v.viewer}`} onClick={() => setChosen(v)}>
                      {nameOf(v)}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Dialog>
      )}
    </div>
  );
}
