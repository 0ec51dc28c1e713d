// One live socket that keeps itself open: a fresh ticket (URL) for every attempt, reconnection with
// backoff and jitter, a ping every 20 s (the server drops clients silent for 45 s) and a check that
// the pong comes back, a status for the indicator. It knows nothing of meetings or caches: the
// meeting and personal channels give it the URL and take its messages.
//
// The browser's WebSocket is used; anything shaped like it can be passed in (the tests do).

import { backoffDelay } from './backoff';
import { type LiveStatus, type ServerMessage, RESYNC_CLOSE, parseMessage } from './protocol';

/** What this class needs of a WebSocket. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface LiveSocketOptions {
  /** the address to open, with a new single-use ticket (asked for before every attempt) */
  connectUrl: () => Promise<string>;
  onMessage: (message: ServerMessage) => void;
  onStatus?: (status: LiveStatus) => void;
  /** the ticket was refused for good (no access): stop trying instead of retrying */
  isFatal?: (error: unknown) => boolean;
  createSocket?: (url: string) => SocketLike;
  random?: () => number;
  now?: () => number;
  /** whether the device has a network (navigator.onLine) */
  isOnline?: () => boolean;
  /** listen to the window's online / offline / visibility events (default: when there is a window) */
  watchWindow?: boolean;
  pingMs?: number;
  pongTimeoutMs?: number;
  /** after this many failed attempts in a row the status turns from connecting to offline */
  offlineAfter?: number;
}

export const PING_MS = 20_000;
export const PONG_TIMEOUT_MS = 10_000;

const hasWindow = typeof window !== 'undefined';

export class LiveSocket {
  private readonly o: Required<Omit<LiveSocketOptions, 'onStatus' | 'isFatal'>> & Pick<LiveSocketOptions, 'onStatus' | 'isFatal'>;
  private ws: SocketLike | null = null;
  private running = false;
  /** failed attempts in a row (0 once a hello came) */
  private attempt = 0;
  /** bumped by every new attempt: callbacks of an older socket or ticket request do nothing */
  private generation = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  /** when the ping still waiting for an answer was sent */
  private pingSentAt: number | null = null;
  private resyncing = false;
  private current: LiveStatus = 'offline';

  constructor(options: LiveSocketOptions) {
    this.o = {
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      random: Math.random,
      now: Date.now,
      isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
      watchWindow: hasWindow,
      pingMs: PING_MS,
      pongTimeoutMs: PONG_TIMEOUT_MS,
      offlineAfter: 2,
      ...options,
    };
  }

  get status(): LiveStatus {
    return this.current;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    if (this.o.watchWindow) {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
      document.addEventListener('visibilitychange', this.onVisible);
    }
    void this.connect();
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    if (this.o.watchWindow) {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
      document.removeEventListener('visibilitychange', this.onVisible);
    }
    this.drop();
    this.setStatus('offline');
  }

  /** Try again now (the network came back, the tab became visible…), unless connected. */
  reconnectNow(): void {
    if (!this.running || this.current === 'connected') return;
    this.attempt = 0;
    void this.connect();
  }

  /** Send a message when connected; false when it could not be sent. */
  send(message: object): boolean {
    if (!this.ws || this.current !== 'connected') return false;
    try {
      this.ws.send(JSON.stringify(message));
      return true;
    } catch {
      return false;
    }
  }

  private readonly onOnline = () => this.reconnectNow();
  private readonly onOffline = () => {
    // the socket may take a long time to notice; count on nothing until the network is back
    if (!this.running) return;
    this.drop();
    this.attempt = Math.max(this.attempt, this.o.offlineAfter);
    this.retryLater();
  };
  private readonly onVisible = () => {
    if (document.visibilityState !== 'visible') return;
    // a tablet waking up: its socket may have died while it slept
    if (this.current === 'connected') this.tick();
    else this.reconnectNow();
  };

