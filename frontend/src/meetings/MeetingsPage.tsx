import { useQuery } from '@tanstack/react-query';
import { MEETING_STATUSES } from '../api/types';
import { FormError } from '../components/Field';
import { FilterSelect } from '../components/FilterSelect';
import { useListParams } from '../components/listParams';
import { Pager } from '../components/Pager';
import { SearchBox } from '../components/SearchBox';
import { UnitFilter } from '../components/UnitFilter';
import { useTitle } from '../components/useTitle';
import { addDays, formatDayLong, todayVN, vnDate } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { meetingsNewestFirstQuery, meetingsQuery } from './api/getMeetings';
import { MeetingList } from './MeetingRow';
import { MeetingsNav, useIsOrganizer } from './shared';

const PAST_SIZE = 20;

/** /meetings: "Cuộc họp của tôi" (today, upcoming, past) and, for secretaries, "Tất cả". */
export function MeetingsPage() {
  const { t } = useI18n();
  const organizer = useIsOrganizer();
  const params = useListParams();
  const scope = organizer && params.get('scope') === 'all' ? 'all' : 'mine';
  useTitle(scope === 'all' ? t('meetings:meetings.allTitle') : t('meetings:meetings.mineTitle'));

  return (
    <div className="page meetings-page">
      <header className="page-head">
        <h1>{t('meetings:meetings.title')}</h1>
        <MeetingsNav />
      </header>
      {organizer && (
        <div className="tabs" role="tablist" aria-label={t('meetings:meetings.scope')}>
          <button
            type="button"
            role="tab"
            className={`tab${scope === 'mine' ? ' is-on' : ''}`}
            aria-selected={scope === 'mine'}
            data-testid="scope-mine"
            onClick={() => params.update({ scope: null, status: null, unitId: null, q: null, when: null })}
          >
            {t('meetings:meetings.mineTitle')}
          </button>
          <button
            type="button"
            role="tab"
            className={`tab${scope === 'all' ? ' is-on' : ''}`}
            aria-selected={scope === 'all'}
            data-testid="scope-all"
            onClick={() => params.update({ scope: 'all' })}
          >
            {t('meetings:meetings.allTitle')}
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
  const upcoming = useQuery(meetingsQuery({ scope: 'mine', from: today, size: 500 }));
  const past = useQuery(meetingsNewestFirstQuery({ scope: 'mine', to: addDays(today, -1), page, size: PAST_SIZE }));
  const all = upcoming.data?.items ?? [];
  // the API's `from` keeps meetings that end on or after today, so these started today or earlier
  const todays = all.filter((m) => (m.startsAt != null && vnDate(m.startsAt) <= today) || m.status === 'IN_PROGRESS');
  const later = all.filter((m) => !todays.includes(m));

  return (
    <>
      <FormError message={upcoming.error ? errorText(upcoming.error, t) : null} />
      <section className="meeting-section" aria-labelledby="today-title" data-testid="meetings-today">
        <h2 id="today-title">
          {t('meetings:meetings.today')} <span className="muted small">{formatDayLong(today, lang)}</span>
        </h2>
        {upcoming.isPending ? (
          <p className="muted">{t('app.loading')}</p>
        ) : (
          <MeetingList items={todays} empty={t('meetings:meetings.noneToday')} />
        )}
      </section>
      <section className="meeting-section" aria-labelledby="upcoming-title" data-testid="meetings-upcoming">
        <h2 id="upcoming-title">{t('meetings:meetings.upcoming')}</h2>
        {upcoming.data && <MeetingList items={later} empty={t('meetings:meetings.noneUpcoming')} />}
      </section>
      <section className="meeting-section" aria-labelledby="past-title" data-testid="meetings-past">
        <h2 id="past-title">{t('meetings:meetings.past')}</h2>
        <FormError message={past.error ? errorText(past.error, t) : null} />
        {past.data && <MeetingList items={past.data.items ?? []} empty={t('meetings:meetings.nonePast')} />}
        {past.data && (past.data.total ?? 0) > PAST_SIZE && (
          <Pager page={page} size={PAST_SIZE} total={past.data.total ?? 0} onPage={(p) => update({ page: p })} />
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
  const base = { scope: 'all', q, status, unitId } as const;
  const past = useQuery({ ...meetingsNewestFirstQuery({ ...base, to: addDays(today, -1), page, size }), enabled: when === 'past' });
  const other = useQuery({
    ...meetingsQuery({ ...base, from: when === 'upcoming' ? today : undefined, page, size }),
    enabled: when !== 'past',
  });
  const { data, error, isFetching: loading } = when === 'past' ? past : other;

  return (
    <>
      <div className="toolbar">
        <SearchBox label={t('meetings:meetings.search')} value={q} onSearch={(v) => update({ q: v })} />
        <FilterSelect
          label={t('common.status')}
          name="status"
          testId="status-filter"
          value={status}
          onChange={(v) => update({ status: v })}
          options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetings:mstatus.${s}`) }))}
        />
        <UnitFilter unitId={unitId} onChange={(v) => update({ unitId: v })} />
        <label className="field field-inline">
          <span className="label-text">{t('meetings:meetings.when')}</span>
          <select name="when" data-testid="when-filter" value={when} onChange={(e) => update({ when: e.target.value === 'upcoming' ? null : e.target.value })}>
            <option value="upcoming">{t('meetings:meetings.whenUpcoming')}</option>
            <option value="past">{t('meetings:meetings.whenPast')}</option>
            <option value="any">{t('meetings:meetings.whenAny')}</option>
          </select>
        </label>
      </div>
      <FormError message={error ? errorText(error, t) : null} />
      <div aria-busy={loading}>
        {data && <MeetingList items={data.items ?? []} testId="meetings-all" empty={t('meetings:meetings.noneFound')} />}
        {loading && !data && <p className="muted">{t('app.loading')}</p>}
      </div>
      {data && (data.total ?? 0) > 0 && (
        <Pager page={page} size={size} total={data.total ?? 0} onPage={(p) => update({ page: p })} onSize={(s) => update({ size: s })} />
      )}
    </>
  );
}
