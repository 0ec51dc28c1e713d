// What this device keeps for reading without network, in IndexedDB (Dexie): the offline packs
// ("Tải về để đọc ngoại tuyến": manifest, agenda and the verified files), the annotations last seen
// of each document version, the outbox of annotation changes not sent yet, the read receipts not
// sent yet, and each person's vault (their data key, wrapped under their device PIN). Every row
// names the person it belongs to (`viewer`): on a shared tablet another person signing in sees
// none of it. Nothing here is a cache of API answers in general: only these, written on purpose.
//
// At rest (crypto.ts): the files, the manifests (titles, agenda), the annotations and the bodies
// of waiting annotation changes are sealed with AES-GCM; what stays readable is what the queues
// and indexes need: ids, version numbers, sizes, SHA-256 of the stored bytes, the pack's
// fingerprint and times, the pages of waiting read receipts, and the vault's person (so the
// sign-in page can say whose documents are stored).

import { Dexie, type DexieOptions, type Table } from 'dexie';
import type { Agenda, AnnotationInput, AnnotationView, Id, PackFile } from '../api/types';
import type { Sealed, WrappedKey } from './crypto';

/** One file of a stored pack (its manifest line, without the link). */
export type StoredPackFile = Omit<PackFile, 'url' | 'expiresAt'>;

/** A meeting's pack as downloaded and verified (opened: what the app shows). */
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

/** The part of a stored pack that is sealed. */
export type PackSecret = Pick<StoredPack, 'meetingTitle' | 'generatedAt' | 'agenda' | 'files' | 'canAnnotate'>;

/** A stored pack's row: what lists and badges need in clear, the rest sealed. */
export interface PackRow {
  key: string;
  viewer: Id;
  meetingId: Id;
  fingerprint: string;
  downloadedAt: string;
  totalBytes: number;
  /** [documentId, version] of every file */
  versions: [Id, number][];
  sealed: Sealed;
}

/** The bytes of one document version, checked against the manifest's SHA-256 (opened). */
export interface StoredFile {
  documentId: Id;
  version: number;
  size: number;
  sha256: string;
  data: ArrayBuffer;
}

/** A stored file's row: the bytes sealed. */
export interface FileRow {
  /** `${viewer}:${documentId}:${version}` */
  key: string;
  viewer: Id;
  meetingId: Id;
  documentId: Id;
  version: number;
  size: number;
  /** of the plain bytes, as the manifest names it (a file already stored is not fetched again) */
  sha256: string;
  storedAt: string;
  sealed: Sealed;
}

/** An annotation as last known here (from the server, or changed here and not sent yet; opened). */
export interface StoredAnnotation extends AnnotationView {
  /** `${viewer}:${id}` */
  key: string;
  viewer: Id;
  /** `${viewer}:${documentId}:${version}` */
  docKey: string;
}

/** An annotation's row: the annotation sealed. */
export interface AnnotationRow {
  key: string;
  viewer: Id;
  docKey: string;
  id: string;
  sealed: Sealed;
}

/** One annotation change waiting to be sent (applied here already). */
export interface OutboxItem {
  /** order of the changes (auto-increment) */
  seq?: number;
  viewer: Id;
  /** the annotation's UUID: sending it again changes nothing on the server */
  annotationId: string;
  op: 'put' | 'delete';
  /**
   * the annotation as it should be (put): sealed at rest (`sealed`); a change queued by an older
   * version of the app may still have it in clear here
   */
  body?: AnnotationInput;
  sealed?: Sealed;
  documentId: Id;
  version: number;
  createdAt: number;
  attempts: number;
  lastError?: string;
}

/** Pages of one document version seen here and not reported to the server yet. */
export interface ReceiptRow {
  /** `${viewer}:${documentId}:${version}` */
  key: string;
  viewer: Id;
  documentId: Id;
  version: number;
  /** 1-based, ascending, never empty */
  pages: number[];
  /** when the pages were first and last seen here (epoch millis) */
  firstAt: number;
  lastAt: number;
  attempts: number;
  lastError?: string;
}

/** Who a vault belongs to, in clear (the sign-in page offers their stored documents). */
export interface VaultPerson {
  id: Id;
  username?: string;
  fullName?: string;
}

/** A person's data key on this device, wrapped under their PIN. */
export interface VaultRecord extends WrappedKey {
  viewer: Id;
  person: VaultPerson;
  /** the data key's id (rows sealed with it name it) */
  kid: string;
  /** wrong PINs in a row */
  failures: number;
  createdAt: string;
}

/** Small facts about this device's store (`legacyDropped`: people whose unencrypted packs were removed). */
export interface MetaRow {
  name: string;
  viewers?: Id[];
}

export const fileKey = (viewer: Id, documentId: Id, version: number) => `${viewer}:${documentId}:${version}`;
export const packKey = (viewer: Id, meetingId: Id) => `${viewer}:${meetingId}`;
export const annotationKey = (viewer: Id, id: string) => `${viewer}:${id}`;
export const receiptKey = (viewer: Id, documentId: Id, version: number) => `${viewer}:${documentId}:${version}`;

export class OfflineDb extends Dexie {
  packs!: Table<PackRow, string>;
  files!: Table<FileRow, string>;
  annotations!: Table<AnnotationRow, string>;
  outbox!: Table<OutboxItem, number>;
  receipts!: Table<ReceiptRow, string>;
  vaults!: Table<VaultRecord, Id>;
  meta!: Table<MetaRow, string>;

  constructor(name = 'hopso-offline', options?: DexieOptions) {
    super(name, options);
    // version 1 (until the PIN): packs, files and annotations were stored in clear
    this.version(1).stores({
      packs: 'key, viewer',
      files: 'key, [viewer+meetingId]',
      annotations: 'key, docKey',
      outbox: '++seq, viewer, [viewer+annotationId]',
    });
    // version 2: sealed at rest. What version 1 stored in clear cannot be sealed here (there is no
    // key before the person sets a PIN), so it is removed: the packs are downloaded again (the
    // page says why) and the annotations come back from the server. Changes still waiting in the
    // outbox are kept as they are and sent at the next sign-in: they are the person's work.
    this.version(2)
      .stores({
        packs: 'key, viewer',
        files: 'key, [viewer+meetingId], viewer',
        annotations: 'key, docKey, viewer',
        outbox: '++seq, viewer, [viewer+annotationId]',
        receipts: 'key, viewer',
        vaults: 'viewer',
        meta: 'name',
      })
      .upgrade(async (tx) => {
        const viewers = new Set<Id>();
        await tx
          .table('packs')
          .each((p: { viewer: Id }) => void viewers.add(p.viewer));
        if (viewers.size) await tx.table('meta').put({ name: 'legacyDropped', viewers: [...viewers] } satisfies MetaRow);
        await Promise.all([tx.table('packs').clear(), tx.table('files').clear(), tx.table('annotations').clear()]);
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
