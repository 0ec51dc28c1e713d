import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  CONFIDENTIALITIES,
  MEETING_KINDS,
  type Confidentiality,
  type Id,
  type MeetingDetail,
  type MeetingInput,
  type MeetingKind,
} from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { FormError, SelectField, TextField } from '../components/Field';
import { FormProblem } from '../components/FormProblem';
import { useNotify } from '../components/Notice';
import { EndpointPicker, PersonPicker, type PickRef } from '../components/SearchPicker';
import { blankToUndefined } from '../components/text';
import { UnitPicker, type UnitRef } from '../components/UnitPicker';
import { useTitle } from '../components/useTitle';
import { addHours, formatSpan, proposeStart, vnDate, vnInstant, vnTime } from '../format';
import { Forbidden, NotFound } from '../layout/Forbidden';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { routeId } from '../lib/routeId';
import { useApiForm } from '../lib/useApiForm';
import { meetingQuery } from './api/getMeeting';
import { useSaveMeeting } from './api/saveMeeting';
import { QUORUM_RULES, quorumKey, quorumShort } from './quorum';
import { capsOf, meetingUrl } from './shared';

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

/** /meetings/:id/edit: loads the meeting, then shows the form (managers only). */
export function MeetingEditPage() {
  const id = routeId(useParams().id);
  if (id === null) return <NotFound />;
  return <MeetingEdit meetingId={id} />;
}

function MeetingEdit({ meetingId }: { meetingId: Id }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { data, error } = useQuery(meetingQuery(meetingId));
  // The form edits the meeting as it was when the page opened (a refetch in the background must
  // not wipe what is being typed); only "Tải lại" after a 409 "stale" replaces it.
  const [meeting, setMeeting] = useState<MeetingDetail | undefined>(data);
  if (!meeting && data) setMeeting(data);
  if (error && !meeting) return <FormError message={errorText(error, t)} />;
  if (!meeting) return <p className="muted">{t('app.loading')}</p>;
  const caps = capsOf(meeting);
  if (!caps.canManage) return <Forbidden />;
  if (!caps.canEdit) {
    return (
      <div className="page meeting-form-page">
        <p className="alert alert-info" data-testid="not-editable">
          {t('meetings:meetingForm.notEditable')}
        </p>
        <Link to={meetingUrl(meetingId)} className="btn">
          {t('meetings:meeting.back')}
        </Link>
      </div>
    );
  }
  return (
    <MeetingForm
      key={meeting.version}
      meeting={meeting}
      reload={async () => setMeeting(await queryClient.fetchQuery(meetingQuery(meetingId)))}
    />
  );
}

/**
 * /meetings/new and the edit page: the meeting form (MeetingInput). An update sends the `version`
 * of `meeting`; `reload` reads it again after someone else saved first.
 */
