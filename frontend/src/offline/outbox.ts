// The outbox of annotation changes: a highlight, a stroke or a note is applied on this device at
// once (IndexedDB) and queued here; the queue is sent in order whenever the server can be reached
// (on the `online` event, when the app starts, and every 15 s while something is waiting). Every
// change names the annotation's UUID, which the client made, so sending one again (after an answer
// that was lost) changes nothing. This is the app's own queue, not the browser's Background Sync.
// The same runner sends the read receipts waiting in receipts.ts.
//
// A change's body is sealed at rest (keyring.ts). A change sealed with a key this session does not
// hold (the PIN not entered yet since the browser was opened) waits, and the queue behind it too,
// until the PIN is entered; one sealed with the session key of a session that has ended cannot be
// opened by anyone any more and is dropped (the user is told).
//
// After a failure:
//   - no answer, 5xx, 401 (the session is being renewed), 408 or 429: the change stays at the head
//     of the queue and the rest waits behind it (order matters: a note edited twice);
//   - any other 4xx (refused for good: the document was withdrawn, the meeting is archived, the
//     geometry is invalid…): the change is dropped, the others go on, and the user is told.

import { ApiError } from '../api/problem';
import type { AnnotationInput, AnnotationView, Id } from '../api/types';
import type { OfflineDb, OutboxItem } from './db';
import type { Sealer } from './keyring';
import { outboxAad } from './vault';

/** What to do with a change the server did not take. */
export type Verdict = 'retry' | 'drop';

export function verdict(err: unknown): Verdict {
  if (!(err instanceof ApiError)) return 'retry';
  const s = err.status;
  if (s === 0 || s === 401 || s === 408 || s === 429 || s >= 500) return 'retry';
  return s >= 400 ? 'drop' : 'retry';
}

/** A waiting change as the queue reads it: its body opened, or why it cannot be. */
export interface PendingItem extends OutboxItem {
  /** sealed with a key not held now (the PIN is needed): it waits */
  locked?: boolean;
  /** sealed with a key gone for good: it is dropped */
  lost?: boolean;
}

/** Where the queue lives (IndexedDB through Dexie; the tests use the same over fake-indexeddb). */
export interface OutboxStore {
  /** Queue a change; an earlier change of the same annotation still waiting is replaced by it. */
  enqueue(item: Omit<OutboxItem, 'seq' | 'attempts' | 'createdAt' | 'sealed'>): Promise<number>;
  /** The person's waiting changes, oldest first, their bodies opened. */
  pending(viewer: Id): Promise<PendingItem[]>;
  remove(seq: number): Promise<void>;
  /** A failed attempt of a change that stays. */
  failed(seq: number, error: string): Promise<void>;
  count(viewer: Id): Promise<number>;
}

/**
 * The outbox in IndexedDB; `sealer` (per person) seals the bodies at rest. Enqueue inside a
 * transaction of the caller's only after sealing (sealing is not an IndexedDB operation): see
 * {@link sealItem}.
 */
export function dexieOutbox(db: OfflineDb, sealer: (viewer: Id) => Sealer): OutboxStore {
  return {
    enqueue: async (item) => {
      const row = await sealItem(sealer(item.viewer), item);
      return putItem(db, row);
    },
    pending: async (viewer) => {
      const rows = await db.outbox.where('viewer').equals(viewer).sortBy('seq');
      const s = sealer(viewer);
      return Promise.all(rows.map((r) => openItem(s, r)));
    },
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

/** A change ready to be stored: its body sealed. */
export async function sealItem(sealer: Sealer, item: Omit<OutboxItem, 'seq' | 'attempts' | 'createdAt' | 'sealed'>): Promise<Omit<OutboxItem, 'seq'>> {
  const { body, ...rest } = item;
  const sealed = body !== undefined ? await sealer.seal(body, outboxAad(item.viewer, item.annotationId)) : undefined;
  return { ...rest, sealed, attempts: 0, createdAt: Date.now() };
}

/** Store a sealed change, replacing a waiting change of the same annotation (inside a transaction when there is one). */
export function putItem(db: OfflineDb, row: Omit<OutboxItem, 'seq'>): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    await db.outbox.where('[viewer+annotationId]').equals([row.viewer, row.annotationId]).delete();
    return db.outbox.add(row);
  });
}