  private setStatus(status: LiveStatus): void {
    if (status === this.current) return;
    this.current = status;
    this.o.onStatus?.(status);
  }

  /** Forget the socket and the timers (its late callbacks are ignored). */
  private drop(): void {
    this.generation++;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.stopPing();
    const ws = this.ws;
    this.ws = null;
    this.resyncing = false;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onerror = null;
      ws.onclose = null;
      try {
        ws.close(1000, 'bye');
      } catch {
        // already closed
      }
    }
  }

  private waitingStatus(): LiveStatus {
    return this.attempt >= this.o.offlineAfter || !this.o.isOnline() ? 'offline' : 'connecting';
  }

  private async connect(): Promise<void> {
    this.drop();
    const gen = this.generation;
    this.setStatus(this.waitingStatus());
    let url: string;
    try {
      url = await this.o.connectUrl();
    } catch (e) {
      if (gen !== this.generation || !this.running) return;
      if (this.o.isFatal?.(e)) {
        this.running = false;
        this.setStatus('offline');
        return;
      }
      this.retryLater();
      return;
    }
    if (gen !== this.generation || !this.running) return;
    let ws: SocketLike;
    try {
      ws = this.o.createSocket(url);
    } catch {
      this.retryLater();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (gen === this.generation) this.startPing();
    };
    ws.onmessage = (ev) => {
      if (gen !== this.generation) return;
      const pingedAt = this.pingSentAt;
      this.pingSentAt = null;
      const message = typeof ev.data === 'string' ? parseMessage(ev.data) : null;
      if (!message) return;
      if (message.type === 'pong' && pingedAt !== null) this.roundTripMs = this.o.now() - pingedAt;
      if (message.type === 'hello' || message.type === 'snapshot') {
        this.attempt = 0;
        this.setStatus('connected');
      } else if (message.type === 'resync') {
        this.resyncing = true;
      }
      this.o.onMessage(message);
    };
    ws.onerror = () => {
      // a close follows
    };
    ws.onclose = (ev) => {
      if (gen !== this.generation) return;
      const resync = this.resyncing || ev.code === RESYNC_CLOSE;
      this.ws = null;
      this.stopPing();
      this.resyncing = false;
      if (!this.running) return;
      if (resync) {
        // fell behind, not broken: come back at once (with after=lastSeq)
        this.attempt = 0;
        this.setStatus('connecting');
        this.retryTimer = setTimeout(() => void this.connect(), 50);
        return;
      }
      this.retryLater();
    };
  }

  private retryLater(): void {
    const delay = backoffDelay(this.attempt, this.o.random);
    this.attempt++;
    this.setStatus(this.waitingStatus());
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private startPing(): void {
    this.stopPing();
    this.pingSentAt = null;
    this.pingTimer = setInterval(() => this.tick(), this.o.pingMs);
  }

  /** The last ping's round trip (ms), a measure of this device's connection; null before one. */
  roundTripMs: number | null = null;

  private stopPing(): void {
    if (this.pingTimer !== undefined) clearInterval(this.pingTimer);
    this.pingTimer = undefined;
    this.pingSentAt = null;
  }

  /**
   * Ping, or give up on a socket whose last ping went unanswered: a connection that died without a
   * close (a sleeping tablet, a dropped Wi-Fi) is noticed within a ping or two. The check is against
   * the ping, not the last message, so a background tab whose timers the browser slows down does
   * not take its quiet socket for a dead one.
   */
  private tick(): void {
    if (!this.ws) return;
    const now = this.o.now();
    if (this.pingSentAt !== null && now - this.pingSentAt > this.o.pongTimeoutMs) {
      this.drop();
      if (this.running) this.retryLater();
      return;
    }
    try {
      this.ws.send('{"type":"ping"}');
      if (this.pingSentAt === null) this.pingSentAt = now;
    } catch {
      // closing: onclose reconnects
    }
  }
}
