// The app's one outbox runner (see outbox.ts) and the hooks around it.

import { useSyncExternalStore } from 'react';
import { api, pathId } from '../api/client';
import type { AnnotationInput, AnnotationView } from '../api/types';
import { offlineDb } from './db';
import { type FlushHooks, type OutboxStore, OutboxRunner, dexieOutbox } from './outbox';

/** PUT / DELETE /api/annotations/{uuid}: idempotent by the UUID the client made. */
const sender = {
  put: (id: string, body: AnnotationInput) => api.put<AnnotationView>(`/api/annotations/${pathId(id)}`, body),
  remove: (id: string) => api.del(`/api/annotations/${pathId(id)}`),
};

const listeners = new Set<FlushHooks>();

/** Hear what the runner sent or dropped (to refresh what is shown, to tell the user). */
export function onOutboxEvent(hooks: FlushHooks): () => void {
  listeners.add(hooks);
  return () => listeners.delete(hooks);
}

let runner: OutboxRunner | null = null;
let store: OutboxStore | null = null;

export function outboxStore(): OutboxStore {
  store ??= dexieOutbox(offlineDb());
  return store;
}

export function outboxRunner(): OutboxRunner {
  runner ??= new OutboxRunner(outboxStore(), sender, {
    onSent: async (item, view) => {
      for (const l of listeners) await l.onSent?.(item, view);
    },
    onDropped: async (item, error) => {
      for (const l of listeners) await l.onDropped?.(item, error);
    },
  });
  return runner;
}

const subscribe = (l: () => void) => outboxRunner().subscribe(l);
const count = () => outboxRunner().count;

/** How many annotation changes wait to be sent (re-renders when it changes). */
export function useOutboxCount(): number {
  return useSyncExternalStore(subscribe, count, () => 0);
}
