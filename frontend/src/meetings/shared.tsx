import { NavLink } from 'react-router';
import {
  DELIVERY_STATES,
  oneOf,
  type Attendance,
  type Capabilities,
  type DeliveryState,
  type Id,
  type InvitationResponse,
  type MeetingStatus,
  type ParticipantRole,
} from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../lib/i18n';

/** The app's page of a meeting (a link; the meeting page shows an error for a missing id). */
export function meetingUrl(id: Id | undefined, tab?: string): string {
  const base = `/meetings/${encodeURIComponent(String(id ?? ''))}`;
  return tab ? `${base}?tab=${tab}` : base;
}

const NONE: Capabilities = {};

/**
 * What the signed-in person may do with a meeting (every flag false when the answer had none).
 * The server decides from the meeting's state, the person's part in it and the time; the pages
 * show a button, a form or a tab only when its flag allows it and never re-derive the rules.
 */
export function capsOf(m: { capabilities?: Capabilities } | null | undefined): Capabilities {
  return m?.capabilities ?? NONE;
}

/** Roles that create meetings and see every meeting (scope=all). */
export function useIsOrganizer(): boolean {
  const { hasRole } = useAuth();
  return hasRole('SECRETARY', 'ADMIN');
}

const STATUS_CLASS: Record<MeetingStatus, string> = {
  DRAFT: 'badge-muted',
  SCHEDULED: 'badge-info',
  IN_PROGRESS: 'badge-live',
  ENDED: 'badge-role',
  MINUTES_PUBLISHED: 'badge-ok',
  ARCHIVED: 'badge-muted',
  CANCELLED: 'badge-danger',
};

export function MeetingStatusBadge({ status }: { status: MeetingStatus | undefined }) {
  const { t } = useI18n();
  if (!status) return null;
  return (
    <span className={`badge ${STATUS_CLASS[status] ?? 'badge-muted'}`} data-testid="meeting-status" data-status={status}>
      {t(`meetings:mstatus.${status}`)}
    </span>
  );
}

export function ParticipantRoleBadge({ role }: { role: ParticipantRole }) {
  const { t } = useI18n();
  return (
    <span className="badge badge-role" data-testid="my-role" data-role={role}>
      {t(`meetings:prole.${role}`)}
    </span>
  );
}

const RESPONSE_CLASS: Record<InvitationResponse, string> = {
  PENDING: 'badge-muted',
  ACCEPTED: 'badge-ok',
  TENTATIVE: 'badge-warn',
  DECLINED: 'badge-danger',
};

export function ResponseBadge({ response }: { response: InvitationResponse | undefined }) {
  const { t } = useI18n();
  if (!response) return null;
  return (
    <span className={`badge ${RESPONSE_CLASS[response] ?? 'badge-muted'}`} data-response={response}>
      {t(`meetings:response.${response}`)}
    </span>
  );
}

const ATTENDANCE_CLASS: Record<Attendance, string> = {
  UNKNOWN: 'badge-muted',
  PRESENT_IN_ROOM: 'badge-ok',
  PRESENT_ONLINE: 'badge-info',
  EXCUSED: 'badge-warn',
  ABSENT: 'badge-danger',
};

export function AttendanceBadge({ attendance }: { attendance: Attendance | undefined }) {
  const { t } = useI18n();
  if (!attendance) return null;
  return (
    <span className={`badge ${ATTENDANCE_CLASS[attendance] ?? 'badge-muted'}`} data-attendance={attendance}>
      {t(`meetings:attendance.${attendance}`)}
    </span>
  );
}

const DELIVERY_CLASS: Record<DeliveryState, string> = {
  SENT: 'badge-ok',
  PENDING: 'badge-info',
  FAILED: 'badge-danger',
  NONE: 'badge-muted',
};

/** A delivery state: a participant's `email` / `sms` (a plain string in the document) or a delivery's status. */
export function DeliveryBadge({ channel, state }: { channel: 'EMAIL' | 'SMS' | undefined; state: string | undefined }) {
  const { t } = useI18n();
  const known = oneOf(DELIVERY_STATES, state);
  return (
    <span className={`badge ${(known && DELIVERY_CLASS[known]) ?? 'badge-muted'}`} data-channel={channel} data-delivery={state}>
      {t(channel === 'EMAIL' ? 'meetings:delivery.email' : 'meetings:delivery.sms')}: {known ? t(`meetings:delivery.${known}`) : state}
    </span>
  );
}

/** Links between the meeting pages (list, calendar, new). */
export function MeetingsNav() {
  const { t } = useI18n();
  const organizer = useIsOrganizer();
  return (
    <nav className="subnav" aria-label={t('meetings:meetings.nav')}>
      <NavLink to="/meetings" end className="btn btn-tab" data-testid="nav-meetings-list">
        {t('meetings:meetings.list')}
      </NavLink>
      <NavLink to="/meetings/calendar" className="btn btn-tab" data-testid="nav-meetings-calendar">
        {t('meetings:meetings.calendar')}
      </NavLink>
      {organizer && (
        <NavLink to="/meetings/new" className="btn btn-primary" data-testid="meeting-new">
          + {t('meetings:meetings.new')}
        </NavLink>
      )}
    </nav>
  );
}
