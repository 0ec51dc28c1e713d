import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useAuth } from '../auth/AuthContext';
import { LevelBadge, StatusBadge } from '../components/Badges';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { errorText, fieldErrorsOf } from '../components/errors';
import { CheckboxField, FormError, SelectField } from '../components/Field';
import { useAsync } from '../components/hooks';
import { useNotify } from '../components/Notice';
import { EndpointPicker, PersonPicker, type PickRef } from '../components/SearchPicker';
import { UnitPicker, type UnitRef } from '../components/UnitPicker';
import { fold, formatDateTime, formatNumber } from '../format';
import { useI18n } from '../i18n';
import {
  PARTICIPANT_ROLES,
  UNIT_LEVELS,
  type Delivery,
  type EndpointsAdded,
  type Id,
  type MeetingDetail,
  type MeetingEndpoint,
  type Participant,
  type ParticipantRole,
  type UnitLevel,
} from '../types';
import type { MeetingTabProps } from './MeetingPage';
import { DeliveryBadge, ResponseBadge, meetingApi } from './shared';

type Sub = 'people' | 'rooms' | 'deliveries';

function votingDefault(role: ParticipantRole): boolean {
  return role === 'CHAIR' || role === 'DELEGATE';
}

/** "Thành phần": participants, rooms (điểm cầu) and, for managers, the invitation deliveries. */
export function ParticipantsTab({ meeting, reload: reloadMeeting }: MeetingTabProps) {
  const { t } = useI18n();
  const [sub, setSub] = useState<Sub>('people');
  const subs: Sub[] = meeting.canManage ? ['people', 'rooms', 'deliveries'] : ['people', 'rooms'];
  const labels: Record<Sub, string> = {
    people: t('participants.people', { n: meeting.participantCount }),
    rooms: t('participants.rooms', { n: formatNumber(meeting.endpointCount) }),
    deliveries: t('deliveries.title'),
  };
  return (
    <div className="participants-tab">
      <div className="segmented subtabs" role="group" aria-label={t('meeting.tabParticipants')}>
        {subs.map((s) => (
          <button key={s} type="button" className={`btn btn-toggle${sub === s ? ' is-on' : ''}`} aria-pressed={sub === s} data-testid={`sub-${s}`} onClick={() => setSub(s)}>
            {labels[s]}
          </button>
        ))}
      </div>
      {sub === 'people' && <PeopleSection meeting={meeting} reloadMeeting={reloadMeeting} />}
      {sub === 'rooms' && <RoomsSection meeting={meeting} reloadMeeting={reloadMeeting} />}
      {sub === 'deliveries' && meeting.canManage && <DeliveriesSection meeting={meeting} />}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

type PeopleDialog =
  | { kind: 'edit'; p: Participant }
  | { kind: 'proxy'; p: Participant }
  | { kind: 'withdraw'; p: Participant }
  | { kind: 'remove'; p: Participant }
  | null;

function PeopleSection({ meeting, reloadMeeting }: { meeting: MeetingDetail; reloadMeeting: () => void }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const notify = useNotify();
  const manage = meeting.canManage;
  const [tick, setTick] = useState(0);
  const { data, error, loading } = useAsync<Participant[]>(`${String(meeting.id)}|p|${tick}`, (signal) =>
    api.get<Participant[]>(meetingApi(meeting.id, '/participants'), undefined, signal),
  );
  const [dialog, setDialog] = useState<PeopleDialog>(null);
  const [filter, setFilter] = useState('');
  const refresh = () => {
    setTick((n) => n + 1);
    reloadMeeting();
  };
  const list = data ?? [];
  const shown = filter.trim() ? list.filter((p) => fold(`${p.fullName} ${p.unitName ?? ''} ${p.position ?? ''}`).includes(fold(filter))) : list;
  const counts = { ACCEPTED: 0, TENTATIVE: 0, DECLINED: 0, PENDING: 0 };
  for (const p of list) counts[p.response] = (counts[p.response] ?? 0) + 1;
  const answered = list.length - counts.PENDING;
  const mine = (p: Participant) => meeting.myParticipantId != null && String(p.id) === String(meeting.myParticipantId);
  const isMe = (p: Participant) => mine(p) || (user != null && String(p.personId) === String(user.id));
  const open = meeting.status !== 'CANCELLED' && meeting.status !== 'ARCHIVED';

  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title" className="visually-hidden">
        {t('participants.peopleTitle')}
      </h2>
      {manage && open && <AddParticipant meeting={meeting} existing={list.map((p) => p.personId)} onAdded={refresh} />}

      <p className="response-summary" data-testid="response-summary">
        <strong>{t('participants.answered', { n: answered, total: list.length })}</strong>{' '}
        <span className="badge-list">
          <span className="badge badge-ok">{t('response.ACCEPTED')}: {counts.ACCEPTED}</span>
          <span className="badge badge-warn">{t('response.TENTATIVE')}: {counts.TENTATIVE}</span>
          <span className="badge badge-danger">{t('response.DECLINED')}: {counts.DECLINED}</span>
          <span className="badge badge-muted">{t('response.PENDING')}: {counts.PENDING}</span>
        </span>
      </p>

      {list.length > 10 && (
        <div className="toolbar">
          <label className="field field-search">
            <span className="label-text">{t('participants.filter')}</span>
            <input type="search" name="participantFilter" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('common.searchPlaceholder')} />
          </label>
        </div>
      )}

      <FormError message={error ? errorText(error, t) : null} />
      <div className="table-wrap" aria-busy={loading}>
        <table className="rtable" data-testid="participant-table">
          <thead>
            <tr>
              <th scope="col">{t('participants.person')}</th>
              <th scope="col">{t('participants.role')}</th>
              <th scope="col">{t('participants.seat')}</th>
              <th scope="col">{t('participants.voting')}</th>
              <th scope="col">{t('participants.proxy')}</th>
              <th scope="col">{t('participants.response')}</th>
              {manage && <th scope="col">{t('participants.delivery')}</th>}
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={String(p.id)} data-testid="participant-row" data-participant-id={String(p.id)} data-person-id={String(p.personId)} data-role={p.role}>
                <td data-label={t('participants.person')}>
                  <span className="cell-title">{p.fullName}</span>
                  {isMe(p) && <span className="badge badge-info"> {t('participants.me')}</span>}
                  <span className="cell-sub text">{[p.position, p.unitName].filter(Boolean).join(' · ')}</span>
                </td>
                <td data-label={t('participants.role')}>
                  <span className="badge badge-role" data-role={p.role}>
                    {t(`prole.${p.role}`)}
                  </span>
                </td>
                <td data-label={t('participants.seat')}>{p.endpointName}</td>
                <td data-label={t('participants.voting')} data-voting={p.voting}>
                  {p.voting ? t('common.yes') : t('common.no')}
                </td>
                <td data-label={t('participants.proxy')} data-testid="participant-proxy-cell">
                  {p.proxyToName && <span>{t('participants.proxyTo', { name: p.proxyToName })}</span>}
                  {p.proxiesHeld?.length > 0 && (
                    <span className="cell-sub">{t('participants.proxiesHeld', { names: p.proxiesHeld.map((x) => x.fullName).join(', ') })}</span>
                  )}
                </td>
                <td data-label={t('participants.response')}>
                  <ResponseBadge response={p.response} />
                  {p.responseNote && <span className="cell-sub">“{p.responseNote}”</span>}
                  {p.respondedAt && <span className="cell-sub">{formatDateTime(p.respondedAt)}</span>}
                </td>
                {manage && (
                  <td data-label={t('participants.delivery')}>
                    <span className="badge-list">
                      <DeliveryBadge channel="EMAIL" state={p.email} />
                      <DeliveryBadge channel="SMS" state={p.sms} />
                    </span>
                  </td>
                )}
                <td data-label={t('common.actions')} className="cell-actions">
                  <div className="cell-actions-inner">
                    {manage && open && (
                      <button type="button" className="btn btn-small" data-testid="participant-edit" onClick={() => setDialog({ kind: 'edit', p })}>
                        {t('common.edit')}
                      </button>
                    )}
                    {open && p.voting && (manage || isMe(p)) && !p.proxyToId && (
                      <button type="button" className="btn btn-small" data-testid="participant-proxy" onClick={() => setDialog({ kind: 'proxy', p })}>
                        {t('participants.setProxy')}
                      </button>
                    )}
                    {open && p.proxyToId != null && (manage || isMe(p)) && (
                      <button type="button" className="btn btn-small" data-testid="participant-proxy-withdraw" onClick={() => setDialog({ kind: 'withdraw', p })}>
                        {t('participants.withdrawProxy')}
                      </button>
                    )}
                    {manage && open && p.role !== 'CHAIR' && (
                      <button type="button" className="btn btn-small btn-danger-outline" data-testid="participant-remove" onClick={() => setDialog({ kind: 'remove', p })}>
                        {t('common.remove')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && shown.length === 0 && (
          <p className="empty" data-testid="empty">
            {t('participants.empty')}
          </p>
        )}
      </div>

      {dialog?.kind === 'edit' && (
        <EditParticipantDialog
          meetingId={meeting.id}
          p={dialog.p}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            notify(t('common.saved'));
            refresh();
          }}
        />
      )}
      {dialog?.kind === 'proxy' && (
        <ProxyDialog
          meetingId={meeting.id}
          giver={dialog.p}
          candidates={list.filter((x) => String(x.id) !== String(dialog.p.id))}
          onClose={() => setDialog(null)}
          onSaved={(name) => {
            setDialog(null);
            notify(t('participants.proxySet', { name }));
            refresh();
          }}
        />
      )}
      {dialog?.kind === 'withdraw' && (
        <ConfirmDialog
          title={t('participants.withdrawProxy')}
          message={t('participants.withdrawConfirm', { name: dialog.p.fullName, to: dialog.p.proxyToName ?? '' })}
          confirmLabel={t('participants.withdrawProxy')}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await api.del(meetingApi(meeting.id, `/participants/${encodeURIComponent(String(dialog.p.id))}/proxy`));
            setDialog(null);
            notify(t('participants.proxyWithdrawn'));
            refresh();
          }}
        />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog
          title={t('participants.removeTitle')}
          message={t('participants.removeConfirm', { name: dialog.p.fullName })}
          confirmLabel={t('common.remove')}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await api.del(meetingApi(meeting.id, `/participants/${encodeURIComponent(String(dialog.p.id))}`));
            setDialog(null);
            notify(t('participants.removed', { name: dialog.p.fullName }));
            refresh();
          }}
        />
      )}
    </section>
  );
}

