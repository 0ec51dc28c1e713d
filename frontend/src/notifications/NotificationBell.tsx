import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { AppNotification } from '../api/types';
import { formatDateTime } from '../format';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n';
import { usePersonalLive } from '../live/hooks';
import { meetingUrl } from '../meetings/shared';
import { UNREAD_FALLBACK_MS, notificationsQuery, unreadCountQuery, useMarkAllRead, useMarkRead } from './api/notifications';

/**
 * The bell in the header: unread count, a dropdown list, mark read / read all. It keeps the
 * person's live channel (/ws/me) open: a change of the notifications refreshes the count (and the
 * open list) at once; only while that channel is down is the count asked for every minute.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const channel = usePersonalLive();
  const count = useQuery({ ...unreadCountQuery(), refetchInterval: channel === 'connected' ? false : UNREAD_FALLBACK_MS });
  const list = useQuery({ ...notificationsQuery(), enabled: open });
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  // the list's answer carries the count too; a failed count poll keeps the last one
  const unread = (open && list.data?.unread != null ? list.data.unread : count.data) ?? 0;
  const items = open ? list.data?.items : undefined;
  const error = list.error ?? markAllRead.error;

  useEffect(() => {
    if (!open) return;
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
  }, [open]);

  function read(n: AppNotification) {
    if (!n.read) markRead.mutate(n.id);
  }

  return (
    <div className="bell" ref={rootRef}>
      <button
        type="button"
        className="btn btn-outline-light bell-button"
        data-testid="bell"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t('bell.labelUnread', { count: unread }) : t('bell.label')}
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
            <button
              type="button"
              className="btn btn-small"
              data-testid="notifications-read-all"
              disabled={unread === 0}
              onClick={() => markAllRead.mutate()}
            >
              {t('bell.readAll')}
            </button>
          </div>
          {error && (
            <p className="alert alert-error" role="alert">
              {errorText(error, t)}
            </p>
          )}
          {!items && !error && <p className="muted bell-empty">{t('app.loading')}</p>}
          {items && items.length === 0 && <p className="muted bell-empty">{t('bell.empty')}</p>}
          {items && items.length > 0 && (
            <ul className="bell-list">
              {items.map((n) => (
                <li key={String(n.id)} className={`bell-item${n.read ? '' : ' is-unread'}`} data-testid="notification-item" data-read={n.read}>
                  <button
                    type="button"
                    className="bell-open"
                    onClick={() => {
                      read(n);
                      setOpen(false);
                      if (n.meetingId != null) navigate(meetingUrl(n.meetingId));
                    }}
                  >
                    <span className="bell-title">{n.title}</span>
                    {n.body && <span className="bell-body">{n.body}</span>}
                    <span className="bell-time">{formatDateTime(n.createdAt)}</span>
                  </button>
                  {!n.read && (
                    <button type="button" className="btn btn-small" data-testid="notification-read" onClick={() => read(n)}>
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