export function MeetingForm({ meeting, reload }: { meeting?: MeetingDetail; reload?: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const { user, hasRole } = useAuth();
  const notify = useNotify();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  useTitle(meeting ? t('meetings:meetingForm.editTitle') : t('meetings:meetingForm.newTitle'));

  // a new meeting proposes a time ahead: tomorrow 08:00, or the next whole hour for today
  const [proposed] = useState(() => {
    const start = proposeStart(new Date(), search.get('date'));
    return { start, end: addHours(start, 2) };
  });
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [kind, setKind] = useState<MeetingKind>(meeting?.kind ?? 'REGULAR');
  const [hostUnit, setHostUnit] = useState<UnitRef | null>(
    meeting
      ? ref(meeting.hostUnitId, meeting.hostUnitName)
      : ref(user?.unitId, user?.unitName),
  );
  const [chair, setChair] = useState<PickRef | null>(meeting ? ref(meeting.chairId, meeting.chairName) : null);
  const [secretary, setSecretary] = useState<PickRef | null>(
    meeting ? ref(meeting.secretaryId, meeting.secretaryName) : hasRole('SECRETARY') ? ref(user?.id, user?.fullName) : null,
  );
  const [startDate, setStartDate] = useState(vnDate(meeting?.startsAt ?? proposed.start));
  const [startTime, setStartTime] = useState(vnTime(meeting?.startsAt ?? proposed.start));
  const [endDate, setEndDate] = useState(vnDate(meeting?.endsAt ?? proposed.end));
  const [endTime, setEndTime] = useState(vnTime(meeting?.endsAt ?? proposed.end));
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [hostEndpoint, setHostEndpoint] = useState<PickRef | null>(ref(meeting?.hostEndpointId, meeting?.hostEndpointName));
  const [confidentiality, setConfidentiality] = useState<Confidentiality>(meeting?.confidentiality ?? 'NORMAL');
  const [notes, setNotes] = useState(meeting?.notes ?? '');
  const [quorum, setQuorum] = useState<string>(quorumKey(meeting?.quorum));
  const form = useApiForm(useSaveMeeting(), { fields: SHOWN_FIELDS, mapFieldErrors: quorumFieldErrors, reload });
  const fields = form.fieldErrors;
  const busy = form.busy;

  const previewStart = vnInstant(startDate, startTime);
  const previewEnd = vnInstant(endDate, endTime);

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
    if (!startsAt) f.startsAt = t('meetings:meetingForm.badTime');
    if (!endsAt) f.endsAt = t('meetings:meetingForm.badTime');
    if (startsAt && endsAt && endsAt <= startsAt) f.endsAt = t('meetings:meetingForm.endBeforeStart');
    if (!place.trim() && !hostEndpoint) f.place = t('meetings:meetingForm.placeOrEndpoint');
    return f;
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const startsAt = vnInstant(startDate, startTime);
    const endsAt = vnInstant(endDate, endTime);
    const local = validate(startsAt, endsAt);
    if (Object.keys(local).length || !hostUnit || !chair || !startsAt || !endsAt) {
      form.invalid(local, t('error.validation'));
      return;
    }
    const body: MeetingInput = {
      title: title.trim(),
      kind,
      hostUnitId: hostUnit.id,
      chairId: chair.id,
      secretaryId: secretary?.id,
      startsAt,
      endsAt,
      hostEndpointId: hostEndpoint?.id,
      place: blankToUndefined(place),
      confidentiality,
      notes: blankToUndefined(notes),
      // the version this change is based on: the server refuses it (409 "stale") when someone saved since
      version: meeting?.version,
    };
    if (quorum === 'HALF' || quorum === 'TWO_THIRDS') body.quorum = QUORUM_RULES[quorum];
    else if (meeting) body.quorum = meeting.quorum;
    form.submit(
      { existing: meeting, body },
      {
        onSuccess: (saved) => {
          notify(meeting ? t('meetings:meetingForm.saved') : t('meetings:meetingForm.created', { title: saved.title ?? '' }));
          navigate(meetingUrl(saved.id), { state: { saved: true, warnings: saved.warnings ?? [] } });
        },
      },
    );
  }

  return (
    <div className="page meeting-form-page">
      <header className="page-head">
        <h1>{meeting ? t('meetings:meetingForm.editTitle') : t('meetings:meetingForm.newTitle')}</h1>
        {meeting && (
          <Link to={meetingUrl(meeting.id)} className="btn">
            {t('meetings:meeting.back')}
          </Link>
        )}
      </header>
      <form className="panel" onSubmit={onSubmit} noValidate data-testid="meeting-form">
        <FormProblem form={form} />
        <TextField
          label={t('meetings:meeting.title')}
          name="title"
          required
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={fields.title}
          autoFocus={!meeting}
          maxLength={500}
        />
        <div className="form-grid">
          <SelectField label={t('meetings:meeting.kind')} name="kind" value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)} error={fields.kind}>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`meetings:kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <UnitPicker label={t('meetings:meeting.hostUnit')} name="hostUnitId" value={hostUnit} onChange={setHostUnit} required error={fields.hostUnitId} />
          <PersonPicker label={t('meetings:meeting.chair')} name="chairId" value={chair} onChange={setChair} required error={fields.chairId} />
          <PersonPicker
            label={t('meetings:meeting.secretary')}
            name="secretaryId"
            value={secretary}
            onChange={setSecretary}
            optional
            allowClear
            error={fields.secretaryId}
          />
        </div>

        <fieldset className={`time-fieldset${fields.startsAt || fields.endsAt ? ' has-error' : ''}`}>
          <legend>{t('meetings:meeting.time')}</legend>
          <div className="time-grid">
            <TextField label={t('meetings:meetingForm.startDate')} name="startDate" type="date" required value={startDate} onChange={(e) => onStartDate(e.target.value)} error={fields.startsAt} />
            <TextField label={t('meetings:meetingForm.startTime')} name="startTime" type="time" required step={300} value={startTime} onChange={(e) => setStartTime(e.target.value)} />
            <TextField label={t('meetings:meetingForm.endDate')} name="endDate" type="date" required value={endDate} min={startDate} onChange={(e) => setEndDate(e.target.value)} error={fields.endsAt} />
            <TextField label={t('meetings:meetingForm.endTime')} name="endTime" type="time" required step={300} value={endTime} onChange={(e) => setEndTime(e.target.value)} />
          </div>
          {previewStart && previewEnd && previewEnd > previewStart && (
            <p className="time-preview" data-testid="time-preview">
              {formatSpan(previewStart, previewEnd, lang)}
            </p>
          )}
          <p className="hint">{t('meetings:meetingForm.timeHint')}</p>
        </fieldset>

        <div className="form-grid">
          <TextField
            label={t('meetings:meeting.place')}
            name="place"
            value={place}
            onChange={(e) => setPlace(e.target.value)}
            error={fields.place}
            hint={t('meetings:meetingForm.placeHint')}
            maxLength={500}
          />
          <EndpointPicker
            label={t('meetings:meeting.hostEndpoint')}
            name="hostEndpointId"
            value={hostEndpoint}
            onChange={setHostEndpoint}
            allowClear
            optional
            error={fields.hostEndpointId}
          />
          <SelectField
            label={t('meetings:meeting.confidentiality')}
            name="confidentiality"
            value={confidentiality}
            onChange={(e) => setConfidentiality(e.target.value as Confidentiality)}
            error={fields.confidentiality}
          >
            {CONFIDENTIALITIES.map((c) => (
              <option key={c} value={c}>
                {t(`meetings:conf.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('meetings:meeting.quorum')} name="quorum" value={quorum} onChange={(e) => setQuorum(e.target.value)} error={fields.quorum}>
            <option value="HALF">{t('meetings:quorum.HALF')}</option>
            <option value="TWO_THIRDS">{t('meetings:quorum.TWO_THIRDS')}</option>
            {quorum === 'OTHER' && meeting?.quorum && <option value="OTHER">{quorumShort(meeting.quorum)}</option>}
          </SelectField>
        </div>
        <div className={`field${fields.notes ? ' has-error' : ''}`}>
          <label htmlFor="meeting-notes">
            {t('meetings:meeting.notes')} <span className="optional">({t('common.optional')})</span>
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
          <button type="submit" className="btn btn-primary btn-large" data-testid="meeting-save" disabled={busy}>
            {busy ? t('common.saving') : meeting ? t('common.save') : t('meetings:meetingForm.create')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A picker's current choice from an id and a name the server may have left out. */
function ref(id: Id | undefined, name: string | undefined): PickRef | null {
  return id != null ? { id, name: name ?? String(id) } : null;
}

/** The quorum rule's fields (numerator, denominator) are one select in the form. */
function quorumFieldErrors(errors: Record<string, string>): Record<string, string> {
  if (!errors.numerator && !errors.denominator) return errors;
  return { ...errors, quorum: errors.quorum ?? errors.numerator ?? errors.denominator };
}
