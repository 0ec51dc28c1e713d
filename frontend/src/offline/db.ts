// What this device keeps for reading without network, in IndexedDB (Dexie): the offline packs
// ("Tải về để đọc ngoại tuyến": manifest, agenda and the verified files), the annotations last seen
// of each document version, and the outbox of annotation changes not sent yet. Every row names the
// person it belongs to (`viewer`): on a shared tablet another person signing in sees none of it.
// Nothing here is a cache of API answers in general: only these, written on purpose.

import { Dexie, type DexieOptions, type Table } from 'dexie';
import type { Agenda, AnnotationInput, AnnotationView, Id, PackFile } from '../api/types';

/** One file of a stored pack (its manifest line, without the link). */
export type StoredPackFile = Omit<PackFile, 'url' | 'expiresAt'>;

/** A meeting's pack as downloaded and verified. */
export interface StoredPack {
  /** `${viewer}:${meetingId}` */
  key: string;
  viewer: Id;
  meetingId: Id;
  meetingTitle: string;
  /** when the server made the manifest (ISO) */
  generatedAt: string;
  /** when this device finished downloading it (ISO) */
  downloadedAt: string;
  /** "3F2A-91C0-…": the same for everyone holding the same versions */
  fingerprint: string;
  totalBytes: number;
  agenda: Agenda | null;
  files: StoredPackFile[];
  /** the person could annotate the meeting's documents when it was downloaded (used offline) */
  canAnnotate?: boolean;
}

/** The bytes of one document version, checked against the manifest's SHA-256. */
export interface StoredFile {
  /** `${viewer}:${documentId}:${version}` */
  key: string;
  viewer: Id;
  meetingId: Id;
  documentId: Id;
  version: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  data: ArrayBuffer;
  storedAt: string;
}

/** An annotation as last known here (from the server, or changed here and not sent yet). */
export interface StoredAnnotation extends AnnotationView {
  /** `${viewer}:${id}` */
  key: string;
  viewer: Id;
  /** `${viewer}:${documentId}:${version}` */
  docKey: string;
}

/** One annotation change waiting to be sent (applied here already). */
export interface OutboxItem {
  /** order of the changes (auto-increment) */
  seq?: number;
  viewer: Id;
  /** the annotation's UUID: sending it again changes nothing on the server */
  annotationId: string;
  op: 'put' | 'delete';
  /** the annotation as it should be (put) */
  body?: AnnotationInput;
  documentId: Id;
  version: number;
  createdAt: number;
  attempts: number;
  lastError?: string;
}

export const fileKey = (viewer: Id, documentId: Id, version: number) => `${viewer}:${documentId}:${version}`;
export const packKey = (viewer: Id, meetingId: Id) => `${viewer}:${meetingId}`;
export const annotationKey = (viewer: Id, id: string) => `${viewer}:${id}`;

export class OfflineDb extends Dexie {
  packs!: Table<StoredPack, string>;
  files!: Table<StoredFile, string>;
  annotations!: Table<StoredAnnotation, string>;
  outbox!: Table<OutboxItem, number>;

  constructor(name = 'hopso-offline', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      packs: 'key, viewer',
      files: 'key, [viewer+meetingId]',
      annotations: 'key, docKey',
      outbox: '++seq, viewer, [viewer+annotationId]',
    });
  }
}

let shared: OfflineDb | null = null;

/** The app's database (opened on first use). */
export function offlineDb(): OfflineDb {
  shared ??= new OfflineDb();
  return shared;
}

/** IndexedDB exists here (not in some private modes). */
export function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined';
}