async function openItem(sealer: Sealer, row: OutboxItem): Promise<PendingItem> {
  if (!row.sealed) return row;
  const body = await sealer.open<AnnotationInput>(row.sealed, outboxAad(row.viewer, row.annotationId));
  if (body !== null) return { ...row, body };
  return sealer.lost(row.sealed) ? { ...row, lost: true } : { ...row, locked: true };
}

/** How changes reach the server. */
export interface OutboxSender {
  put(id: string, body: AnnotationInput): Promise<AnnotationView | undefined>;
  remove(id: string): Promise<void>;
}

export interface FlushHooks {
  /** the server took the change (its answer for a put) */
  onSent?: (item: OutboxItem, view: AnnotationView | undefined) => unknown;
  /** the server refused the change for good, or it could not be opened any more: it was taken out of the queue */
  onDropped?: (item: OutboxItem, error: unknown) => unknown;
}

export interface FlushResult {
  sent: number;
  dropped: number;
  /** changes still waiting (the first of them failed and will be tried again) */
  remaining: number;
  /** why the queue stopped, when it did */
  error?: unknown;
  /** it stopped at a change sealed with a key not held now */
  locked?: boolean;
}

/** A change whose sealed body nobody can open any more (sealed in a browser session that ended). */
export class LostChange extends Error {
  constructor() {
    super('sealed with the key of a session that has ended');
    this.name = 'LostChange';
  }
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
    const item = items[i] as PendingItem;
    if (item.seq === undefined) continue;
    if (item.locked) return { sent, dropped, remaining: await store.count(viewer), locked: true };
    try {
      if (item.lost) throw new LostChange();
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
      if (err instanceof LostChange || verdict(err) === 'drop') {
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

/** One queue the runner sends: what waits is sent by `flush`, which tells how many still wait. */
export interface Queue {
  flush(viewer: Id): Promise<number>;
  count(viewer: Id): Promise<number>;
}

/** The annotation changes as a queue of the runner. */
export function annotationQueue(store: OutboxStore, sender: OutboxSender, hooks: FlushHooks = {}): Queue {
  return {
    flush: async (viewer) => (await flushOutbox(store, sender, viewer, hooks)).remaining,
    count: (viewer) => store.count(viewer),
  };
}

export interface RunnerOptions {
  /** how often to try again while changes wait (ms) */
  intervalMs?: number;
  /** changes may be sent now: the browser says it is online (the `online` event wakes the runner), and there is a session */
  isOnline?: () => boolean;
  /** where `online` is listened to (the window; none in tests) */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
}

/** What waits, per queue. */
export type Counts = Readonly<Record<string, number>>;

const NONE: Counts = Object.freeze({});

/**
 * Sends one person's queues (annotation changes, read receipts): at start, on every `online`
 * event, after each new change, and every `intervalMs` while something remains. One flush at a
 * time; a request during a flush runs another right after it. Tells subscribers the number of
 * waiting items, per queue.
 */
export class OutboxRunner {
  private viewer: Id | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: Counts = NONE;
  private readonly listeners = new Set<() => void>();
  private readonly intervalMs: number;
  private readonly isOnline: () => boolean;
  private readonly events: RunnerOptions['events'];
  private readonly onOnline = () => void this.kick();

  constructor(
    private readonly queues: Readonly<Record<string, Queue>>,
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
    this.setCounts(NONE);
  }

  /** Try to send now (or right after the flush under way). Resolves when the queues have been tried. */
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

  /** Everything that waits. */
  get count(): number {
    return Object.values(this.current).reduce((a, b) => a + b, 0);
  }

  /** What waits per queue (the same object until a number changes). */
  get counts(): Counts {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setCounts(next: Counts): void {
    const names = new Set([...Object.keys(next), ...Object.keys(this.current)]);
    if ([...names].every((n) => (next[n] ?? 0) === (this.current[n] ?? 0))) return;
    this.current = Object.freeze({ ...next });
    for (const l of this.listeners) l();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const viewer = this.viewer;
      if (viewer === null) return;
      const next: Record<string, number> = {};
      const online = this.isOnline();
      for (const [name, queue] of Object.entries(this.queues)) {
        try {
          next[name] = online ? await queue.flush(viewer) : await queue.count(viewer);
        } catch {
          // the database itself failed: try again later
          next[name] = Math.max(1, this.current[name] ?? 0);
        }
      }
      if (this.viewer !== viewer) return;
      this.setCounts(next);
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = this.count > 0 ? setTimeout(() => void this.kick(), this.intervalMs) : undefined;
    } while (this.again);
  }
}
