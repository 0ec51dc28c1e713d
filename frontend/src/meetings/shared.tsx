import { NavLink } from 'react-router';
import { api, type Query } from '../api';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n';
import type {
  Attendance,
  DeliveryState,
  Id,
  InvitationResponse,
  MeetingStatus,
  MeetingSummary,
  Page,
  ParticipantRole,
} from '../types';

export function meetingUrl(id: Id, tab?: string): string {
  const base = `/meetings/${encodeURIComponent(String(id))}`;
  return tab ? `${base}?tab=${tab}` : base;
}

export function meetingApi(id: Id, rest = ''): string {
  return `/api/meetings/${encodeURIComponent(String(id))}${rest}`;
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

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${STATUS_CLASS[status] ?? 'badge-muted'}`} data-testid="meeting-status" data-status={status}>
      {t(`mstatus.${status}`)}
    </span>
  );
}

export function ParticipantRoleBadge({ role }: { role: ParticipantRole }) {
  const { t } = useI18n();
  return (
    <span className="badge badge-role" data-testid="my-role" data-role={role}>
      {t(`prole.${role}`)}
    </span>
  );
}

const RESPONSE_CLASS: Record<InvitationResponse, string> = {
  PENDING: 'badge-muted',
  ACCEPTED: 'badge-ok',
  TENTATIVE: 'badge-warn',
  DECLINED: 'badge-danger',
};

export function ResponseBadge({ response }: { response: InvitationResponse }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${RESPONSE_CLASS[response] ?? 'badge-muted'}`} data-response={response}>
      {t(`response.${response}`)}
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

export function AttendanceBadge({ attendance }: { attendance: Attendance }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${ATTENDANCE_CLASS[attendance] ?? 'badge-muted'}`} data-attendance={attendance}>
      {t(`attendance.${attendance}`)}
    </span>
  );
}

const DELIVERY_CLASS: Record<string, string> = {
  SENT: 'badge-ok',
  PENDING: 'badge-info',
  FAILED: 'badge-danger',
  NONE: 'badge-muted',
};

export function DeliveryBadge({ channel, state }: { channel: 'EMAIL' | 'SMS'; state: DeliveryState }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${DELIVERY_CLASS[state] ?? 'badge-muted'}`} data-channel={channel} data-delivery={state}>
      {t(channel === 'EMAIL' ? 'delivery.email' : 'delivery.sms')}: {t(`delivery.${state}`)}
    </span>
  );
}

/** Links between the meeting pages (list, calendar, new). */
export function MeetingsNav() {
  const { t } = useI18n();
  const organizer = useIsOrganizer();
  return (
    <nav className="subnav" aria-label={t('meetings.nav')}>
      <NavLink to="/meetings" end className="btn btn-tab" data-testid="nav-meetings-list">
        {t('meetings.list')}
      </NavLink>
      <NavLink to="/meetings/calendar" className="btn btn-tab" data-testid="nav-meetings-calendar">
        {t('meetings.calendar')}
      </NavLink>
      {organizer && (
        <NavLink to="/meetings/new" className="btn btn-primary" data-testid="meeting-new">
          + {t('meetings.new')}
        </NavLink>
      )}
    </nav>
  );
}

/**
 * One page of meetings, newest first. The API sorts by start ascending, so the page is cut out of
 * the end of the list (at most two server pages) and reversed.
 */
export async function fetchNewestFirst(
  query: Query,
  page: number,
  size: number,
  signal: AbortSignal,
): Promise<Page<MeetingSummary>> {
  const head = await api.get<Page<MeetingSummary>>('/api/meetings', { ...query, page: 0, size: 1 }, signal);
  const total = head.total;
  const end = total - page * size; // exclusive, ascending index
  const start = Math.max(0, end - size);
  if (end <= 0) return { items: [], total, page, size };
  const first = Math.floor(start / size);
  const last = Math.floor((end - 1) / size);
  const items: MeetingSummary[] = [];
  for (let p = first; p <= last; p++) {
    const part = await api.get<Page<MeetingSummary>>('/api/meetings', { ...query, page: p, size }, signal);
    const offset = p * size;
    part.items.forEach((m, i) => {
      const idx = offset + i;
      if (idx >= start && idx < end) items.push(m);
    });
  }
  return { items: items.reverse(), total, page, size };
}
