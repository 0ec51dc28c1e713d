import { useState, type FormEvent } from 'react';
import { PARTICIPANT_ROLES, ROLES, type BulkInvite, type BulkInviteResult, type Id, type ParticipantRole, type Role } from '../api/types';
import { CheckboxField, SelectField } from '../components/Field';
import { Dialog } from '../components/Dialog';
import { FormProblem } from '../components/FormProblem';
import { Segmented } from '../components/Segmented';
import { UnitPicker, type UnitRef } from '../components/UnitPicker';
import { type MsgKey, useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { useBulkInvite } from './api/participants';
import { RoleSelect, votingDefault } from './participantFields';

type Mode = 'unit' | 'role' | 'list';

const MODES: { id: Mode; label: MsgKey }[] = [
  { id: 'unit', label: 'meetings:bulk.byUnit' },
  { id: 'role', label: 'meetings:bulk.byRole' },
  { id: 'list', label: 'meetings:bulk.byList' },
];

/** The role a bulk add gives: every role but chair (a meeting has one, set on the meeting itself). */
const BULK_ROLES = PARTICIPANT_ROLES.filter((r) => r !== 'CHAIR');
/** Account roles to add by (device accounts are never added as people). */
const ACCOUNT_ROLES = ROLES.filter((r) => r !== 'ENDPOINT');

/** Server fields shown next to their input; the others go into the form's message. */
const FIELDS = ['unitId', 'includeSubunits', 'accountRole', 'list', 'role', 'voting'];

/**
 * "Thêm nhiều người" (POST …/participants/bulk): everyone of a unit (with its sub-units or not),
 * everyone with an account role, or a pasted list (one username, email or full name a line). The
 * answer says how many were added, who was there already, and which lines matched nobody or
 * several people.
 */
export function BulkInviteDialog({ meetingId, onClose }: { meetingId: Id; onClose: () => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('unit');
  const [unit, setUnit] = useState<UnitRef | null>(null);
  const [includeSubunits, setIncludeSubunits] = useState(true);
  const [accountRole, setAccountRole] = useState<Role>('DELEGATE');
  const [text, setText] = useState('');
  const [role, setRole] = useState<ParticipantRole>('DELEGATE');
  const [voting, setVoting] = useState(true);
  const [votingTouched, setVotingTouched] = useState(false);
  const [result, setResult] = useState<BulkInviteResult | null>(null);
  const form = useApiForm(useBulkInvite(meetingId), { fields: FIELDS });
  const fields = form.fieldErrors;
  const lines = text.split('\n').filter((l) => l.trim() !== '').length;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body: BulkInvite = { role, voting };
    if (mode === 'unit') {
      if (!unit) return form.invalid({ unitId: t('meetings:bulk.chooseUnit') });
      body.unitId = unit.id;
      body.includeSubunits = includeSubunits;
    } else if (mode === 'role') {
      body.accountRole = accountRole;
    } else {
      if (lines === 0) return form.invalid({ list: t('meetings:bulk.pasteSomething') });
      body.list = text;
    }
    setResult(null);
    form.submit(body, { onSuccess: setResult });
  }

  return (
    <Dialog title={t('meetings:bulk.title')} onClose={onClose} testId="participants-bulk" wide>
      <form onSubmit={onSubmit} noValidate>
        <Segmented
          label={t('meetings:bulk.how')}
          value={mode}
          onChange={(m) => {
            setMode(m);
            form.reset();
          }}
          options={MODES.map((m) => ({ value: m.id, label: t(m.label), testId: `bulk-mode-${m.id}` }))}
        />
        <FormProblem form={form} />

        {mode === 'unit' && (
          <div className="bulk-way">
            <UnitPicker label={t('meetings:bulk.unit')} name="bulkUnit" value={unit} onChange={setUnit} required error={fields.unitId} />
            <CheckboxField label={t('meetings:bulk.includeSubunits')} name="includeSubunits" checked={includeSubunits} onChange={setIncludeSubunits} />
          </div>
        )}
        {mode === 'role' && (
          <div className="bulk-way">
            <SelectField
              label={t('meetings:bulk.accountRole')}
              name="accountRole"
              value={accountRole}
              onChange={(e) => setAccountRole(e.target.value as Role)}
              hint={t('meetings:bulk.accountRoleHint')}
              error={fields.accountRole}
            >
              {ACCOUNT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </SelectField>
          </div>
        )}
        {mode === 'list' && (
          <div className={`field bulk-way${fields.list ? ' has-error' : ''}`}>
            <label htmlFor="bulk-list">
              {t('meetings:bulk.list')} <span className="req" aria-hidden="true">*</span>
            </label>
            <textarea
              id="bulk-list"
              name="list"
              rows={8}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t('meetings:bulk.listPlaceholder')}
              aria-describedby="bulk-list-hint"
              spellCheck={false}
            />
            <p id="bulk-list-hint" className="hint">
              {t('meetings:bulk.listHint')} {lines > 0 && t('meetings:bulk.lines', { count: lines })}
            </p>
            {fields.list && (
              <p className="field-error" data-testid="field-error">
                {fields.list}
              </p>
            )}
          </div>
        )}

        <fieldset className="bulk-as">
          <legend>{t('meetings:bulk.as')}</legend>
          <div className="form-grid">
            <RoleSelect
              name="bulkRole"
              roles={BULK_ROLES}
              value={role}
              onChange={(r) => {
                setRole(r);
                if (!votingTouched) setVoting(votingDefault(r));
              }}
              error={fields.role}
            />
            <CheckboxField
              label={t('meetings:participants.votingRight')}
              name="bulkVoting"
              checked={voting}
              onChange={(v) => {
                setVoting(v);
                setVotingTouched(true);
              }}
            />
          </div>
        </fieldset>

        {result && <BulkResult result={result} />}

        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={form.busy}>
            {result ? t('common.close') : t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="bulk-submit" disabled={form.busy}>
            {form.busy ? t('common.working') : `+ ${t('meetings:participants.add')}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function BulkResult({ result: r }: { result: BulkInviteResult }) {
  const { t } = useI18n();
  const notFound = r.notFound ?? [];
  const ambiguous = r.ambiguous ?? [];
  const clean = notFound.length === 0 && ambiguous.length === 0;
  return (
    <section className={`alert ${clean ? 'alert-ok' : 'alert-warn'} bulk-result`} data-testid="bulk-result" aria-live="polite">
      <p>
        <strong data-testid="bulk-added" data-count={r.added ?? 0}>
          {t('meetings:bulk.added', { count: r.added ?? 0 })}
        </strong>
        {' · '}
        <span data-testid="bulk-already" data-count={r.alreadyInvited ?? 0}>
          {t('meetings:bulk.already', { count: r.alreadyInvited ?? 0 })}
        </span>
        {' · '}
        <span>{t('meetings:bulk.total', { count: r.total ?? 0 })}</span>
      </p>
      {notFound.length > 0 && (
        <div data-testid="bulk-not-found">
          <p className="alert-title">{t('meetings:bulk.notFound', { count: notFound.length })}</p>
          <ul className="bulk-lines">
            {notFound.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {ambiguous.length > 0 && (
        <div data-testid="bulk-ambiguous">
          <p className="alert-title">{t('meetings:bulk.ambiguous', { count: ambiguous.length })}</p>
          <ul className="bulk-lines">
            {ambiguous.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          <p className="hint">{t('meetings:bulk.ambiguousHint')}</p>
        </div>
      )}
    </section>
  );
}
