import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n';

type NoticeKind = 'ok' | 'error';
interface NoticeItem {
  id: number;
  text: string;
  kind: NoticeKind;
}

type Notify = (text: string, kind?: NoticeKind) => void;
const NoticeContext = createContext<Notify>(() => undefined);

/** Short confirmations ("Đã lưu") shown at the bottom of the screen and read out by screen readers. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [items, setItems] = useState<NoticeItem[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setItems((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback<Notify>(
    (text, kind = 'ok') => {
      const id = next.current++;
      setItems((list) => [...list.slice(-2), { id, text, kind }]);
      setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <NoticeContext.Provider value={value}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {items.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`}>
            <span data-testid="notice">{n.text}</span>
            <button type="button" className="btn btn-icon" aria-label={t('common.close')} onClick={() => dismiss(n.id)}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(NoticeContext);
}
