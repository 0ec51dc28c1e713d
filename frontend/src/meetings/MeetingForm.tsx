import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../api';
import { useAuth } from '../auth/AuthContext';
import { errorText, fieldErrorsOf } from '../components/errors';
import { FormError, SelectField, TextField } from '../components/Field';
import { useNotify } from '../components/Notice';
import { EndpointPicker, PersonPicker, type PickRef } from '../components/SearchPicker';
import { blankToNull } from '../components/text';
import { UnitPicker, type UnitRef } from '../components/UnitPicker';
import { useTitle } from '../components/useTitle';
import { formatSpan, todayVN, vnDate, vnInstant, vnTime } from '../format';
import { useI18n } from '../i18n';
import { Forbidden } from '../layout/Forbidden';
import {
  CONFIDENTIALITIES,
  MEETING_KINDS,
  type Confidentiality,
  type MeetingDetail,
  type MeetingInput,
  type MeetingKind,
  type QuorumRule,
} from '../types';
import { meetingApi, meetingUrl } from './shared';

/** Fields whose server errors appear next to their input. */
const SHOWN_FIELDS = [
  'title',
  'kind',
  'hostUnitId',
  'chairId',
  'secretaryId',
  'startsAt',
  'endsAt',
  'hostEndpointId',
  'place',
  'confidentiality',
  'notes',
  'quorum',
  'numerator',
  'denominator',
];

export const QUORUM_RULES: Record<'HALF' | 'TWO_THIRDS', QuorumRule> = {
  HALF: { numerator: 1, denominator: 2, strict: true },
  TWO_THIRDS: { numerator: 2, denominator: 3, strict: false },
};

export function quorumKey(q: QuorumRule | null | undefined): 'HALF' | 'TWO_THIRDS' | 'OTHER' {
  if (!q) return 'HALF';
  if (q.numerator === 1 && q.denominator === 2 && q.strict) return 'HALF';
  if (q.numerator === 2 && q.denominator === 3) return 'TWO_THIRDS';
  return 'OTHER';
}

/** /meetings/:id/edit: loads the meeting, then shows the form (managers only). */
export function MeetingEditPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    api
      .get<MeetingDetail>(meetingApi(id), undefined, ctrl.signal)
      .then(setMeeting)
      .catch((e: unknown) => {
        if (!ctrl.signal.aborted) setError(e);
      });
    return () => ctrl.abort();
  }, [id]);
  if (error) return <FormError message={errorText(error, t)} />;
  if (!meeting) return <p className="muted">{t('app.loading')}</p>;
  if (!meeting.canManage) return <Forbidden />;
  return <MeetingForm meeting={meeting} />;
}

