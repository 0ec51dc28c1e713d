import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { MeetingSummary } from '../api/types';
import { FormError } from '../components/Field';
import { Segmented } from '../components/Segmented';
import { useTitle } from '../components/useTitle';
import {
  addDays,
  addMonths,
  daysBetween,
  formatDay,
  formatDayLong,
  formatMonth,
  startOfMonth,
  startOfWeek,
  todayVN,
  vnDate,
  vnTime,
  weekdayName,
} from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { meetingsQuery } from './api/getMeetings';
import { MeetingStatusBadge, MeetingsNav, meetingUrl, useIsOrganizer } from './shared';

type View = 'month' | 'week';
const MAX_IN_CELL = 3;

/** The days a meeting covers (Vietnam dates), from its start day to its end day. */
function meetingDays(m: MeetingSummary): string[] {
  if (!m.startsAt) return [];
  const first = vnDate(m.startsAt);
  // a meeting ending exactly at midnight does not cover the next day
  const last = m.endsAt ? vnDate(new Date(new Date(m.endsAt).getTime() - 1)) : first;
  const n = Math.max(0, Math.min(31, daysBetween(first, last)));
  return Array.from({ length: n + 1 }, (_, i) => addDays(first, i));
}

/** /meetings/calendar: month and week views of my meetings (or all, for secretaries). */
export function CalendarPage() {
  const { t, lang } = useI18n();
  const organizer = useIsOrganizer();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'week' ? 'week' : 'month';
  const today = todayVN();
  const anchor = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? (params.get('date') as string) : today;
  const scope = organizer && params.get('scope') === 'all' ? 'all' : 'mine';
  useTitle(t('meetings:meetings.calendar'));

  let from: string;
  let to: string;
  if (view === 'month') {
    const first = startOfMonth(anchor);
    const lastOfMonth = addDays(addMonths(first, 1), -1);
    from = startOfWeek(first);
    const weeks = Math.ceil((daysBetween(from, lastOfMonth) + 1) / 7);
    to = addDays(from, weeks * 7 - 1);
  } else {
    from = startOfWeek(anchor);
    to = addDays(from, 6);
  }

  function set(changes: Record<string, string | null>) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  }

  const step = (dir: number) =>
    set({ date: view === 'month' ? addMonths(startOfMonth(anchor), dir) : addDays(anchor, dir * 7) });

  const { data, error, isFetching: loading } = useQuery(meetingsQuery({ scope, from, to, size: 500 }));

  const byDay = new Map<string, MeetingSummary[]>();
  for (const m of data?.items ?? []) {
    for (const d of meetingDays(m)) {
      if (d < from || d > to) continue;
      const list = byDay.get(d) ?? [];
      list.push(m);
      byDay.set(d, list);
    }
  }

  const days = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
  const title = view === 'month' ? formatMonth(anchor, lang) : `${formatDay(from)} – ${formatDay(to)}`;

  return (
    <div className="page calendar-page">
      <header className="page-head">
        <h1>{t('meetings:meetings.calendar')}</h1>
        <MeetingsNav />
      </header>

      <div className="cal-toolbar">
        <div className="btn-row">
          <button type="button" className="btn" data-testid="cal-prev" onClick={() => step(-1)} aria-label={view === 'month' ? t('meetings:cal.prevMonth') : t('meetings:cal.prevWeek')}>
            <span aria-hidden="true">‹</span>
          </button>
          <button type="button" className="btn" data-testid="cal-today" onClick={() => set({ date: null })}>
            {t('meetings:cal.today')}
          </button>
          <button type="button" className="btn" data-testid="cal-next" onClick={() => step(1)} aria-label={view === 'month' ? t('meetings:cal.nextMonth') : t('meetings:cal.nextWeek')}>
            <span aria-hidden="true">›</span>
          </button>
        </div>
        <h2 className="cal-title" data-testid="cal-title" aria-live="polite">
          {title}
        </h2>
        <div className="btn-row wrap">
          <Segmented
            label={t('meetings:cal.view')}
            value={view}
            onChange={(v) => set({ view: v === 'month' ? null : v })}
            options={[
              { value: 'month', label: t('meetings:cal.month'), testId: 'cal-view-month' },
              { value: 'week', label: t('meetings:cal.week'), testId: 'cal-view-week' },
            ]}
          />
          {organizer && (
            <Segmented
              label={t('meetings:meetings.scope')}
              value={scope}
              onChange={(v) => set({ scope: v === 'mine' ? null : v })}
              options={[
                { value: 'mine', label: t('meetings:meetings.mineShort'), testId: 'cal-scope-mine' },
                { value: 'all', label: t('meetings:meetings.allTitle'), testId: 'cal-scope-all' },
              ]}
            />
          )}
        </div>
      </div>

      <FormError message={error ? errorText(error, t) : null} />

      {view === 'month' ? (
        <div className="cal-month" data-testid="cal-month" aria-busy={loading}>
          {days.slice(0, 7).map((d) => (
            <div key={`h${d}`} className="cal-head" aria-hidden="true">
              {weekdayName(d, lang, true)}
            </div>
          ))}
          {days.map((d) => {
            const list = byDay.get(d) ?? [];
            const outside = d.slice(0, 7) !== anchor.slice(0, 7);
            return (
              <div
                key={d}
                className={`cal-day${outside ? ' is-outside' : ''}${d === today ? ' is-today' : ''}`}
                data-testid="cal-day"
                data-date={d}
                aria-label={formatDayLong(d, lang)}
                role="group"
              >
                <span className="cal-daynum">{Number(d.slice(8))}</span>
                {list.slice(0, MAX_IN_CELL).map((m) => (
                  <CalMeeting key={String(m.id)} meeting={m} compact />
                ))}
                {list.length > MAX_IN_CELL && (
                  <button type="button" className="cal-more" onClick={() => set({ view: 'week', date: d })}>
                    {t('meetings:cal.more', { count: list.length - MAX_IN_CELL })}
                  </button>
                )}
              </div>
            );
          })}
        </div>
      ) : (
        <div className="cal-week" data-testid="cal-week" aria-busy={loading}>
          {days.map((d) => {
            const list = byDay.get(d) ?? [];
            return (
              <section key={d} className={`cal-wday${d === today ? ' is-today' : ''}`} data-testid="cal-day" data-date={d}>
                <h3 className="cal-wday-head">
                  {weekdayName(d, lang)} <span className="muted">{formatDay(d).slice(0, 5)}</span>
                </h3>
                {list.length === 0 && <p className="muted small">{t('meetings:cal.free')}</p>}
                {list.map((m) => (
                  <CalMeeting key={String(m.id)} meeting={m} />
                ))}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}

function CalMeeting({ meeting: m, compact }: { meeting: MeetingSummary; compact?: boolean }) {
  const place = m.place || m.hostEndpointName;
  return (
    <Link
      to={meetingUrl(m.id)}
      className={`cal-meeting status-${m.status?.toLowerCase() ?? 'unknown'}`}
      data-testid="cal-meeting"
      data-meeting-id={String(m.id)}
      title={`${vnTime(m.startsAt)}–${vnTime(m.endsAt)} ${m.title ?? ''}`}
    >
      <span className="cal-time">
        {vnTime(m.startsAt)}
        {!compact && `–${vnTime(m.endsAt)}`}
      </span>{' '}
      <span className="cal-mtitle">{m.title}</span>
      {!compact && (
        <span className="cal-mmeta">
          {place && <span>{place}</span>} <MeetingStatusBadge status={m.status} />
        </span>
      )}
    </Link>
  );
}
