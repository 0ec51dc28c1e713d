import { useAuth } from '../auth/AuthContext';
import { RoleBadges } from '../components/Badges';
import { useTitle } from '../components/useTitle';
import { useI18n } from '../lib/i18n';
import { AdminCards, CardGrid, LinkCard } from './Cards';
import { EndpointHome } from './EndpointHome';

/** The start page: one section per role the person has (a person may have several). */
export function HomePage() {
  const { t } = useI18n();
  const { user, hasRole } = useAuth();
  useTitle(t('nav.home'));
  if (!user) return null;

  const isAdmin = hasRole('ADMIN');
  const organizer = hasRole('SECRETARY', 'CHAIR');
  const delegate = hasRole('DELEGATE');
  const endpoint = hasRole('ENDPOINT');
  const observer = hasRole('OBSERVER');
  const nothing = !isAdmin && !organizer && !delegate && !endpoint && !observer;

  return (
    <div className="page home" data-testid="home">
      <header className="page-head">
        <div>
          <h1>{t('home.greeting', { name: user.fullName || user.username })}</h1>
          <p className="muted">
            {[user.position, user.unitName].filter(Boolean).join(' · ')}
            {(user.roles?.length ?? 0) > 0 && (
              <>
                {' '}
                <span className="visually-hidden">{t('home.roles')}: </span>
                <RoleBadges roles={user.roles} />
              </>
            )}
          </p>
        </div>
      </header>

      {isAdmin && (
        <section className="home-section" data-testid="home-admin" aria-labelledby="home-admin-title">
          <h2 id="home-admin-title">{t('home.admin')}</h2>
          <AdminCards />
        </section>
      )}

      {(organizer || delegate || observer || isAdmin) && (
        <section className="home-section" data-testid="home-work" aria-labelledby="home-work-title">
          <h2 id="home-work-title">{t('home.work')}</h2>
          <CardGrid>
            {(organizer || isAdmin) && (
              <LinkCard to="/meetings" title={t('home.meetings')} text={t('card.meetings')} testId="card-meetings" />
            )}
            {hasRole('SECRETARY', 'ADMIN') && (
              <LinkCard to="/meetings/new" title={t('meetings:meetings.new')} text={t('card.meetingNew')} testId="card-meeting-new" />
            )}
            {delegate && (
              <LinkCard to="/meetings" title={t('home.myMeetings')} text={t('card.myMeetings')} testId="card-my-meetings" />
            )}
            {observer && !organizer && !delegate && (
              <LinkCard to="/meetings" title={t('home.observer')} text={t('card.observer')} testId="card-observer" />
            )}
            <LinkCard to="/meetings/calendar" title={t('meetings:meetings.calendar')} text={t('card.calendar')} testId="card-calendar" />
            <LinkCard to="/tasks" title={t('home.tasks')} text={t('card.tasks')} testId="card-tasks" />
            <LinkCard to="/minutes/verify" title={t('home.verify')} text={t('card.verify')} testId="card-verify" />
          </CardGrid>
        </section>
      )}

      {organizer && !isAdmin && (
        <section className="home-section" data-testid="home-directory" aria-labelledby="home-directory-title">
          <h2 id="home-directory-title">{t('home.directory')}</h2>
          <CardGrid>
            <LinkCard to="/endpoints" title={t('home.endpointsList')} text={t('card.endpointsRead')} testId="card-endpoints-read" />
            <LinkCard to="/people" title={t('home.peopleList')} text={t('card.peopleRead')} testId="card-people-read" />
          </CardGrid>
        </section>
      )}

      {endpoint && <EndpointHome />}

      {nothing && (
        <p className="alert alert-info" data-testid="home-no-roles">
          {t('home.noRoles')}
        </p>
      )}
    </div>
  );
}
