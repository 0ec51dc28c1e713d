import { useTitle } from '../components/useTitle';
import { AdminCards } from '../home/Cards';
import { useI18n } from '../lib/i18n';

export function AdminDashboard() {
  const { t } = useI18n();
  useTitle(t('home.admin'));
  return (
    <div className="page" data-testid="admin-dashboard">
      <header className="page-head">
        <h1>{t('home.admin')}</h1>
      </header>
      <AdminCards />
    </div>
  );
}
