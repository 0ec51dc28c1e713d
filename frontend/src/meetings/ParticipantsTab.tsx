import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  ENDPOINT_STATUSES,
  PARTICIPANT_ROLES,
  UNIT_LEVELS,
  oneOf,
  type Capabilities,
  type Delivery,
  type EndpointInvite,
  type Id,
  type MeetingDetail,
  type MeetingEndpoint,
  type Participant,
  type ParticipantRole,
  type UnitLevel,
} from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { LevelBadge, StatusBadge } from '../components/Badges';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { CheckboxField, FormError, SelectField } from '../components/Field';
import { FilterSelect } from '../components/FilterSelect';
import { FormProblem } from '../components/FormProblem';
import { useDebouncedValue } from '../components/hooks';
import { useNotify } from '../components/Notice';
import { Pager } from '../components/Pager';
import { SearchBox } from '../components/SearchBox';
import { EndpointPicker, PersonPicker, type PickRef } from '../components/SearchPicker';
import { Segmented } from '../components/Segmented';
import { UnitPicker, type UnitRef } from '../components/UnitPicker';
import { formatDateTime } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { useApiForm } from '../lib/useApiForm';
import { BulkInviteDialog } from './BulkInviteDialog';
import { deliveriesQuery, useRetryDelivery } from './api/deliveries';
import {
  participantsQuery,
  useAddParticipants,
  useRemoveParticipant,
  useSetProxy,
  useUpdateParticipant,
  useWithdrawProxy,
} from './api/participants';
import { meetingEndpointsQuery, useAddRooms, useRemoveRoom } from './api/rooms';
import type { MeetingTabProps } from './MeetingPage';
import { DeliveryBadge, ResponseBadge, capsOf } from './shared';
import { RoleSelect, votingDefault } from './participantFields';
import { usePagedList } from './usePagedList';

type Sub = 'people' | 'rooms' | 'deliveries';

/** The `kind` of a delivery (the server's notification kinds). */
const DELIVERY_KINDS = ['INVITATION', 'UPDATE', 'CANCELLATION', 'REMOVED', 'REMINDER', 'AGENDA'] as const;
/** The states a delivery list can be filtered by. */
const DELIVERY_FILTER = ['PENDING', 'SENT', 'FAILED'] as const;

/**
 * Enough rows to count every answer for the summary line. GET …/participants has no counts per
 * answer, so the summary reads one large page (the server's largest); the table itself is paged.
 */
const SUMMARY_SIZE = 500;

