import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect } from 'react';
import { isNetworkError } from '../api/problem';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { Clash, Id, MeetingDetail } from '../api/types';
import { FormError } from '../components/Field';
import { useTitle } from '../components/useTitle';
import { formatSpan } from '../format';
import { errorText } from '../lib/errors';
import { type MsgKey, useI18n } from '../lib/i18n';
import { queryKeys } from '../lib/queryKeys';
import { routeId } from '../lib/routeId';
import { NotFound } from '../layout/Forbidden';
import { ConsoleTab } from '../live/ConsoleTab';
import { useMeetingLive } from '../live/hooks';
import { LiveIndicator } from '../live/LiveBits';
import { AgendaTab } from './AgendaTab';
import { meetingQuery } from './api/getMeeting';
import { AttendanceTab } from './AttendanceTab';
import { InfoTab } from './InfoTab';
import { ParticipantsTab } from './ParticipantsTab';
import { MeetingStatusBadge, ParticipantRoleBadge, capsOf } from './shared';
import { usePolls } from '../votes/usePolls';
import { LiveVotes, VotesTab } from '../votes/VotesTab';
import { RoomsGrid } from '../video/RoomsGrid';
import { MinutesTab } from '../minutes/MinutesTab';
import { ConclusionsTab } from '../tasks/ConclusionsTab';

// The documents (list, upload, offline pack: IndexedDB) are a chunk of their own.
const DocumentsTab = lazy(() => import('../documents/DocumentsTab').then((m) => ({ default: m.DocumentsTab })));
const OfflineMeeting = lazy(() => import('../documents/OfflineMeeting').then((m) => ({ default: m.OfflineMeeting })));

/** The longest wait for {@link useReloadWhenWindowOpens} (setTimeout cannot wait weeks). */
const MAX_WAIT_MS = 24 * 3600_000;

/**
 * Check-in and the start open at `checkInOpensAt` (shortly before the start): ask for the meeting
 * again at that moment, so its capabilities (and the buttons) change without a reload. A couple of
 * seconds late, for clocks that differ a little.
 */
function useReloadWhenWindowOpens(meetingId: Id, opensAt: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!opensAt) return;
    const wait = Date.parse(opensAt) - Date.now();
    if (!(wait > 0) || wait > MAX_WAIT_MS) return;
    const timer = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: queryKeys.meetings.detail(meetingId), exact: true }),
      wait + 2_000,
    );
    return () => clearTimeout(timer);
  }, [queryClient, meetingId, opensAt]);
}

type Tab = 'console' | 'info' | 'votes' | 'agenda' | 'documents' | 'participants' | 'attendance' | 'rooms' | 'tasks' | 'minutes';

const TABS: { id: Tab; label: MsgKey }[] = [
  { id: 'console', label: 'live:console.tab' },
  { id: 'info', label: 'meetings:meeting.tabInfo' },
  { id: 'votes', label: 'votes:tab' },
  { id: 'agenda', label: 'meetings:meeting.tabAgenda' },
  { id: 'documents', label: 'meetings:meeting.tabDocuments' },
  { id: 'participants', label: 'meetings:meeting.tabParticipants' },
  { id: 'attendance', label: 'meetings:meeting.tabAttendance' },
  { id: 'rooms', label: 'live:rooms.tab' },
  { id: 'tasks', label: 'minutes:tasksTab' },
  { id: 'minutes', label: 'minutes:tab' },
];

/** Once the session has started: conclusions and tasks (from the session on), minutes (after it). */
const SESSION_ON = new Set(['IN_PROGRESS', 'ENDED', 'MINUTES_PUBLISHED', 'ARCHIVED']);
const MINUTES_ON = new Set(['ENDED', 'MINUTES_PUBLISHED', 'ARCHIVED']);

export interface MeetingTabProps {
  /** the meeting (its cached answer; writes refresh it through the query cache) */
  meeting: MeetingDetail;
  /** the meeting's id from the address (always known, unlike the answer's optional fields) */
  meetingId: Id;
}

/**
 * /meetings/:id: header and the tabs (tab kept in ?tab=). The page follows the meeting's live
 * channel whatever its state, so every tab (and the meeting's own capabilities) keeps up with what
 * others do without polling.
 */
export function MeetingPage() {
  const id = routeId(useParams().id);
  if (id === null) return <NotFound />;
  return <MeetingView meetingId={id} />;
}

