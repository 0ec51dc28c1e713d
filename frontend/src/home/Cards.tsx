import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../lib/i18n';

interface LinkCardProps {
  to: string;
  title: string;
  text: string;
  testId: string;
}

/** A large touch-friendly card that links to a page. */
export function LinkCard({ to, title, text, testId }: LinkCardProps) {
  return (
    <Link to={to} className="card card-link" data-testid={testId}>
      <span className="card-title">{title}</span>
      <span className="card-text">{text}</span>
    </Link>
  );
}

/** A card for a feature that is not there yet. */
export function SoonCard({ title, text, testId }: { title: string; text: string; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="card card-soon" data-testid={testId}>
      <span className="card-title">
        {title} <span className="badge badge-info">{t('common.comingSoon')}</span>
      </span>
      <span className="card-text">{text}</span>
    </div>
  );
}

export function CardGrid({ children }: { children: ReactNode }) {
  return <div className="card-grid">{children}</div>;
}

export function AdminCards() {
  const { t } = useI18n();
  return (
    <CardGrid>
      <LinkCard to="/admin/units" title={t('nav.units')} text={t('card.units')} testId="card-units" />
      <LinkCard to="/admin/endpoints" title={t('nav.endpoints')} text={t('card.endpoints')} testId="card-endpoints" />
      <LinkCard to="/admin/people" title={t('nav.people')} text={t('card.people')} testId="card-people" />
      <LinkCard to="/admin/import" title={t('nav.import')} text={t('card.import')} testId="card-import" />
      <LinkCard to="/admin/audit" title={t('nav.audit')} text={t('card.audit')} testId="card-audit" />
    </CardGrid>
  );
}