/** "Thành phần": participants, rooms (điểm cầu) and, for managers, the invitation deliveries. */
export function ParticipantsTab({ meeting, meetingId }: MeetingTabProps) {
  const { t } = useI18n();
  const [sub, setSub] = useState<Sub>('people');
  const caps = capsOf(meeting);
  const subs: Sub[] = caps.canViewDeliveries ? ['people', 'rooms', 'deliveries'] : ['people', 'rooms'];
  const labels: Record<Sub, string> = {
    people: t('meetings:participants.people', { count: meeting.participantCount ?? 0 }),
    rooms: t('meetings:participants.rooms', { count: meeting.endpointCount ?? 0 }),
    deliveries: t('meetings:deliveries.title'),
  };
  return (
    <div className="participants-tab">
      <Segmented
        className="subtabs"
        label={t('meetings:meeting.tabParticipants')}
        value={sub}
        onChange={setSub}
        options={subs.map((s) => ({ value: s, label: labels[s], testId: `sub-${s}` }))}
      />
      {sub === 'people' && <PeopleSection meeting={meeting} meetingId={meetingId} />}
      {sub === 'rooms' && <RoomsSection meeting={meeting} meetingId={meetingId} />}
      {sub === 'deliveries' && caps.canViewDeliveries && <DeliveriesSection meetingId={meetingId} />}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

type PeopleDialog =
  | { kind: 'edit'; p: Participant }
  | { kind: 'proxy'; p: Participant }
  | { kind: 'withdraw'; p: Participant }
  | { kind: 'remove'; p: Participant }
  | { kind: 'bulk' }
  | null;

/** What the signed-in person may do with one row (the meeting's capabilities and the row's data). */
function rowActions(caps: Capabilities, p: Participant, isMe: boolean) {
  const proxies = !!caps.canManageProxies || (!!caps.canGiveProxy && isMe);
  return {
    edit: !!caps.canEditParticipants,
    proxy: proxies && !!p.voting && p.proxyToId == null,
    withdraw: proxies && p.proxyToId != null,
    // a meeting always has its chair: the server refuses to remove them
    remove: !!caps.canEditParticipants && p.role !== 'CHAIR',
  };
}

function PeopleSection({ meeting, meetingId }: { meeting: MeetingDetail; meetingId: Id }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const notify = useNotify();
  const caps = capsOf(meeting);
  const list = usePagedList({ q: '', role: '' });
  const { data, error, isFetching: loading, refetch } = useQuery(participantsQuery(meetingId, list.params));
  const summary = useQuery(participantsQuery(meetingId, { size: SUMMARY_SIZE }));
  const withdrawProxy = useWithdrawProxy(meetingId);
  const removeParticipant = useRemoveParticipant(meetingId);
  const [dialog, setDialog] = useState<PeopleDialog>(null);
  const rows = data?.items ?? [];
  const isMe = (p: Participant) =>
    (meeting.myParticipantId != null && p.id === meeting.myParticipantId) || (user?.id != null && p.personId === user.id);
  const filtered = list.filters.q !== '' || list.filters.role !== '';

  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title" className="visually-hidden">
        {t('meetings:participants.peopleTitle')}
      </h2>
      {caps.canEditParticipants && (
        <AddParticipant meetingId={meetingId} onBulk={() => setDialog({ kind: 'bulk' })} />
      )}

      {caps.canGiveProxy && meeting.myParticipantId != null && user?.fullName && (
        <MyProxy
          meetingId={meetingId}
          myId={meeting.myParticipantId}
          myName={user.fullName}
          onGive={(p) => setDialog({ kind: 'proxy', p })}
          onWithdraw={(p) => setDialog({ kind: 'withdraw', p })}
        />
      )}

      <ResponseSummary all={summary.data?.items} total={summary.data?.total ?? meeting.participantCount ?? 0} />

      <div className="toolbar">
        <SearchBox label={t('meetings:participants.search')} value={list.filters.q} onSearch={(v) => list.setFilter('q', v)} />
        <FilterSelect
          label={t('meetings:participants.role')}
          name="participantRole"
          testId="participant-role-filter"
          value={list.filters.role}
          onChange={(v) => list.setFilter('role', v)}
          options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`meetings:prole.${r}`) }))}
        />
      </div>

      <FormError message={error ? errorText(error, t) : null} />
      <div className="table-wrap" aria-busy={loading}>
        <table className="rtable dense" data-testid="participant-table">
          <thead>
            <tr>
              <th scope="col">{t('meetings:participants.person')}</th>
              <th scope="col">{t('meetings:participants.role')}</th>
              <th scope="col">{t('meetings:participants.seat')}</th>
              <th scope="col">{t('meetings:participants.response')}</th>
              {caps.canViewDeliveries && <th scope="col">{t('meetings:participants.delivery')}</th>}
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => {
              const can = rowActions(caps, p, isMe(p));
              return (
                <tr key={String(p.id)} data-testid="participant-row" data-participant-id={String(p.id)} data-person-id={String(p.personId)} data-role={p.role}>
                  <td className="cell-main" data-label={t('meetings:participants.person')}>
                    <span className="cell-title">{p.fullName}</span>
                    {isMe(p) && <span className="badge badge-info badge-small">{t('meetings:participants.me')}</span>}
                    <span className="cell-sub text">{[p.position, p.unitName].filter(Boolean).join(' · ')}</span>
                    {(p.proxyToName || (p.proxiesHeld?.length ?? 0) > 0) && (
                      <span className="cell-sub text" data-testid="participant-proxy-cell">
                        {p.proxyToName && t('meetings:participants.proxyTo', { name: p.proxyToName })}
                        {p.proxiesHeld && p.proxiesHeld.length > 0 && t('meetings:participants.proxiesHeld', { names: p.proxiesHeld.map((x) => x.fullName).join(', ') })}
                      </span>
                    )}
                  </td>
                  <td data-label={t('meetings:participants.role')}>
                    <span className="badge badge-role" data-role={p.role}>
                      {p.role && t(`meetings:prole.${p.role}`)}
                    </span>
                    <span className="cell-sub" data-voting={p.voting}>
                      {p.voting ? t('meetings:participants.votes') : t('meetings:participants.noVote')}
                    </span>
                  </td>
                  <td data-label={t('meetings:participants.seat')}>{p.endpointName && <span className="small">{p.endpointName}</span>}</td>
                  <td data-label={t('meetings:participants.response')}>
                    <ResponseBadge response={p.response} />
                    {p.responseNote && <span className="cell-sub">“{p.responseNote}”</span>}
                  </td>
                  {caps.canViewDeliveries && (
                    <td data-label={t('meetings:participants.delivery')}>
                      <span className="badge-list badge-stack">
                        <DeliveryBadge channel="EMAIL" state={p.email} />
                        <DeliveryBadge channel="SMS" state={p.sms} />
                      </span>
                    </td>
                  )}
                  <td className="cell-actions">
                    {(can.edit || can.proxy || can.withdraw || can.remove) && (
                      <div className="cell-actions-inner">
                        {can.edit && (
                          <button type="button" className="btn btn-small" data-testid="participant-edit" onClick={() => setDialog({ kind: 'edit', p })}>
                            {t('common.edit')}
                          </button>
                        )}
                        {can.proxy && (
                          <button type="button" className="btn btn-small" data-testid="participant-proxy" onClick={() => setDialog({ kind: 'proxy', p })}>
                            {t('meetings:participants.setProxy')}
                          </button>
                        )}
                        {can.withdraw && (
                          <button type="button" className="btn btn-small" data-testid="participant-proxy-withdraw" onClick={() => setDialog({ kind: 'withdraw', p })}>
                            {t('meetings:participants.withdrawProxy')}
                          </button>
                        )}
                        {can.remove && (
                          <button type="button" className="btn btn-small btn-danger-outline" data-testid="participant-remove" onClick={() => setDialog({ kind: 'remove', p })}>
                            {t('common.remove')}
                          </button>
                        )}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {data && rows.length === 0 && (
          <p className="empty" data-testid="empty">
            {filtered ? t('common.noResults') : t('meetings:participants.empty')}
          </p>
        )}
      </div>
      {data && (data.total ?? 0) > list.size && (
        <Pager page={list.page} size={list.size} total={data.total ?? 0} onPage={list.setPage} onSize={list.setSize} />
      )}

      {dialog?.kind === 'bulk' && <BulkInviteDialog meetingId={meetingId} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <EditParticipantDialog
          key={dialog.p.version}
          meetingId={meetingId}
          p={dialog.p}
          reload={async () => {
            const fresh = (await refetch()).data?.items?.find((x) => x.id === dialog.p.id);
            // removed meanwhile, or no longer on this page: close rather than edit stale data
            setDialog(fresh ? { kind: 'edit', p: fresh } : null);
          }}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            notify(t('common.saved'));
          }}
        />
      )}
      {dialog?.kind === 'proxy' && (
        <ProxyDialog
          meetingId={meetingId}
          giver={dialog.p}
          onClose={() => setDialog(null)}
          onSaved={(name) => {
            setDialog(null);
            notify(t('meetings:participants.proxySet', { name }));
          }}
        />
      )}
      {dialog?.kind === 'withdraw' && (
        <ConfirmDialog
          title={t('meetings:participants.withdrawProxy')}
          message={t('meetings:participants.withdrawConfirm', { name: dialog.p.fullName ?? '', to: dialog.p.proxyToName ?? '' })}
          confirmLabel={t('meetings:participants.withdrawProxy')}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await withdrawProxy.mutateAsync(dialog.p.id);
            setDialog(null);
            notify(t('meetings:participants.proxyWithdrawn'));
          }}
        />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog
          title={t('meetings:participants.removeTitle')}
          message={t('meetings:participants.removeConfirm', { name: dialog.p.fullName ?? '' })}
          confirmLabel={t('common.remove')}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await removeParticipant.mutateAsync(dialog.p.id);
            setDialog(null);
            notify(t('meetings:participants.removed', { name: dialog.p.fullName ?? '' }));
          }}
        />
      )}
    </section>
  );
}