/** /meetings/new and the edit page: the meeting form (MeetingInput). */
export function MeetingForm({ meeting }: { meeting?: MeetingDetail }) {
  const { t, lang } = useI18n();
  const { user, hasRole } = useAuth();
  const notify = useNotify();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  useTitle(meeting ? t('meetingForm.editTitle') : t('meetingForm.newTitle'));

  const initialDate = /^\d{4}-\d{2}-\d{2}$/.test(search.get('date') ?? '') ? (search.get('date') as string) : todayVN();
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [kind, setKind] = useState<MeetingKind>(meeting?.kind ?? 'REGULAR');
  const [hostUnit, setHostUnit] = useState<UnitRef | null>(
    meeting
      ? { id: meeting.hostUnitId, name: meeting.hostUnitName ?? String(meeting.hostUnitId) }
      : user?.unitId != null
        ? { id: user.unitId, name: user.unitName ?? String(user.unitId) }
        : null,
  );
  const [chair, setChair] = useState<PickRef | null>(
    meeting ? { id: meeting.chairId, name: meeting.chairName ?? String(meeting.chairId) } : null,
  );
  const [secretary, setSecretary] = useState<PickRef | null>(
    meeting
      ? meeting.secretaryId != null
        ? { id: meeting.secretaryId, name: meeting.secretaryName ?? String(meeting.secretaryId) }
        : null
      : user && hasRole('SECRETARY')
        ? { id: user.id, name: user.fullName }
        : null,
  );
  const [startDate, setStartDate] = useState(meeting ? vnDate(meeting.startsAt) : initialDate);
  const [startTime, setStartTime] = useState(meeting ? vnTime(meeting.startsAt) : '08:00');
  const [endDate, setEndDate] = useState(meeting ? vnDate(meeting.endsAt) : initialDate);
  const [endTime, setEndTime] = useState(meeting ? vnTime(meeting.endsAt) : '11:00');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [hostEndpoint, setHostEndpoint] = useState<PickRef | null>(
    meeting?.hostEndpointId != null ? { id: meeting.hostEndpointId, name: meeting.hostEndpointName ?? String(meeting.hostEndpointId) } : null,
  );
  const [confidentiality, setConfidentiality] = useState<Confidentiality>(meeting?.confidentiality ?? 'NORMAL');
  const [notes, setNotes] = useState(meeting?.notes ?? '');
  const [quorum, setQuorum] = useState<string>(quorumKey(meeting?.quorum));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const previewStart = vnInstant(startDate, startTime);
  const previewEnd = vnInstant(endDate, endTime);
  const editable = !meeting || meeting.status === 'DRAFT' || meeting.status === 'SCHEDULED';

  function onStartDate(value: string) {
    // keep a one-day meeting on one day when its date moves
    if (endDate === startDate || !endDate) setEndDate(value);
    setStartDate(value);
  }

  function validate(startsAt: string | null, endsAt: string | null): Record<string, string> {
    const f: Record<string, string> = {};
    const required = t('common.required');
    if (!title.trim()) f.title = required;
    if (!hostUnit) f.hostUnitId = required;
    if (!chair) f.chairId = required;
    if (!startsAt) f.startsAt = t('meetingForm.badTime');
    if (!endsAt) f.endsAt = t('meetingForm.badTime');
    if (startsAt && endsAt && endsAt <= startsAt) f.endsAt = t('meetingForm.endBeforeStart');
    if (!place.trim() && !hostEndpoint) f.place = t('meetingForm.placeOrEndpoint');
    return f;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const startsAt = vnInstant(startDate, startTime);
    const endsAt = vnInstant(endDate, endTime);
    const local = validate(startsAt, endsAt);
    setError(null);
    if (Object.keys(local).length) {
      setFields(local);
      setError(t('error.validation'));
      return;
    }
    setBusy(true);
    setFields({});
    const body: MeetingInput = {
      title: title.trim(),
      kind,
      hostUnitId: hostUnit?.id ?? null,
      chairId: chair?.id ?? null,
      secretaryId: secretary?.id ?? null,
      startsAt,
      endsAt,
      hostEndpointId: hostEndpoint?.id ?? null,
      place: blankToNull(place),
      confidentiality,
      notes: blankToNull(notes),
    };
    if (quorum === 'HALF' || quorum === 'TWO_THIRDS') body.quorum = QUORUM_RULES[quorum];
    else if (meeting) body.quorum = meeting.quorum;
    try {
      const saved = meeting
        ? await api.put<MeetingDetail>(meetingApi(meeting.id), body)
        : await api.post<MeetingDetail>('/api/meetings', body);
      notify(meeting ? t('meetingForm.saved') : t('meetingForm.created', { title: saved.title }));
      navigate(meetingUrl(saved.id), { state: { saved: true, warnings: saved.warnings ?? [] } });
    } catch (err) {
      const fe = fieldErrorsOf(err);
      if (fe.numerator || fe.denominator) fe.quorum = fe.quorum ?? fe.numerator ?? fe.denominator;
      setFields(fe);
      setError(errorText(err, t, SHOWN_FIELDS));
      setBusy(false);
    }
  }

  return (
    <div className="page meeting-form-page">
      <header className="page-head">
        <h1>{meeting ? t('meetingForm.editTitle') : t('meetingForm.newTitle')}</h1>
        {meeting && (
          <Link to={meetingUrl(meeting.id)} className="btn">
            {t('meeting.back')}
          </Link>
        )}
      </header>
      {!editable && <p className="alert alert-info">{t('meetingForm.notEditable')}</p>}
      <form className="panel" onSubmit={onSubmit} noValidate data-testid="meeting-form">
        <FormError message={error} />
        <TextField
          label={t('meeting.title')}
          name="title"
          required
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fields.title}
          autoFocus={!meeting}
          maxLength={500}
        />
        <div className="form-grid">
          <SelectField label={t('meeting.kind')} name="kind" value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)} error={fields.kind}>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <UnitPicker label={t('meeting.hostUnit')} name="hostUnitId" value={hostUnit} onChange={setHostUnit} required error={fields.hostUnitId} />
          <PersonPicker label={t('meeting.chair')} name="chairId" value={chair} onChange={setChair} required error={fields.chairId} />
          <PersonPicker
            label={t('meeting.secretary')}
            name="secretaryId"
            value={secretary}
            onChange={setSecretary}
            optional
            allowClear
            error={fields.secretaryId}
          />
        </div>

        <fieldset className={`time-fieldset${fields.startsAt || fields.endsAt ? ' has-error' : ''}`}>
          <legend>{t('meeting.time')}</legend>
          <div className="time-grid">
            <TextField label={t('meetingForm.startDate')} name="startDate" type="date" required value={startDate} onChange={(e) => onStartDate(e.target.value)} error={fields.startsAt} />
            <TextField label={t('meetingForm.startTime')} name="startTime" type="time" required step={300} value={startTime} onChange={(e) => setStartTime(e.target.value)} />
            <TextField label={t('meetingForm.endDate')} name="endDate" type="date" required value={endDate} min={startDate} onChange={(e) => setEndDate(e.target.value)} error={fields.endsAt} />
            <TextField label={t('meetingForm.endTime')} name="endTime" type="time" required step={300} value={endTime} onChange={(e) => setEndTime(e.target.value)} />
          </div>
          {previewStart && previewEnd && previewEnd > previewStart && (
            <p className="time-preview" data-testid="time-preview">
              {formatSpan(previewStart, previewEnd, lang)}
            </p>
          )}
          <p className="hint">{t('meetingForm.timeHint')}</p>
        </fieldset>

        <div className="form-grid">
          <TextField
            label={t('meeting.place')}
            name="place"
            value={place}
            onChange={(e) => setPlace(e.target.value)}
            error={fields.place}
            hint={t('meetingForm.placeHint')}
            maxLength={500}
          />
          <EndpointPicker
            label={t('meeting.hostEndpoint')}
            name="hostEndpointId"
            value={hostEndpoint}
            onChange={setHostEndpoint}
            allowClear
            optional
            error={fields.hostEndpointId}
          />
          <SelectField
            label={t('meeting.confidentiality')}
            name="confidentiality"
            value={confidentiality}
            onChange={(e) => setConfidentiality(e.target.value as Confidentiality)}
            error={fields.confidentiality}
          >
            {CONFIDENTIALITIES.map((c) => (
              <option key={c} value={c}>
                {t(`conf.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('meeting.quorum')} name="quorum" value={quorum} onChange={(e) => setQuorum(e.target.value)} error={fields.quorum}>
            <option value="HALF">{t('quorum.HALF')}</option>
            <option value="TWO_THIRDS">{t('quorum.TWO_THIRDS')}</option>
            {quorum === 'OTHER' && meeting && (
              <option value="OTHER">
                {meeting.quorum.strict ? '>' : '≥'} {meeting.quorum.numerator}/{meeting.quorum.denominator}
              </option>
            )}
          </SelectField>
        </div>
        <div className={`field${fields.notes ? ' has-error' : ''}`}>
          <label htmlFor="meeting-notes">
            {t('meeting.notes')} <span className="optional">({t('common.optional')})</span>
          </label>
          <textarea id="meeting-notes" name="notes" rows={4} value={notes} maxLength={4000} onChange={(e) => setNotes(e.target.value)} />
          {fields.notes && (
            <p className="field-error" data-testid="field-error">
              {fields.notes}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => navigate(meeting ? meetingUrl(meeting.id) : '/meetings')} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary btn-large" data-testid="meeting-save" disabled={busy || !editable}>
            {busy ? t('common.saving') : meeting ? t('common.save') : t('meetingForm.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
