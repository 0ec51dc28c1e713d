import { useI18n } from '../i18n';
import type { EndpointStatus, Role, UnitLevel } from '../types';

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${active ? 'badge-ok' : 'badge-muted'}`} data-active={active}>
      {active ? t('common.active') : t('common.inactive')}
    </span>
  );
}

export function LevelBadge({ level }: { level: UnitLevel }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-level level-${level.toLowerCase()}`} data-level={level}>
      {t(`level.${level}`)}
    </span>
  );
}

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  const { t } = useI18n();
  return (
    <span className="badge-list">
      {roles.map((r) => (
        <span key={r} className="badge badge-role" data-role={r}>
          {t(`role.${r}`)}
        </span>
      ))}
    </span>
  );
}

const STATUS_CLASS: Record<EndpointStatus, string> = {
  OFFLINE: 'badge-muted',
  CONNECTED: 'badge-ok',
  IN_CONFERENCE: 'badge-info',
  DEGRADED: 'badge-warn',
};

export function StatusBadge({ status }: { status: EndpointStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${STATUS_CLASS[status] ?? 'badge-muted'}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