function RoleSelect({ value, onChange, error }: { value: ParticipantRole; onChange: (r: ParticipantRole) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <SelectField label={t('participants.role')} name="role" value={value} onChange={(e) => onChange(e.target.value as ParticipantRole)} error={error}>
      {PARTICIPANT_ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`prole.${r}`)}
        </option>
      ))}
    </SelectField>
  );
}

function AddParticipant({ meeting, existing, onAdded }: { meeting: MeetingDetail; existing: Id[]; onAdded: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [person, setPerson] = useState<PickRef | null>(null);
  const [role, setRole] = useState<ParticipantRole>('DELEGATE');
  const [seat, setSeat] = useState<PickRef | null>(null);
  const [voting, setVoting] = useState(true);
  const [votingTouched, setVotingTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pickerKey, setPickerKey] = useState(0);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!person) {
      setFields({ personId: t('participants.choosePerson') });
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await api.post<Participant[]>(meetingApi(meeting.id, '/participants'), {
        participants: [{ personId: person.id, role, endpointId: seat?.id ?? null, voting }],
      });
      notify(t('participants.added', { name: person.name }));
      setPerson(null);
      setSeat(null);
      setPickerKey((k) => k + 1);
      onAdded();
    } catch (err) {
      setFields(fieldErrorsOf(err));
      setError(errorText(err, t, ['personId', 'role', 'endpointId', 'voting']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel add-panel" onSubmit={onSubmit} noValidate aria-labelledby="add-person-title">
      <h3 id="add-person-title">{t('participants.addTitle')}</h3>
      <FormError message={error} />
      <div className="add-grid">
        <PersonPicker key={pickerKey} label={t('participants.person')} name="personId" value={person} onChange={setPerson} required excludeIds={existing} error={fields.personId} />
        <RoleSelect
          value={role}
          onChange={(r) => {
            setRole(r);
            if (!votingTouched) setVoting(votingDefault(r));
          }}
          error={fields.role}
        />
        <EndpointPicker label={t('participants.seat')} name="endpointId" value={seat} onChange={setSeat} optional allowClear error={fields.endpointId} />
        <div className="add-actions">
          <CheckboxField
            label={t('participants.votingRight')}
            name="voting"
            checked={voting}
            onChange={(v) => {
              setVoting(v);
              setVotingTouched(true);
            }}
          />
          <button type="submit" className="btn btn-primary" data-testid="participants-add" disabled={busy}>
            + {t('participants.add')}
          </button>
        </div>
      </div>
    </form>
  );
}

function EditParticipantDialog({ meetingId, p, onClose, onSaved }: { meetingId: Id; p: Participant; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [role, setRole] = useState<ParticipantRole>(p.role);
  const [seat, setSeat] = useState<PickRef | null>(p.endpointId != null ? { id: p.endpointId, name: p.endpointName ?? String(p.endpointId) } : null);
  const [voting, setVoting] = useState(p.voting);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.put(meetingApi(meetingId, `/participants/${encodeURIComponent(String(p.id))}`), { role, endpointId: seat?.id ?? null, voting });
      onSaved();
    } catch (err) {
      setFields(fieldErrorsOf(err));
      setError(errorText(err, t, ['role', 'endpointId', 'voting']));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('participants.editTitle', { name: p.fullName })} onClose={onClose} testId="participant-form">
      <form onSubmit={onSubmit} noValidate>
        <FormError message={error} />
        <RoleSelect value={role} onChange={setRole} error={fields.role} />
        <EndpointPicker label={t('participants.seat')} name="endpointId" value={seat} onChange={setSeat} optional allowClear error={fields.endpointId} />
        <CheckboxField label={t('participants.votingRight')} name="voting" checked={voting} onChange={setVoting} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="participant-save" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ProxyDialog({
  meetingId,
  giver,
  candidates,
  onClose,
  onSaved,
}: {
  meetingId: Id;
  giver: Participant;
  candidates: Participant[];
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // someone who already gave a proxy cannot hold one (no chains)
  const eligible = candidates.filter((c) => c.proxyToId == null);
  const shown = q.trim() ? eligible.filter((c) => fold(`${c.fullName} ${c.unitName ?? ''}`).includes(fold(q))) : eligible;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!choice) {
      setError(t('participants.chooseProxy'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.put(meetingApi(meetingId, `/participants/${encodeURIComponent(String(giver.id))}/proxy`), { toParticipantId: choice });
      onSaved(eligible.find((c) => String(c.id) === choice)?.fullName ?? '');
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('participants.proxyTitle', { name: giver.fullName })} onClose={onClose} testId="proxy-dialog" wide>
      <form onSubmit={onSubmit} noValidate>
        <p className="muted">{t('participants.proxyExplain')}</p>
        <FormError message={error} />
        <label className="field">
          <span className="label-text">{t('common.search')}</span>
          <input type="search" name="proxySearch" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('common.searchPlaceholder')} autoFocus />
        </label>
        <div className="choice-list" role="radiogroup" aria-label={t('participants.proxyTo', { name: '' })}>
          {shown.map((c) => (
            <label key={String(c.id)} className={`choice${choice === String(c.id) ? ' is-on' : ''}`} data-testid="proxy-option">
              <input type="radio" name="toParticipantId" value={String(c.id)} checked={choice === String(c.id)} onChange={() => setChoice(String(c.id))} />
              <span className="choice-text">
                <strong>{c.fullName}</strong>
                <span className="muted">
                  {t(`prole.${c.role}`)}
                  {c.unitName && ` · ${c.unitName}`}
                </span>
              </span>
            </label>
          ))}
          {shown.length === 0 && <p className="muted">{t('common.noResults')}</p>}
        </div>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="proxy-save" disabled={busy}>
            {busy ? t('common.saving') : t('participants.setProxy')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

// ---------------------------------------------------------------------------------------------

function RoomsSection({ meeting, reloadMeeting }: { meeting: MeetingDetail; reloadMeeting: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const manage = meeting.canManage;
  const open = meeting.status !== 'CANCELLED' && meeting.status !== 'ARCHIVED';
  const [tick, setTick] = useState(0);
  const { data, error, loading } = useAsync<MeetingEndpoint[]>(`${String(meeting.id)}|e|${tick}`, (signal) =>
    api.get<MeetingEndpoint[]>(meetingApi(meeting.id, '/endpoints'), undefined, signal),
  );
  const [filter, setFilter] = useState('');
  const [removing, setRemoving] = useState<MeetingEndpoint | null>(null);
  const refresh = () => {
    setTick((n) => n + 1);
    reloadMeeting();
  };
  const list = data ?? [];
  const shown = filter.trim() ? list.filter((e) => fold(`${e.name} ${e.code} ${e.unitName ?? ''}`).includes(fold(filter))) : list;

  return (
    <section aria-labelledby="rooms-title">
      <h2 id="rooms-title">
        {t('participants.roomsTitle')}{' '}
        <span className="badge badge-info" data-testid="endpoint-count" data-count={list.length}>
          {t('meeting.endpointCount', { n: formatNumber(data ? list.length : meeting.endpointCount) })}
        </span>
      </h2>
      {manage && open && <AddRooms meetingId={meeting.id} existing={list.map((e) => e.endpointId)} onAdded={refresh} />}
      {list.length > 10 && (
        <div className="toolbar">
          <label className="field field-search">
            <span className="label-text">{t('participants.roomFilter')}</span>
            <input type="search" name="roomFilter" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('common.searchPlaceholder')} />
          </label>
        </div>
      )}
      <FormError message={error ? errorText(error, t) : null} />
      <div className="table-wrap" aria-busy={loading}>
        <table className="rtable" data-testid="meeting-endpoint-table">
          <thead>
            <tr>
              <th scope="col">{t('nav.endpoints')}</th>
              <th scope="col">{t('endpoints.unit')}</th>
              <th scope="col">{t('attendance.headCount')}</th>
              <th scope="col">{t('common.status')}</th>
              {manage && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={String(e.id)} data-testid="meeting-endpoint-row" data-endpoint-id={String(e.endpointId)} data-code={e.code}>
                <td data-label={t('nav.endpoints')}>
                  <span className="cell-title">{e.name}</span>
                  <code className="cell-sub">{e.code}</code>
                </td>
                <td data-label={t('endpoints.unit')}>{e.unitName}</td>
                <td data-label={t('attendance.headCount')}>{e.headCount ?? ''}</td>
                <td data-label={t('common.status')}>{e.status && <StatusBadge status={e.status} />}</td>
                {manage && (
                  <td data-label={t('common.actions')} className="cell-actions">
                    {open && (
                      <button type="button" className="btn btn-small btn-danger-outline" data-testid="meeting-endpoint-remove" onClick={() => setRemoving(e)}>
                        {t('common.remove')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {data && shown.length === 0 && (
          <p className="empty" data-testid="empty">
            {t('participants.noRooms')}
          </p>
        )}
      </div>
      {removing && (
        <ConfirmDialog
          title={t('participants.removeRoomTitle')}
          message={t('participants.removeConfirm', { name: removing.name })}
          confirmLabel={t('common.remove')}
          danger
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await api.del(meetingApi(meeting.id, `/endpoints/${encodeURIComponent(String(removing.endpointId))}`));
            notify(t('participants.removed', { name: removing.name }));
            setRemoving(null);
            refresh();
          }}
        />
      )}
    </section>
  );
}

function AddRooms({ meetingId, existing, onAdded }: { meetingId: Id; existing: Id[]; onAdded: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [pending, setPending] = useState<PickRef[]>([]);
  const [unit, setUnit] = useState<UnitRef | null>(null);
  const [level, setLevel] = useState<UnitLevel>('COMMUNE');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<EndpointsAdded | null>(null);
  const [pickerKey, setPickerKey] = useState(0);

  async function add(kind: string, body: object) {
    setBusy(kind);
    setError(null);
    setResult(null);
    try {
      const r = await api.post<EndpointsAdded>(meetingApi(meetingId, '/endpoints'), body);
      setResult(r);
      notify(t('rooms.result', { added: formatNumber(r.added ?? 0), already: formatNumber(r.alreadyInvited ?? 0), total: formatNumber(r.total ?? 0) }));
      if (kind === 'list') setPending([]);
      if (kind === 'unit') setUnit(null);
      onAdded();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="panel add-panel" aria-labelledby="add-rooms-title">
      <h3 id="add-rooms-title">{t('rooms.addTitle')}</h3>
      <FormError message={error} />
      {result && (
        <p className="alert alert-ok" data-testid="endpoints-result">
          {t('rooms.result', { added: formatNumber(result.added ?? 0), already: formatNumber(result.alreadyInvited ?? 0), total: formatNumber(result.total ?? 0) })}
        </p>
      )}
      <div className="rooms-grid">
        <div className="rooms-block">
          <EndpointPicker
            key={pickerKey}
            label={t('rooms.byList')}
            name="endpointIds"
            value={null}
            excludeIds={[...existing, ...pending.map((p) => p.id)]}
            onChange={(v) => {
              if (v) setPending((list) => [...list, v]);
              setPickerKey((k) => k + 1);
            }}
          />
          {pending.length > 0 && (
            <ul className="chips" data-testid="endpoints-pending">
              {pending.map((p) => (
                <li key={String(p.id)} className="chip">
                  {p.name}
                  <button type="button" className="chip-x" aria-label={t('common.removeName', { name: p.name })} onClick={() => setPending((l) => l.filter((x) => x.id !== p.id))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="btn"
            data-testid="endpoints-add-list"
            disabled={busy !== null || pending.length === 0}
            onClick={() => add('list', { endpointIds: pending.map((p) => p.id) })}
          >
            + {t('rooms.addList', { n: pending.length })}
          </button>
        </div>
        <div className="rooms-block">
          <UnitPicker label={t('rooms.byUnit')} name="endpointUnit" value={unit} onChange={setUnit} hint={t('rooms.byUnitHint')} />
          <button type="button" className="btn" data-testid="endpoints-add-unit" disabled={busy !== null || !unit} onClick={() => unit && add('unit', { unitId: unit.id })}>
            + {t('rooms.addUnit')}
          </button>
        </div>
        <div className="rooms-block">
          <SelectField label={t('rooms.byLevel')} name="level" value={level} onChange={(e) => setLevel(e.target.value as UnitLevel)}>
            {UNIT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </SelectField>
          <span className="muted small">
            <LevelBadge level={level} />
          </span>
          <button type="button" className="btn" data-testid="endpoints-add-level" disabled={busy !== null} onClick={() => add('level', { level })}>
            + {t('rooms.addLevel', { level: t(`level.${level}`) })}
          </button>
        </div>
        <div className="rooms-block">
          <p className="label-text">{t('rooms.all')}</p>
          <p className="hint">{t('rooms.allHint')}</p>
          <button type="button" className="btn btn-primary" data-testid="endpoints-add-all" disabled={busy !== null} onClick={() => add('all', { all: true })}>
            {busy === 'all' ? t('common.working') : `+ ${t('rooms.addAll')}`}
          </button>
        </div>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

function DeliveriesSection({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [tick, setTick] = useState(0);
  const [status, setStatus] = useState('');
  const [retrying, setRetrying] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { data, error: loadError, loading } = useAsync<Delivery[]>(`${String(meeting.id)}|d|${tick}`, (signal) =>
    api.get<Delivery[]>(meetingApi(meeting.id, '/deliveries'), undefined, signal),
  );
  const list = data ?? [];
  const shown = status ? list.filter((d) => d.status === status) : list;
  const failed = list.filter((d) => d.status === 'FAILED').length;

  async function retry(d: Delivery) {
    setRetrying(String(d.id));
    setError(null);
    try {
      await api.post(meetingApi(meeting.id, `/deliveries/${encodeURIComponent(String(d.id))}/retry`));
      notify(t('deliveries.retried', { to: d.recipient }));
      setTick((n) => n + 1);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setRetrying(null);
    }
  }

  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">
        {t('deliveries.title')}{' '}
        {failed > 0 && (
          <span className="badge badge-danger" data-testid="deliveries-failed">
            {t('deliveries.failedCount', { n: failed })}
          </span>
        )}
      </h2>
      <div className="toolbar">
        <label className="field field-inline">
          <span className="label-text">{t('common.status')}</span>
          <select name="deliveryStatus" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('common.all')}</option>
            <option value="PENDING">{t('delivery.PENDING')}</option>
            <option value="SENT">{t('delivery.SENT')}</option>
            <option value="FAILED">{t('delivery.FAILED')}</option>
          </select>
        </label>
        <div className="btn-row">
          <button type="button" className="btn" data-testid="deliveries-refresh" onClick={() => setTick((n) => n + 1)}>
            {t('common.refresh')}
          </button>
        </div>
      </div>
      <FormError message={loadError ? errorText(loadError, t) : error} />
      <div className="table-wrap" aria-busy={loading}>
        <table className="rtable" data-testid="delivery-table">
          <thead>
            <tr>
              <th scope="col">{t('deliveries.channel')}</th>
              <th scope="col">{t('deliveries.recipient')}</th>
              <th scope="col">{t('deliveries.kind')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('deliveries.attempts')}</th>
              <th scope="col">{t('deliveries.when')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <tr key={String(d.id)} data-testid="delivery-row" data-status={d.status} data-channel={d.channel}>
                <td data-label={t('deliveries.channel')}>{d.channel === 'EMAIL' ? t('delivery.email') : t('delivery.sms')}</td>
                <td data-label={t('deliveries.recipient')}>
                  <span className="cell-title">{d.personName}</span>
                  <span className="cell-sub">{d.recipient}</span>
                </td>
                <td data-label={t('deliveries.kind')}>{d.kind}</td>
                <td data-label={t('common.status')}>
                  <DeliveryBadge channel={d.channel} state={d.status} />
                  {d.lastError && <span className="cell-sub error-text">{d.lastError}</span>}
                </td>
                <td data-label={t('deliveries.attempts')}>{d.attempts}</td>
                <td data-label={t('deliveries.when')}>
                  {formatDateTime(d.createdAt)}
                  {d.sentAt && <span className="cell-sub">{t('deliveries.sentAt', { at: formatDateTime(d.sentAt) })}</span>}
                </td>
                <td data-label={t('common.actions')} className="cell-actions">
                  {d.status === 'FAILED' && (
                    <button type="button" className="btn btn-small" data-testid="delivery-retry" disabled={retrying !== null} onClick={() => retry(d)}>
                      {retrying === String(d.id) ? t('common.working') : t('common.retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && shown.length === 0 && (
          <p className="empty" data-testid="empty">
            {t('deliveries.empty')}
          </p>
        )}
      </div>
    </section>
  );
}