function MeetingView({ meetingId }: { meetingId: Id }) {
  const { t, lang } = useI18n();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const { data: meeting, error, failureReason, fetchStatus } = useQuery(meetingQuery(meetingId));
  // without network the documents stored for reading offline are still there
  const unreachable = !meeting && (isNetworkError(error) || isNetworkError(failureReason) || fetchStatus === 'paused');
  const { status: liveStatus } = useMeetingLive(meetingId, !unreachable);
  useTitle(meeting?.title ?? t('meetings:meetings.title'));
  const caps = capsOf(meeting);
  useReloadWhenWindowOpens(meetingId, caps.checkInOpensAt);
  // the polls follow the channel; the tab is there once there is one, or for those who create them
  const polls = usePolls(meetingId, !!meeting && !unreachable);
  const showVotes = !!caps.canManagePolls || (polls.data?.length ?? 0) > 0;

  const justSaved = (location.state as { warnings?: Clash[] } | null)?.warnings;

  if (unreachable) {
    return (
      <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
        <OfflineMeeting meetingId={meetingId} />
      </Suspense>
    );
  }
  if (error && !meeting) {
    return (
      <div className="page">
        <FormError message={errorText(error, t)} />
        <Link to="/meetings" className="btn">
          {t('meetings:meeting.backToList')}
        </Link>
      </div>
    );
  }
  if (!meeting) return <p className="muted">{t('app.loading')}</p>;

  // the quorum and the roll are for those who run the meeting; rooms report their own head count
  const showAttendance = !!(caps.canViewQuorum || caps.canMarkAttendance || caps.canReportHeadCount);
  // the chair's console while the session may be run (or started from there)
  const showConsole = !!(caps.canRunSession || caps.canStart);
  // conclusions: those who run the meeting and those who read its documents (the server's rule)
  const showTasks = SESSION_ON.has(meeting.status ?? '') && !!(caps.canRun || caps.canReadDocuments);
  // minutes: the draft for those who run the meeting, the published ones for everyone taking part
  // (the tab's own answer says the rest, `can` flags included)
  const showMinutes = MINUTES_ON.has(meeting.status ?? '') && (meeting.status !== 'ENDED' || !!caps.canRun);
  const tabs = TABS.filter(
    (x) =>
      (x.id !== 'attendance' || showAttendance) &&
      (x.id !== 'console' || showConsole) &&
      (x.id !== 'documents' || !!caps.canReadDocuments) &&
      (x.id !== 'votes' || showVotes) &&
      (x.id !== 'rooms' || !!caps.canViewRoomStatus) &&
      (x.id !== 'tasks' || showTasks) &&
      (x.id !== 'minutes' || showMinutes),
  );
  const requested = params.get('tab') as Tab | null;
  // a running session opens on the console for those who run it
  const fallback: Tab = showConsole && meeting.status === 'IN_PROGRESS' ? 'console' : 'info';
  const tab: Tab = tabs.some((x) => x.id === requested) ? (requested as Tab) : fallback;
  const place = meeting.place || meeting.hostEndpointName;

  return (
    <div className="page meeting-page" data-testid="meeting-page" data-meeting-id={String(meetingId)} data-status={meeting.status}>
      <header className="meeting-head">
        <p className="crumbs">
          <Link to="/meetings">{t('meetings:meetings.title')}</Link>
        </p>
        <h1 data-testid="meeting-heading">{meeting.title}</h1>
        <p className="meeting-head-meta">
          <MeetingStatusBadge status={meeting.status} /> {meeting.myRole && <ParticipantRoleBadge role={meeting.myRole} />}{' '}
          <span className="meeting-time" data-testid="meeting-time">
            {meeting.startsAt && formatSpan(meeting.startsAt, meeting.endsAt, lang)}
          </span>
          {place && <span className="muted"> · {place}</span>}
          <LiveIndicator status={liveStatus} className="meeting-live" />
        </p>
      </header>

      <div className="tabs" role="tablist" aria-label={t('meetings:meeting.tabs')}>
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`tab-${x.id}`}
            aria-controls={`panel-${x.id}`}
            aria-selected={tab === x.id}
            className={`tab${tab === x.id ? ' is-on' : ''}`}
            data-testid={`tab-${x.id}`}
            onClick={() =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  if (x.id === fallback) next.delete('tab');
                  else next.set('tab', x.id);
                  return next;
                },
                { replace: true },
              )
            }
          >
            {t(x.label)}
            {x.id === 'agenda' && caps.canEditAgenda && meeting.agendaDirty && (
              <span className="dot" aria-label={t('meetings:agenda.dirty')} />
            )}
          </button>
        ))}
      </div>

      {tab !== 'votes' && <LiveVotes meeting={meeting} meetingId={meetingId} withResult={tab !== 'console'} />}

      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        <FormError message={error ? errorText(error, t) : null} />
        {tab === 'console' && <ConsoleTab meeting={meeting} meetingId={meetingId} />}
        {tab === 'votes' && <VotesTab meeting={meeting} meetingId={meetingId} />}
        {tab === 'info' && <InfoTab meeting={meeting} meetingId={meetingId} savedWarnings={justSaved} />}
        {tab === 'agenda' && <AgendaTab meeting={meeting} meetingId={meetingId} />}
        {tab === 'documents' && (
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            <DocumentsTab meeting={meeting} meetingId={meetingId} />
          </Suspense>
        )}
        {tab === 'participants' && <ParticipantsTab meeting={meeting} meetingId={meetingId} />}
        {tab === 'attendance' && <AttendanceTab meeting={meeting} meetingId={meetingId} />}
        {tab === 'rooms' && <RoomsGrid meetingId={meetingId} canCommand={!!caps.canCommandVideo} />}
        {tab === 'tasks' && <ConclusionsTab meeting={meeting} meetingId={meetingId} />}
        {tab === 'minutes' && <MinutesTab meeting={meeting} meetingId={meetingId} />}
      </div>
    </div>
  );
}

