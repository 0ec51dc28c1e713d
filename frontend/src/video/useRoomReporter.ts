import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Id } from '../api/types';
import { meetingChannel } from '../live/meetingChannel';
import { useMeetingLiveStatus } from '../live/hooks';
import { type Checks, REPORT_EVERY_MS, type VideoSignals, reportMessage } from './roomReport';

/**
 * A room's display reports its status on the meeting's live socket: at once when it changes (and
 * when the socket comes back), then every {@link REPORT_EVERY_MS} so that the grid's "last seen"
 * stays current. Nothing is sent while `enabled` is false (the meeting's window is closed).
 */
export function useRoomReporter(meetingId: Id, enabled: boolean, signals: VideoSignals, checks: Checks): void {
  const client = useQueryClient();
  const status = useMeetingLiveStatus(meetingId);
  const latest = useRef({ signals, checks });
  useEffect(() => {
    latest.current = { signals, checks };
  });

  // a change, or the socket (re)connected: report now
  useEffect(() => {
    if (!enabled || status !== 'connected') return;
    const ch = meetingChannel(client, meetingId);
    ch?.tell(reportMessage(signals, checks, ch.roundTripMs(), Date.now()));
  }, [client, meetingId, enabled, status, signals, checks]);

  // and every few seconds
  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(() => {
      const ch = meetingChannel(client, meetingId);
      const { signals: s, checks: c } = latest.current;
      ch?.tell(reportMessage(s, c, ch.roundTripMs(), Date.now()));
    }, REPORT_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [client, meetingId, enabled]);
}
