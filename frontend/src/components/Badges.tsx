import type { EndpointStatus, Role, UnitLevel } from '../api/types';
import { useI18n } from '../lib/i18n';

// Badges render nothing for a value the server left out (every answer field is optional in the
// OpenAPI document).

export function ActiveBadge({ active }: { active: boolean | undefined }) {
  const { t } = useI18n();
  if (active === undefined) return null;
  return (
    <span className={`badge ${active ? 'badge-ok' : 'badge-muted'}`} data-active={active}>
      {active ? t('common.active') : t('common.inactive')}
    </span>
  );
}

export function LevelBadge({ level }: { level: UnitLevel | undefined }) {
  const { t } = useI18n();
  if (!level) return null;
  return (
    <span className={`badge badge-level level-${level.toLowerCase()}`} data-level={level}>
      {t(`level.${level}`)}
    </span>
  );
}

export function RoleBadges({ roles = [] }: { roles?: readonly Role[] }) {
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

export function StatusBadge({ status }: { status: EndpointStatus | undefined }) {
  const { t } = useI18n();
  if (!status) return null;
  return (
    <span className={`badge ${STATUS_CLASS[status] ?? 'badge-muted'}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