/**
 * The signed-in participant's own vote: give it to someone or take it back, whatever page of the
 * list their row is on. The API has no read of one participant, so the row is found by searching
 * the list for the person's name and picking their participant id.
 */
function MyProxy({
  meetingId,
  myId,
  myName,
  onGive,
  onWithdraw,
}: {
  meetingId: Id;
  myId: Id;
  myName: string;
  onGive: (p: Participant) => void;
  onWithdraw: (p: Participant) => void;
}) {
  const { t } = useI18n();
  const { data } = useQuery(participantsQuery(meetingId, { q: myName, size: 50 }));
  const me = data?.items?.find((p) => p.id === myId);
  if (!me?.voting) return null;
  return (
    <section className="panel my-proxy" data-testid="my-proxy" aria-labelledby="my-proxy-title">
      <h3 id="my-proxy-title">{t('meetings:participants.myVote')}</h3>
      {me.proxyToId != null ? (
        <p className="btn-row wrap">
          <span>{t('meetings:participants.proxyTo', { name: me.proxyToName ?? '' })}</span>
          <button type="button" className="btn" data-testid="my-proxy-withdraw" onClick={() => onWithdraw(me)}>
            {t('meetings:participants.withdrawProxy')}
          </button>
        </p>
      ) : (
        <p className="btn-row wrap">
          <span className="muted">{t('meetings:participants.myVoteHint')}</span>
          <button type="button" className="btn" data-testid="my-proxy-give" onClick={() => onGive(me)}>
            {t('meetings:participants.setProxy')}
          </button>
        </p>
      )}
    </section>
  );
}

