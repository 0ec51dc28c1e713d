// The outbox of annotation changes: a highlight, a stroke or a note is applied on this device at
// once (IndexedDB) and queued here; the queue is sent in order whenever the server can be reached
// (on the `online` event, when the app starts, and every 15 s while something is waiting). Every
// change names the annotation's UUID, which the client made, so sending one again (after an answer
// that was lost) changes nothing. This is the app's own queue, not the browser's Background Sync.
//
// After a failure:
//   - no answer, 5xx, 401 (the session is being renewed), 408 or 429: the change stays at the head
//     of the queue and the rest waits behind it (order matters: a note edited twice);
//   - any other 4xx (refused for good: the document was withdrawn, the meeting is archived, the
//     geometry is invalid…): the change is dropped, the others go on, and the user is told.

import { ApiError } from '../api/problem';
import type { AnnotationInput, AnnotationView, Id } from '../api/types';
import type { OfflineDb, OutboxItem } from './db';

/** What to do with a change the server did not take. */
export type Verdict = 'retry' | 'drop';

export function verdict(err: unknown): Verdict {
  if (!(err instanceof ApiError)) return 'retry';
  const s = err.status;
  if (s === 0 || s === 401 || s === 408 || s === 429 || s >= 500) return 'retry';
  return s >= 400 ? 'drop' : 'retry';
}

/** Where the queue lives (IndexedDB through Dexie; the tests use the same over fake-indexeddb). */
export interface OutboxStore {
  /** Queue a change; an earlier change of the same annotation still waiting is replaced by it. */
  enqueue(item: Omit<OutboxItem, 'seq' | 'attempts' | 'createdAt'>): Promise<number>;
  /** The person's waiting changes, oldest first. */
  pending(viewer: Id): Promise<OutboxItem[]>;
  remove(seq: number): Promise<void>;
  /** A failed attempt of a change that stays. */
  failed(seq: number, error: string): Promise<void>;
  count(viewer: Id): Promise<number>;
}

export function dexieOutbox(db: OfflineDb): OutboxStore {
  return {
    enqueue: (item) =>
      db.transaction('rw', db.outbox, async () => {
        await db.outbox.where('[viewer+annotationId]').equals([item.viewer, item.annotationId]).delete();
        return db.outbox.add({ ...item, attempts: 0, createdAt: Date.now() });
      }),
    pending: (viewer) => db.outbox.where('viewer').equals(viewer).sortBy('seq'),
    remove: async (seq) => {
      await db.outbox.delete(seq);
    },
    failed: async (seq, error) => {
      await db.outbox
        .where('seq')
        .equals(seq)
        .modify((row) => {
          row.attempts += 1;
          row.lastError = error;
        });
    },
    count: (viewer) => db.outbox.where('viewer').equals(viewer).count(),
  };
}

/** How changes reach the server. */
export interface OutboxSender {
  put(id: string, body: AnnotationInput): Promise<AnnotationView | undefined>;
  remove(id: string): Promise<void>;
}

export interface FlushHooks {
  /** the server took the change (its answer for a put) */
  onSent?: (item: OutboxItem, view: AnnotationView | undefined) => unknown;
  /** the server refused the change for good: it was taken out of the queue */
  onDropped?: (item: OutboxItem, error: unknown) => unknown;
}

export interface FlushResult {
  sent: number;
  dropped: number;
  /** changes still waiting (the first of them failed and will be tried again) */
  remaining: number;
  /** why the queue stopped, when it did */
  error?: unknown;
}

function describe(err: unknown): string {
  if (err instanceof ApiError) return `${err.status} ${err.code || err.message}`.trim();
  return err instanceof Error ? err.message : String(err);
}

/** Send the person's waiting changes in order, until one cannot be sent now. */
export async function flushOutbox(store: OutboxStore, sender: OutboxSender, viewer: Id, hooks: FlushHooks = {}): Promise<FlushResult> {
  const items = await store.pending(viewer);
  let sent = 0;
  let dropped = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as OutboxItem;
    if (item.seq === undefined) continue;
    try {
      let view: AnnotationView | undefined;
      if (item.op === 'put') {
        if (!item.body) throw new ApiError({ status: 400, errors: [] });
        view = await sender.put(item.annotationId, item.body);
      } else {
        await sender.remove(item.annotationId);
      }
      await store.remove(item.seq);
      sent++;
      await hooks.onSent?.(item, view);
    } catch (err) {
      if (verdict(err) === 'drop') {
        await store.remove(item.seq);
        dropped++;
        await hooks.onDropped?.(item, err);
        continue;
      }
      await store.failed(item.seq, describe(err));
      return { sent, dropped, remaining: await store.count(viewer), error: err };
    }
  }
  return { sent, dropped, remaining: await store.count(viewer) };
}

export interface RunnerOptions {
  /** how often to try again while changes wait (ms) */
  intervalMs?: number;
  /** the browser says it is online (no attempt while it says not; the `online` event wakes the runner) */
  isOnline?: () => boolean;
  /** where `online` is listened to (the window; none in tests) */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
}

/**
 * Sends one person's outbox: at start, on every `online` event, after each new change, and every
 * `intervalMs` while changes remain. One flush at a time; a request during a flush runs another
 * right after it. Tells subscribers the number of waiting changes.
 */
export class OutboxRunner {
  private viewer: Id | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pendingCount = 0;
  private readonly listeners = new Set<() => void>();
  private readonly intervalMs: number;
  private readonly isOnline: () => boolean;
  private readonly events: RunnerOptions['events'];
  private readonly onOnline = () => void this.kick();

  constructor(
    private readonly store: OutboxStore,
    private readonly sender: OutboxSender,
    private readonly hooks: FlushHooks = {},
    options: RunnerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 15_000;
    this.isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
    this.events = options.events === undefined ? (typeof window !== 'undefined' ? window : null) : options.events;
  }

  /** Start sending this person's changes (another person's stop being sent). */
  start(viewer: Id): void {
    if (this.viewer === viewer) return;
    this.stop();
    this.viewer = viewer;
    this.events?.addEventListener('online', this.onOnline);
    void this.kick();
  }

  stop(): void {
    this.events?.removeEventListener('online', this.onOnline);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.viewer = null;
    this.setCount(0);
  }

  /** Try to send now (or right after the flush under way). Resolves when the queue has been tried. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  get count(): number {
    return this.pendingCount;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setCount(n: number): void {
    if (n === this.pendingCount) return;
    this.pendingCount = n;
    for (const l of this.listeners) l();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const viewer = this.viewer;
      if (viewer === null) return;
      let remaining: number;
      try {
        remaining = this.isOnline() ? (await flushOutbox(this.store, this.sender, viewer, this.hooks)).remaining : await this.store.count(viewer);
      } catch {
        // the database itself failed: try again later
        remaining = Math.max(1, this.pendingCount);
      }
      if (this.viewer !== viewer) return;
      this.setCount(remaining);
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = remaining > 0 ? setTimeout(() => void this.kick(), this.intervalMs) : undefined;
    } while (this.again);
  }
}
