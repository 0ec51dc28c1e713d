import { useState, type FormEvent } from 'react';
import type { Endpoint, EndpointInput } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, TextField } from '../../components/Field';
import { FormProblem } from '../../components/FormProblem';
import { blankToUndefined } from '../../components/text';
import { UnitPicker, type UnitRef } from '../../components/UnitPicker';
import { useI18n } from '../../lib/i18n';
import { useApiForm } from '../../lib/useApiForm';
import { useSaveEndpoint } from './api/saveEndpoint';

/** Fields whose server errors appear next to their input. */
const SHOWN_FIELDS = ['code', 'name', 'unitId', 'unit', 'room', 'deviceAccount'];

interface EndpointFormProps {
  /** the endpoint to edit (its `version` goes with the change); absent to create */
  endpoint?: Endpoint;
  /** read the endpoint again after someone else changed it (the owner then renders the form anew) */
  reload?: () => Promise<void>;
  onSaved: (endpoint: Endpoint) => void;
  onClose: () => void;
}

export function EndpointForm({ endpoint, reload, onSaved, onClose }: EndpointFormProps) {
  const { t } = useI18n();
  const [code, setCode] = useState(endpoint?.code ?? '');
  const [name, setName] = useState(endpoint?.name ?? '');
  const [unit, setUnit] = useState<UnitRef | null>(
    endpoint?.unitId != null ? { id: endpoint.unitId, name: endpoint.unitName ?? String(endpoint.unitId) } : null,
  );
  const [room, setRoom] = useState(endpoint?.room ?? '');
  const [deviceAccount, setDeviceAccount] = useState(endpoint?.deviceAccount ?? '');
  const [active, setActive] = useState(endpoint?.active ?? true);
  const form = useApiForm(useSaveEndpoint(), { fields: SHOWN_FIELDS, reload });
  const fields = form.fieldErrors;
  const busy = form.busy;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!unit) {
      form.invalid({ unitId: t('common.required') }, t('error.validation'));
      return;
    }
    const body: EndpointInput = {
      code: code.trim(),
      name: name.trim(),
      unitId: unit.id,
      room: blankToUndefined(room),
      deviceAccount: blankToUndefined(deviceAccount),
    };
    form.submit({ existing: endpoint, body: endpoint ? { ...body, active, version: endpoint.version } : body }, { onSuccess: onSaved });
  }

  return (
    <Dialog title={endpoint ? t('admin:endpoints.edit') : t('admin:endpoints.add')} onClose={onClose} testId="endpoint-form">
      <form onSubmit={onSubmit} noValidate>
        <FormProblem form={form} />
        <div className="form-grid">
          <TextField label={t('admin:endpoints.code')} name="code" required value={code} onChange={(e) => setCode(e.target.value)} error={fields.code} autoFocus />
          <TextField label={t('admin:endpoints.room')} name="room" optional value={room} onChange={(e) => setRoom(e.target.value)} error={fields.room} />
        </div>
        <TextField label={t('admin:endpoints.name')} name="name" required value={name} onChange={(e) => setName(e.target.value)} error={fields.name} />
        <UnitPicker label={t('admin:endpoints.unit')} name="unit" required value={unit} onChange={setUnit} error={fields.unitId ?? fields.unit} />
        <TextField
          label={t('admin:endpoints.deviceAccount')}
          name="deviceAccount"
          optional
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          value={deviceAccount}
          onChange={(e) => setDeviceAccount(e.target.value)}
          hint={t('admin:endpoints.deviceAccountHint')}
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