/** "Đã trả lời 12/22" and the count of each answer. */
function ResponseSummary({ all, total }: { all: Participant[] | undefined; total: number }) {
  const { t } = useI18n();
  if (!all) return null;
  const counts = { ACCEPTED: 0, TENTATIVE: 0, DECLINED: 0, PENDING: 0 };
  for (const p of all) if (p.response) counts[p.response] += 1;
  const answered = all.length - counts.PENDING;
  return (
    <p className="response-summary" data-testid="response-summary">
      <strong>{t('meetings:participants.answered', { count: answered, total })}</strong>{' '}
      <span className="badge-list">
        <span className="badge badge-ok">
          {t('meetings:response.ACCEPTED')}: {counts.ACCEPTED}
        </span>
        <span className="badge badge-warn">
          {t('meetings:response.TENTATIVE')}: {counts.TENTATIVE}
        </span>
        <span className="badge badge-danger">
          {t('meetings:response.DECLINED')}: {counts.DECLINED}
        </span>
        <span className="badge badge-muted">
          {t('meetings:response.PENDING')}: {counts.PENDING}
        </span>
      </span>
    </p>
  );
}

/** One person at a time (the pickers search the directory); "Thêm nhiều người" opens the bulk dialog. */
function AddParticipant({ meetingId, onBulk }: { meetingId: Id; onBulk: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [person, setPerson] = useState<PickRef | null>(null);
  const [role, setRole] = useState<ParticipantRole>('DELEGATE');
  const [seat, setSeat] = useState<PickRef | null>(null);
  const [voting, setVoting] = useState(true);
  const [votingTouched, setVotingTouched] = useState(false);
  const [pickerKey, setPickerKey] = useState(0);
  const form = useApiForm(useAddParticipants(meetingId), { fields: ['personId', 'role', 'endpointId', 'voting'] });
  const fields = form.fieldErrors;
  const busy = form.busy;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!person) {
      form.invalid({ personId: t('meetings:participants.choosePerson') });
      return;
    }
    form.submit([{ personId: person.id, role, endpointId: seat?.id, voting }], {
      onSuccess: () => {
        notify(t('meetings:participants.added', { name: person.name }));
        setPerson(null);
        setSeat(null);
        setPickerKey((k) => k + 1);
      },
    });
  }

  return (
    <form className="panel add-panel" onSubmit={onSubmit} noValidate aria-labelledby="add-person-title">
      <div className="add-head">
        <h3 id="add-person-title">{t('meetings:participants.addTitle')}</h3>
        <button type="button" className="btn" data-testid="participants-bulk-open" onClick={onBulk}>
          + {t('meetings:bulk.open')}
        </button>
      </div>
      <FormProblem form={form} />
      <div className="add-grid">
        <PersonPicker key={pickerKey} label={t('meetings:participants.person')} name="personId" value={person} onChange={setPerson} required error={fields.personId} />
        <RoleSelect
          value={role}
          onChange={(r) => {
            setRole(r);
            if (!votingTouched) setVoting(votingDefault(r));
          }}
          error={fields.role}
        />
        <EndpointPicker label={t('meetings:participants.seat')} name="endpointId" value={seat} onChange={setSeat} optional allowClear error={fields.endpointId} />
        <div className="add-actions">
          <CheckboxField
            label={t('meetings:participants.votingRight')}
            name="voting"
            checked={voting}
            onChange={(v) => {
              setVoting(v);
              setVotingTouched(true);
            }}
          />
          <button type="submit" className="btn btn-primary" data-testid="participants-add" disabled={busy}>
            + {t('meetings:participants.add')}
          </button>
        </div>
      </div>
    </form>
  );
}

