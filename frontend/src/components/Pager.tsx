import { useI18n } from '../lib/i18n';

export const PAGE_SIZES = [20, 50, 100, 200] as const;

interface PagerProps {
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
  onSize?: (size: number) => void;
}

export function Pager({ page, size, total, onPage, onSize }: PagerProps) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / size));
  return (
    <nav className="pager" aria-label={t('pager.label')} data-testid="pager">
      <button type="button" className="btn" onClick={() => onPage(page - 1)} disabled={page <= 0} data-testid="pager-prev">
        <span aria-hidden="true">‹ </span>
        {t('pager.prev')}
      </button>
      <span className="pager-summary" aria-live="polite">
        {t('pager.summary', { page: page + 1, pages, count: total })}
      </span>
      <button
        type="button"
        className="btn"
        onClick={() => onPage(page + 1)}
        disabled={page + 1 >= pages}
        data-testid="pager-next"
      >
        {t('pager.next')}
        <span aria-hidden="true"> ›</span>
      </button>
      {onSize && (
        <label className="pager-size">
          <span>{t('pager.size')}</span>
          <select name="size" value={size} onChange={(e) => onSize(Number(e.target.value))}>
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
    </nav>
  );
}
