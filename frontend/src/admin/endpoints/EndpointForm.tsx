import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { errorText, fieldErrorsOf } from '../../components/errors';
import { CheckboxField, FormError, TextField } from '../../components/Field';
import { blankToNull } from '../../components/text';
import { UnitPicker, type UnitRef } from '../../components/UnitPicker';
import { useI18n } from '../../i18n';
import type { Endpoint, EndpointCreate, EndpointUpdate } from '../../types';

/** Fields whose server errors appear next to their input. */
const SHOWN_FIELDS = ['code', 'name', 'unitId', 'unit', 'room', 'deviceAccount'];

interface EndpointFormProps {
  endpoint?: Endpoint;
  onSaved: (endpoint: Endpoint) => void;
  onClose: () => void;
}

export function EndpointForm({ endpoint, onSaved, onClose }: EndpointFormProps) {
  const { t } = useI18n();
  const [code, setCode] = useState(endpoint?.code ?? '');
  const [name, setName] = useState(endpoint?.name ?? '');
  const [unit, setUnit] = useState<UnitRef | null>(
    endpoint ? { id: endpoint.unitId, name: endpoint.unitName ?? String(endpoint.unitId) } : null,
  );
  const [room, setRoom] = useState(endpoint?.room ?? '');
  const [deviceAccount, setDeviceAccount] = useState(endpoint?.deviceAccount ?? '');
  const [active, setActive] = useState(endpoint?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    const body: EndpointCreate = {
      code: code.trim(),
      name: name.trim(),
      unitId: unit?.id ?? null,
      room: blankToNull(room),
      deviceAccount: blankToNull(deviceAccount),
    };
    try {
      const saved = endpoint
        ? await api.put<Endpoint>(`/api/endpoints/${encodeURIComponent(String(endpoint.id))}`, { ...body, active } satisfies EndpointUpdate)
        : await api.post<Endpoint>('/api/endpoints', body);
      onSaved(saved);
    } catch (err) {
      setFields(fieldErrorsOf(err));
      setError(errorText(err, t, SHOWN_FIELDS));
      setBusy(false);
    }
  }

  return (
    <Dialog title={endpoint ? t('endpoints.edit') : t('endpoints.add')} onClose={onClose} testId="endpoint-form">
      <form onSubmit={onSubmit} noValidate>
        <FormError message={error} />
        <div className="form-grid">
          <TextField label={t('endpoints.code')} name="code" required value={code} onChange={(e) => setCode(e.target.value)} error={fields.code} autoFocus />
          <TextField label={t('endpoints.room')} name="room" optional value={room} onChange={(e) => setRoom(e.target.value)} error={fields.room} />
        </div>
        <TextField label={t('endpoints.name')} name="name" required value={name} onChange={(e) => setName(e.target.value)} error={fields.name} />
        <UnitPicker label={t('endpoints.unit')} name="unit" required value={unit} onChange={setUnit} error={fields.unitId ?? fields.unit} />
        <TextField
          label={t('endpoints.deviceAccount')}
          name="deviceAccount"
          optional
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          value={deviceAccount}
          onChange={(e) => setDeviceAccount(e.target.value)}
          hint={t('endpoints.deviceAccountHint')}
          error={fields.deviceAccount}
        />
        {endpoint && <CheckboxField label={t('common.active')} name="active" checked={active} onChange={setActive} />}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="endpoint-save" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