function EditParticipantDialog({
  meetingId,
  p,
  reload,
  onClose,
  onSaved,
}: {
  meetingId: Id;
  /** the participant as the table showed it (its `version` goes with the change) */
  p: Participant;
  reload: () => Promise<void>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [role, setRole] = useState<ParticipantRole>(p.role ?? 'DELEGATE');
  const [seat, setSeat] = useState<PickRef | null>(p.endpointId != null ? { id: p.endpointId, name: p.endpointName ?? String(p.endpointId) } : null);
  const [voting, setVoting] = useState(!!p.voting);
  const form = useApiForm(useUpdateParticipant(meetingId), { fields: ['role', 'endpointId', 'voting'], reload });
  const fields = form.fieldErrors;
  const busy = form.busy;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    form.submit({ pid: p.id, body: { role, endpointId: seat?.id, voting, version: p.version } }, { onSuccess: onSaved });
  }

  return (
    <Dialog title={t('meetings:participants.editTitle', { name: p.fullName ?? '' })} onClose={onClose} testId="participant-form">
      <form onSubmit={onSubmit} noValidate>
        <FormProblem form={form} />
        <RoleSelect value={role} onChange={setRole} error={fields.role} />
        <EndpointPicker label={t('meetings:participants.seat')} name="endpointId" value={seat} onChange={setSeat} optional allowClear error={fields.endpointId} />
        <CheckboxField label={t('meetings:participants.votingRight')} name="voting" checked={voting} onChange={setVoting} />
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

/** Whom to give a vote to: a server search among the meeting's participants. */
function ProxyDialog({
  meetingId,
  giver,
  onClose,
  onSaved,
}: {
  meetingId: Id;
  giver: Participant;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const search = useDebouncedValue(q.trim(), 250);
  const [choice, setChoice] = useState<Participant | null>(null);
  const { data, isFetching } = useQuery(participantsQuery(meetingId, { q: search || undefined, size: 20 }));
  const form = useApiForm(useSetProxy(meetingId));
  const busy = form.busy;
  // someone who already gave a proxy cannot hold one (no chains)
  const shown = (data?.items ?? []).filter((c) => c.id != null && c.id !== giver.id && c.proxyToId == null);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (choice?.id == null) {
      form.invalid({}, t('meetings:participants.chooseProxy'));
      return;
    }
    form.submit({ pid: giver.id, toParticipantId: choice.id }, { onSuccess: () => onSaved(choice.fullName ?? '') });
  }

  return (
    <Dialog title={t('meetings:participants.proxyTitle', { name: giver.fullName ?? '' })} onClose={onClose} testId="proxy-dialog" wide>
      <form onSubmit={onSubmit} noValidate>
        <p className="muted">{t('meetings:participants.proxyExplain')}</p>
        <FormProblem form={form} />
        <label className="field">
          <span className="label-text">{t('common.search')}</span>
          <input type="search" name="proxySearch" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('common.searchPlaceholder')} autoFocus />
        </label>
        <div className="choice-list" role="radiogroup" aria-label={t('meetings:participants.proxyChoice')} aria-busy={isFetching}>
          {shown.map((c) => (
            <label key={String(c.id)} className={`choice${choice?.id === c.id ? ' is-on' : ''}`} data-testid="proxy-option">
              <input type="radio" name="toParticipantId" value={String(c.id)} checked={choice?.id === c.id} onChange={() => setChoice(c)} />
              <span className="choice-text">
                <strong>{c.fullName}</strong>
                <span className="muted">
                  {c.role && t(`meetings:prole.${c.role}`)}
                  {c.unitName && ` · ${c.unitName}`}
                </span>
              </span>
            </label>
          ))}
          {data && shown.length === 0 && <p className="muted">{t('common.noResults')}</p>}
        </div>
        {(data?.total ?? 0) > (data?.items?.length ?? 0) && <p className="hint">{t('meetings:participants.proxyMore')}</p>}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="proxy-save" disabled={busy}>
            {busy ? t('common.saving') : t('meetings:participants.setProxy')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

// ---------------------------------------------------------------------------------------------

function RoomsSection({ meeting, meetingId }: { meeting: MeetingDetail; meetingId: Id }) {
  const { t } = useI18n();
  const notify = useNotify();
  const caps = capsOf(meeting);
  const list = usePagedList({ q: '' });
  const { data, error, isFetching: loading } = useQuery(meetingEndpointsQuery(meetingId, list.params));
  const removeRoom = useRemoveRoom(meetingId);
  const [removing, setRemoving] = useState<MeetingEndpoint | null>(null);
  const rows = data?.items ?? [];
  // unfiltered, the page's total is every room of the meeting
  const count = list.filters.q === '' && data ? (data.total ?? 0) : (meeting.endpointCount ?? 0);

  return (
    <section aria-labelledby="rooms-title">
      <h2 id="rooms-title">
        {t('meetings:participants.roomsTitle')}{' '}
        <span className="badge badge-info" data-testid="endpoint-count" data-count={count}>
          {t('count.endpoints', { count })}
        </span>
      </h2>
      {caps.canEditRooms && <AddRooms meetingId={meetingId} />}
      <div className="toolbar">
        <SearchBox label={t('meetings:participants.roomFilter')} value={list.filters.q} onSearch={(v) => list.setFilter('q', v)} />
      </div>
      <FormError message={error ? errorText(error, t) : null} />
      <div className="table-wrap" aria-busy={loading}>
        <table className="rtable dense" data-testid="meeting-endpoint-table">
          <thead>
            <tr>
              <th scope="col">{t('nav.endpoints')}</th>
              <th scope="col">{t('admin:endpoints.unit')}</th>
              <th scope="col">{t('meetings:attendance.headCount')}</th>
              <th scope="col">{t('common.status')}</th>
              {caps.canEditRooms && (
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={String(e.id)} data-testid="meeting-endpoint-row" data-endpoint-id={String(e.endpointId)} data-code={e.code}>
                <td className="cell-main" data-label={t('nav.endpoints')}>
                  <span className="cell-title">{e.name}</span> <code className="small muted">{e.code}</code>
                </td>
                <td data-label={t('admin:endpoints.unit')}>
                  <span className="small">{e.unitName}</span>
                </td>
                <td data-label={t('meetings:attendance.headCount')}>{e.headCount != null && t('meetings:attendance.people', { count: e.headCount })}</td>
                <td data-label={t('common.status')}>
                  <StatusBadge status={oneOf(ENDPOINT_STATUSES, e.status)} />
                </td>
                {caps.canEditRooms && (
                  <td className="cell-actions">
                    <button type="button" className="btn btn-small btn-danger-outline" data-testid="meeting-endpoint-remove" onClick={() => setRemoving(e)}>
                      {t('common.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {data && rows.length === 0 && (
          <p className="empty" data-testid="empty">
            {list.filters.q ? t('common.noResults') : t('meetings:participants.noRooms')}
          </p>
        )}
      </div>
      {data && (data.total ?? 0) > list.size && (
        <Pager page={list.page} size={list.size} total={data.total ?? 0} onPage={list.setPage} onSize={list.setSize} />
      )}
      {removing && (
        <ConfirmDialog
          title={t('meetings:participants.removeRoomTitle')}
          message={t('meetings:participants.removeConfirm', { name: removing.name ?? '' })}
          confirmLabel={t('common.remove')}
          danger
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await removeRoom.mutateAsync(removing.endpointId);
            notify(t('meetings:participants.removed', { name: removing.name ?? '' }));
            setRemoving(null);
          }}
        />
      )}
    </section>
  );
}

type AddKind = 'list' | 'unit' | 'level' | 'all';

function AddRooms({ meetingId }: { meetingId: Id }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [pending, setPending] = useState<PickRef[]>([]);
  const [unit, setUnit] = useState<UnitRef | null>(null);
  const [level, setLevel] = useState<UnitLevel>('COMMUNE');
  const [pickerKey, setPickerKey] = useState(0);
  const addRooms = useAddRooms<AddKind>(meetingId);
  const form = useApiForm(addRooms);
  const busy = form.busy ? (form.variables?.kind ?? null) : null;
  const result = addRooms.isSuccess ? addRooms.data : null;

  function add(kind: AddKind, body: EndpointInvite) {
    form.submit(
      { kind, body },
      {
        onSuccess: (r) => {
          notify(resultText(r));
          if (kind === 'list') setPending([]);
          if (kind === 'unit') setUnit(null);
        },
      },
    );
  }

  function resultText(r: { added?: number; alreadyInvited?: number; total?: number }): string {
    return t('meetings:rooms.result', { count: r.added ?? 0, already: r.alreadyInvited ?? 0, total: r.total ?? 0 });
  }

  return (
    <div className="panel add-panel" aria-labelledby="add-rooms-title">
      <h3 id="add-rooms-title">{t('meetings:rooms.addTitle')}</h3>
      <FormProblem form={form} />
      {result && (
        <p className="alert alert-ok" data-testid="endpoints-result">
          {resultText(result)}
        </p>
      )}
      <div className="rooms-grid">
        <div className="rooms-block">
          <EndpointPicker
            key={pickerKey}
            label={t('meetings:rooms.byList')}
            name="endpointIds"
            value={null}
            excludeIds={pending.map((p) => p.id)}
            onChange={(v) => {
              if (v) setPending((l) => [...l, v]);
              setPickerKey((k) => k + 1);
            }}
          />
          {pending.length > 0 && (
            <ul className="chips" data-testid="endpoints-pending">
              {pending.map((p) => (
                <li key={String(p.id)} className="chip">
                  {p.name}
                  <button
                    type="button"
                    className="chip-x"
                    aria-label={t('common.removeName', { name: p.name })}
                    onClick={() => setPending((l) => l.filter((x) => x.id !== p.id))}
                  >
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
            + {t('meetings:rooms.addList', { count: pending.length })}
          </button>
        </div>
        <div className="rooms-block">
          <UnitPicker label={t('meetings:rooms.byUnit')} name="endpointUnit" value={unit} onChange={setUnit} hint={t('meetings:rooms.byUnitHint')} />
          <button type="button" className="btn" data-testid="endpoints-add-unit" disabled={busy !== null || !unit} onClick={() => unit && add('unit', { unitId: unit.id })}>
            + {t('meetings:rooms.addUnit')}
          </button>
        </div>
        <div className="rooms-block">
          <SelectField label={t('meetings:rooms.byLevel')} name="level" value={level} onChange={(e) => setLevel(e.target.value as UnitLevel)}>
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
            + {t('meetings:rooms.addLevel', { level: t(`level.${level}`) })}
          </button>
        </div>
        <div className="rooms-block">
          <p className="label-text">{t('meetings:rooms.all')}</p>
          <p className="hint">{t('meetings:rooms.allHint')}</p>
          <button type="button" className="btn btn-primary" data-testid="endpoints-add-all" disabled={busy !== null} onClick={() => add('all', { all: true })}>
            {busy === 'all' ? t('common.working') : `+ ${t('meetings:rooms.addAll')}`}
          </button>
        </div>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

function DeliveriesSection({ meetingId }: { meetingId: Id }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [status, setStatus] = useState('');
  const { data, error: loadError, isFetching: loading, refetch } = useQuery(deliveriesQuery(meetingId));
  const form = useApiForm(useRetryDelivery(meetingId));
  const retrying = form.busy ? (form.variables ?? null) : null;
  const list = data ?? [];
  const shown = status ? list.filter((d) => d.status === status) : list;
  const failed = list.filter((d) => d.status === 'FAILED').length;

  /** What the message was about ("INVITATION"…: a plain string in the document); an unknown one as is. */
  function deliveryKind(kind: string | undefined): string {
    const known = oneOf(DELIVERY_KINDS, kind);
    return known ? t(`meetings:deliveries.kinds.${known}`) : (kind ?? '');
  }

  function retry(d: Delivery) {
    form.submit(d.id, { onSuccess: () => notify(t('meetings:deliveries.retried', { to: d.recipient ?? '' })) });
  }

  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">
        {t('meetings:deliveries.title')}{' '}
        {failed > 0 && (
          <span className="badge badge-danger" data-testid="deliveries-failed">
            {t('meetings:deliveries.failedCount', { count: failed })}
          </span>
        )}
      </h2>
      <div className="toolbar">
        <FilterSelect
          label={t('common.status')}
          name="deliveryStatus"
          value={status}
          onChange={setStatus}
          options={DELIVERY_FILTER.map((d) => ({ value: d, label: t(`meetings:delivery.${d}`) }))}
        />
        <div className="btn-row">
          <button type="button" className="btn" data-testid="deliveries-refresh" onClick={() => void refetch()}>
            {t('common.refresh')}
          </button>
        </div>
      </div>
      <FormError message={loadError ? errorText(loadError, t) : form.error} />
      <div className="table-wrap" aria-busy={loading}>
        <table className="rtable" data-testid="delivery-table">
          <thead>
            <tr>
              <th scope="col">{t('meetings:deliveries.channel')}</th>
              <th scope="col">{t('meetings:deliveries.recipient')}</th>
              <th scope="col">{t('meetings:deliveries.kind')}</th>
              <th scope="col">{t('common.status')}</th>
              <th scope="col">{t('meetings:deliveries.attempts')}</th>
              <th scope="col">{t('meetings:deliveries.when')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <tr key={String(d.id)} data-testid="delivery-row" data-status={d.status} data-channel={d.channel}>
                <td data-label={t('meetings:deliveries.channel')}>{d.channel === 'EMAIL' ? t('meetings:delivery.email') : t('meetings:delivery.sms')}</td>
                <td data-label={t('meetings:deliveries.recipient')}>
                  <span className="cell-title">{d.personName}</span>
                  <span className="cell-sub">{d.recipient}</span>
                </td>
                <td data-label={t('meetings:deliveries.kind')}>{deliveryKind(d.kind)}</td>
                <td data-label={t('common.status')}>
                  <DeliveryBadge channel={d.channel} state={d.status} />
                  {d.lastError && <span className="cell-sub error-text">{d.lastError}</span>}
                </td>
                <td data-label={t('meetings:deliveries.attempts')}>{d.attempts}</td>
                <td data-label={t('meetings:deliveries.when')}>
                  {formatDateTime(d.createdAt)}
                  {d.sentAt && <span className="cell-sub">{t('meetings:deliveries.sentAt', { at: formatDateTime(d.sentAt) })}</span>}
                </td>
                <td data-label={t('common.actions')} className="cell-actions">
                  {d.status === 'FAILED' && (
                    <button type="button" className="btn btn-small" data-testid="delivery-retry" disabled={form.busy} onClick={() => retry(d)}>
                      {retrying === d.id ? t('common.working') : t('common.retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && shown.length === 0 && (
          <p className="empty" data-testid="empty">
            {t('meetings:deliveries.empty')}
          </p>
        )}
      </div>
    </section>
  );
}
