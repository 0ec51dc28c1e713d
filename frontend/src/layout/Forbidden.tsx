import { Link } from 'react-router';
import { useTitle } from '../components/useTitle';
import { useI18n } from '../lib/i18n';

export function Forbidden() {
  const { t } = useI18n();
  useTitle(t('forbidden.title'));
  return (
    <section className="page page-message" data-testid="forbidden">
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.text')}</p>
      <Link className="btn btn-primary" to="/">
        {t('forbidden.home')}
      </Link>
    </section>
  );
}

export function NotFound() {
  const { t } = useI18n();
  useTitle(t('notFound.title'));
  return (
    <section className="page page-message" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <Link className="btn btn-primary" to="/">
        {t('forbidden.home')}
      </Link>
    </section>
  );
}
