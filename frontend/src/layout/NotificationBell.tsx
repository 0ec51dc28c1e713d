import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api';
import { errorText } from '../components/errors';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { meetingUrl } from '../meetings/shared';
import type { AppNotification, NotificationPage } from '../types';

const POLL_MS = 30_000;

/** The bell in the header: unread count (polled every 30 s), a dropdown list, mark read / read all. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<AppNotification[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  const refreshCount = useCallback(async () => {
    try {
      const r = await api.get<{ unread: number }>('/api/notifications/unread-count');
      setUnread(r?.unread ?? 0);
    } catch {
      // keep the last count; the next poll tries again
    }
  }, []);

  useEffect(() => {
    void refreshCount();
    const id = setInterval(() => {
      if (!document.hidden) void refreshCount();
    }, POLL_MS);
    const onVisible = () => {
      if (!document.hidden) void refreshCount();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refreshCount]);

  const loadList = useCallback(async () => {
    setError(null);
    try {
      const page = await api.get<NotificationPage>('/api/notifications', { size: 20 });
      setItems(page.items);
      if (typeof page.unread === 'number') setUnread(page.unread);
    } catch (err) {
      setError(errorText(err, t));
    }
  }, [t]);

  useEffect(() => {
    if (!open) return;
    void loadList();
    const onDown = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, loadList]);

  async function markRead(n: AppNotification) {
    if (n.read) return;
    setItems((list) => list?.map((x) => (x.id === n.id ? { ...x, read: true } : x)) ?? null);
    setUnread((c) => Math.max(0, c - 1));
    try {
      await api.post(`/api/notifications/${encodeURIComponent(String(n.id))}/read`);
    } catch {
      void refreshCount();
    }
  }

  async function readAll() {
    try {
      await api.post('/api/notifications/read-all');
      setItems((list) => list?.map((x) => ({ ...x, read: true })) ?? null);
      setUnread(0);
    } catch (err) {
      setError(errorText(err, t));
    }
  }

  return (
    <div className="bell" ref={rootRef}>
      <button
        type="button"
        className="btn btn-outline-light bell-button"
        data-testid="bell"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t('bell.labelUnread', { n: unread }) : t('bell.label')}
        onClick={() => setOpen((v) => !v)}
      >
        <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        <span className={`bell-count${unread > 0 ? '' : ' is-zero'}`} data-testid="bell-count" data-count={unread} aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      </button>
      {open && (
        <div id={panelId} className="bell-panel" data-testid="bell-panel" role="region" aria-label={t('bell.title')}>
          <div className="bell-head">
            <strong>{t('bell.title')}</strong>
            <button type="button" className="btn btn-small" data-testid="notifications-read-all" disabled={unread === 0} onClick={readAll}>
              {t('bell.readAll')}
            </button>
          </div>
          {error && (
            <p className="alert alert-error" role="alert">
              {error}
            </p>
          )}
          {items === null && !error && <p className="muted bell-empty">{t('app.loading')}</p>}
          {items && items.length === 0 && <p className="muted bell-empty">{t('bell.empty')}</p>}
          {items && items.length > 0 && (
            <ul className="bell-list">
              {items.map((n) => (
                <li key={String(n.id)} className={`bell-item${n.read ? '' : ' is-unread'}`} data-testid="notification-item" data-read={n.read}>
                  <button
                    type="button"
                    className="bell-open"
                    onClick={() => {
                      void markRead(n);
                      setOpen(false);
                      if (n.meetingId != null) navigate(meetingUrl(n.meetingId));
                    }}
                  >
                    <span className="bell-title">{n.title}</span>
                    {n.body && <span className="bell-body">{n.body}</span>}
                    <span className="bell-time">{formatDateTime(n.createdAt)}</span>
                  </button>
                  {!n.read && (
                    <button type="button" className="btn btn-small" data-testid="notification-read" onClick={() => markRead(n)}>
                      {t('bell.markRead')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
