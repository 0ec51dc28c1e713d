import { Link } from 'react-router';
import { formatSpan } from '../format';
import { useI18n } from '../lib/i18n';
import type { MeetingSummary } from '../api/types';
import { MeetingStatusBadge, ParticipantRoleBadge, ResponseBadge, capsOf, meetingUrl } from './shared';

/** One meeting in a list: a large card that opens the meeting page. */
export function MeetingRow({ meeting: m }: { meeting: MeetingSummary }) {
  const { t, lang } = useI18n();
  const place = m.place || m.hostEndpointName;
  return (
    <li>
      <Link
        to={meetingUrl(m.id)}
        className={`meeting-row status-${m.status?.toLowerCase() ?? 'unknown'}`}
        data-testid="meeting-row"
        data-meeting-id={String(m.id)}
        data-status={m.status}
      >
        <span className="meeting-row-main">
          <span className="meeting-title" data-testid="meeting-title">
            {m.title}
          </span>
          <span className="meeting-time" data-testid="meeting-time">
            {m.startsAt && formatSpan(m.startsAt, m.endsAt, lang)}
          </span>
          <span className="meeting-meta">
            {place && (
              <span data-testid="meeting-place">
                <span className="visually-hidden">{t('meetings:meeting.place')}: </span>
                {place}
              </span>
            )}
            {m.hostUnitName && <span className="muted"> · {m.hostUnitName}</span>}
            {m.chairName && (
              <span className="muted">
                {' '}
                · {t('meetings:prole.CHAIR')}: {m.chairName}
              </span>
            )}
          </span>
        </span>
        <span className="meeting-row-side badge-list">
          <MeetingStatusBadge status={m.status} />
          {m.myRole && <ParticipantRoleBadge role={m.myRole} />}
          {/* an answer still expected (or a doubtful one) is worth seeing in the list */}
          {m.myResponse && m.myResponse !== 'ACCEPTED' && capsOf(m).canReply && <ResponseBadge response={m.myResponse} />}
          {m.confidentiality && m.confidentiality !== 'NORMAL' && (
            <span className="badge badge-warn">{t(`meetings:conf.${m.confidentiality}`)}</span>
          )}
        </span>
      </Link>
    </li>
  );
}

export function MeetingList({ items, testId, empty }: { items: MeetingSummary[]; testId?: string; empty?: string }) {
  if (items.length === 0 && empty) {
    return (
      <p className="empty" data-testid="empty">
        {empty}
      </p>
    );
  }
  return (
    <ul className="meeting-list" data-testid={testId}>
      {items.map((m) => (
        <MeetingRow key={String(m.id)} meeting={m} />
      ))}
    </ul>
  );
}
