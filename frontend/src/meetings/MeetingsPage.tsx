import { api } from '../api';
import { errorText } from '../components/errors';
import { FormError } from '../components/Field';
import { useAsync } from '../components/hooks';
import { useListParams } from '../components/listParams';
import { Pager } from '../components/Pager';
import { SearchBox } from '../components/SearchBox';
import { UnitFilter } from '../components/UnitFilter';
import { useTitle } from '../components/useTitle';
import { addDays, formatDayLong, todayVN, vnDate } from '../format';
import { useI18n } from '../i18n';
import { MEETING_STATUSES, type MeetingSummary, type Page } from '../types';
import { MeetingList } from './MeetingRow';
import { MeetingsNav, fetchNewestFirst, useIsOrganizer } from './shared';

const PAST_SIZE = 20;

/** /meetings: "Cuộc họp của tôi" (today, upcoming, past) and, for secretaries, "Tất cả". */
export function MeetingsPage() {
  const { t } = useI18n();
  const organizer = useIsOrganizer();
  const params = useListParams();
  const scope = organizer && params.get('scope') === 'all' ? 'all' : 'mine';
  useTitle(scope === 'all' ? t('meetings.allTitle') : t('meetings.mineTitle'));

  return (
    <div className="page meetings-page">
      <header className="page-head">
        <h1>{t('meetings.title')}</h1>
        <MeetingsNav />
      </header>
      {organizer && (
        <div className="tabs" role="tablist" aria-label={t('meetings.scope')}>
          <button
            type="button"
            role="tab"
            className={`tab${scope === 'mine' ? ' is-on' : ''}`}
            aria-selected={scope === 'mine'}
            data-testid="scope-mine"
            onClick={() => params.update({ scope: null, status: null, unitId: null, q: null, when: null })}
          >
            {t('meetings.mineTitle')}
          </button>
          <button
            type="button"
            role="tab"
            className={`tab${scope === 'all' ? ' is-on' : ''}`}
            aria-selected={scope === 'all'}
            data-testid="scope-all"
            onClick={() => params.update({ scope: 'all' })}
          >
            {t('meetings.allTitle')}
          </button>
        </div>
      )}
      {scope === 'mine' ? <MyMeetings /> : <AllMeetings />}
    </div>
  );
}

function MyMeetings() {
  const { t, lang } = useI18n();
  const { page, update } = useListParams();
  const today = todayVN();
  const upcoming = useAsync<Page<MeetingSummary>>(`mine|${today}`, (signal) =>
    api.get<Page<MeetingSummary>>('/api/meetings', { scope: 'mine', from: today, size: 500 }, signal),
  );
  const past = useAsync<Page<MeetingSummary>>(`mine-past|${today}|${page}`, (signal) =>
    fetchNewestFirst({ scope: 'mine', to: addDays(today, -1) }, page, PAST_SIZE, signal),
  );
  const all = upcoming.data?.items ?? [];
  // the API's `from` keeps meetings that end on or after today, so these started today or earlier
  const todays = all.filter((m) => vnDate(m.startsAt) <= today || m.status === 'IN_PROGRESS');
  const later = all.filter((m) => !todays.includes(m));

  return (
    <>
      <FormError message={upcoming.error ? errorText(upcoming.error, t) : null} />
      <section className="meeting-section" aria-labelledby="today-title" data-testid="meetings-today">
        <h2 id="today-title">
          {t('meetings.today')} <span className="muted small">{formatDayLong(today, lang)}</span>
        </h2>
        {upcoming.loading && !upcoming.data ? (
          <p className="muted">{t('app.loading')}</p>
        ) : (
          <MeetingList items={todays} empty={t('meetings.noneToday')} />
        )}
      </section>
      <section className="meeting-section" aria-labelledby="upcoming-title" data-testid="meetings-upcoming">
        <h2 id="upcoming-title">{t('meetings.upcoming')}</h2>
        {upcoming.data && <MeetingList items={later} empty={t('meetings.noneUpcoming')} />}
      </section>
      <section className="meeting-section" aria-labelledby="past-title" data-testid="meetings-past">
        <h2 id="past-title">{t('meetings.past')}</h2>
        <FormError message={past.error ? errorText(past.error, t) : null} />
        {past.data && <MeetingList items={past.data.items} empty={t('meetings.nonePast')} />}
        {past.data && past.data.total > PAST_SIZE && (
          <Pager page={page} size={PAST_SIZE} total={past.data.total} onPage={(p) => update({ page: p })} />
        )}
      </section>
    </>
  );
}

function AllMeetings() {
  const { t } = useI18n();
  const { page, size, get, update } = useListParams();
  const q = get('q');
  const status = get('status');
  const unitId = get('unitId');
  const when = get('when') || 'upcoming';
  const today = todayVN();
  const base = { scope: 'all', q, status, unitId };
  const key = JSON.stringify({ ...base, when, page, size, today });
  const { data, error, loading } = useAsync<Page<MeetingSummary>>(key, (signal) => {
    if (when === 'past') return fetchNewestFirst({ ...base, to: addDays(today, -1) }, page, size, signal);
    return api.get<Page<MeetingSummary>>(
      '/api/meetings',
      { ...base, from: when === 'upcoming' ? today : undefined, page, size },
      signal,
    );
  });

  return (
    <>
      <div className="toolbar">
        <SearchBox label={t('meetings.search')} value={q} onSearch={(v) => update({ q: v })} />
        <label className="field field-inline">
          <span className="label-text">{t('common.status')}</span>
          <select name="status" data-testid="status-filter" value={status} onChange={(e) => update({ status: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {MEETING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`mstatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <UnitFilter unitId={unitId} onChange={(v) => update({ unitId: v })} />
        <label className="field field-inline">
          <span className="label-text">{t('meetings.when')}</span>
          <select name="when" data-testid="when-filter" value={when} onChange={(e) => update({ when: e.target.value === 'upcoming' ? null : e.target.value })}>
            <option value="upcoming">{t('meetings.whenUpcoming')}</option>
            <option value="past">{t('meetings.whenPast')}</option>
            <option value="any">{t('meetings.whenAny')}</option>
          </select>
        </label>
      </div>
      <FormError message={error ? errorText(error, t) : null} />
      <div aria-busy={loading}>
        {data && <MeetingList items={data.items} testId="meetings-all" empty={t('meetings.noneFound')} />}
        {loading && !data && <p className="muted">{t('app.loading')}</p>}
      </div>
      {data && data.total > 0 && (
        <Pager page={page} size={size} total={data.total} onPage={(p) => update({ page: p })} onSize={(s) => update({ size: s })} />
      )}
    </>
  );
}
