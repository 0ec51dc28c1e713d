import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { endpointsQuery } from '../admin/endpoints/api/getEndpoints';
import type { Id, MeetingSummary } from '../api/types';
import { ActiveBadge, StatusBadge } from '../components/Badges';
import { FormError } from '../components/Field';
import { formatDateTime, formatSpan, vnDate } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { useMeetingLive } from '../live/hooks';
import { meetingsQuery } from '../meetings/api/getMeetings';
import { meetingUrl } from '../meetings/shared';

/**
 * A room PC waiting on its home page: newly added meetings come with the personal channel's
 * notifications; this slow refetch is only a safety net. Starting a meeting arrives live.
 */
const MEETINGS_REFETCH_MS = 120_000;
/** Today's upcoming meetings whose start the page listens for. */
const WATCHED = 3;

/** The room display of a meeting. */
export const displayUrl = (id: Id | undefined) => `/display/${encodeURIComponent(String(id ?? ''))}`;

/**
 * For a meeting-room device account: its own endpoint (the server returns only that one) and its
 * meetings of today. A meeting in progress offers the room's big screen; when exactly one is in
 * progress the page goes there by itself (unless the operator came back from it on purpose).
 */
export function EndpointHome() {
  const { t } = useI18n();
  const { data, error, isPending: loading } = useQuery(endpointsQuery({ size: 1 }));
  const ep = data?.items?.[0];
  return (
    <>
      <RoomMeetings />
      <section className="home-section" aria-labelledby="own-endpoint-title">
        <h2 id="own-endpoint-title">{t('home.myEndpoint')}</h2>
        {loading && !data && <p className="muted">{t('app.loading')}</p>}
        <FormError message={error ? errorText(error, t) : null} />
        {data && !ep && <p data-testid="endpoint-card-empty">{t('home.noEndpoint')}</p>}
        {ep && (
          <article className="card endpoint-card" data-testid="endpoint-card">
            <span className="card-title">{ep.name}</span>
            <dl className="props">
              <dt>{t('admin:endpoints.code')}</dt>
              <dd>
                <code>{ep.code}</code>
              </dd>
              <dt>{t('admin:endpoints.unit')}</dt>
              <dd>{ep.unitName}</dd>
              {ep.room && (
                <>
                  <dt>{t('admin:endpoints.room')}</dt>
                  <dd>{ep.room}</dd>
                </>
              )}
              <dt>{t('common.status')}</dt>
              <dd>
                <StatusBadge status={ep.status} /> <ActiveBadge active={ep.active} />
              </dd>
              {ep.lastSeenAt && (
                <>
                  <dt>{t('admin:endpoints.lastSeen')}</dt>
                  <dd>{formatDateTime(ep.lastSeenAt)}</dd>
                </>
              )}
            </dl>
          </article>
        )}
      </section>
    </>
  );
}

/** The room's meetings of today: in progress (with the big screen) and still to come. */
function RoomMeetings() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const today = vnDate(new Date());
  const { data } = useQuery({ ...meetingsQuery({ scope: 'mine', from: today, to: today, size: 20 }), refetchInterval: MEETINGS_REFETCH_MS });
  const meetings = data?.items ?? [];
  const running = meetings.filter((m) => m.status === 'IN_PROGRESS');
  const upcoming = meetings.filter((m) => m.status === 'SCHEDULED');
  // the operator came back from the screen on purpose: stay here
  const stay = !!(location.state as { stay?: boolean } | null)?.stay;
  const only = running.length === 1 ? running[0].id : undefined;

  useEffect(() => {
    if (only != null && !stay) navigate(displayUrl(only), { replace: true });
  }, [only, stay, navigate]);

  if (!data || meetings.length === 0) return null;
  return (
    <section className="home-section" aria-labelledby="room-meetings-title" data-testid="room-meetings">
      <h2 id="room-meetings-title">{t('live:room.title')}</h2>
      <ul className="room-meetings">
        {[...running, ...upcoming].map((m) => (
          <RoomMeeting key={String(m.id)} m={m} lang={lang} />
        ))}
      </ul>
      {upcoming.slice(0, WATCHED).map((m) => (
        <StartWatcher key={String(m.id)} meetingId={m.id} />
      ))}
    </section>
  );
}

function RoomMeeting({ m, lang }: { m: MeetingSummary; lang: 'vi' | 'en' }) {
  const { t } = useI18n();
  const live = m.status === 'IN_PROGRESS';
  return (
    <li className={`card room-meeting${live ? ' is-live' : ''}`} data-testid="room-meeting" data-meeting-id={String(m.id)} data-status={m.status}>
      <span className="card-title">{m.title}</span>
      <span className="card-text">
        {m.startsAt && formatSpan(m.startsAt, m.endsAt, lang)}
        {m.place && ` · ${m.place}`}
      </span>
      <span className="btn-row wrap">
        {live ? (
          <Link to={displayUrl(m.id)} className="btn btn-primary btn-large" data-testid="open-display">
            {t('live:room.openDisplay')}
          </Link>
        ) : (
          <span className="badge badge-info">{t('live:room.notStarted')}</span>
        )}
        <Link to={meetingUrl(m.id)} className="btn btn-large">
          {t('live:room.openMeeting')}
        </Link>
      </span>
    </li>
  );
}

/** Listens to a scheduled meeting: its start (meeting.changed) refreshes the list above. */
function StartWatcher({ meetingId }: { meetingId: Id | undefined }) {
  useMeetingLive(meetingId ?? 0, meetingId != null);
  return null;
}
