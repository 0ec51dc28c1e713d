// The app's one outbox runner (see outbox.ts): annotation changes and read receipts, and the
// hooks around it.

import { useSyncExternalStore } from 'react';
import { api, hasSession, pathId } from '../api/client';
import type { AnnotationInput, AnnotationView, Id } from '../api/types';
import { sendReceipt } from '../documents/api/documents';
import { offlineDb } from './db';
import { sessionSealer } from './keyring';
import { type Counts, type FlushHooks, type OutboxStore, OutboxRunner, annotationQueue, dexieOutbox } from './outbox';
import { queueReceipt, receiptQueue } from './receipts';

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
  store ??= dexieOutbox(offlineDb(), sessionSealer);
  return store;
}

export function outboxRunner(): OutboxRunner {
  runner ??= new OutboxRunner(
    {
      notes: annotationQueue(outboxStore(), sender, {
        onSent: async (item, view) => {
          for (const l of listeners) await l.onSent?.(item, view);
        },
        onDropped: async (item, error) => {
          for (const l of listeners) await l.onDropped?.(item, error);
        },
      }),
      reads: receiptQueue(offlineDb(), sendReceipt),
    },
    {
      // nothing is sent without a session (reading stored documents with the PIN only)
      isOnline: () => (typeof navigator === 'undefined' || navigator.onLine !== false) && hasSession(),
    },
  );
  return runner;
}

/** Note pages of a version as seen, and send them when the server can be reached. */
export async function recordReceipt(viewer: Id, documentId: Id, version: number, pages: number[], sendNow: boolean): Promise<void> {
  await queueReceipt(offlineDb(), viewer, documentId, version, pages);
  if (sendNow) await outboxRunner().kick();
}

const subscribe = (l: () => void) => outboxRunner().subscribe(l);
const counts = () => outboxRunner().counts;
const EMPTY: Counts = Object.freeze({});

/** What waits to be sent: `notes` (annotation changes) and `reads` (read receipts); re-renders when it changes. */
export function useOutboxCounts(): Counts {
  return useSyncExternalStore(subscribe, counts, () => EMPTY);
}
