// A tablet's ballots: what it sent, under which client-made `ballotId`, and the receipt the server
// answered. Pure of React; the storage (localStorage in the app) and the request are passed in.
//
// Why the tablet keeps them (docs/votes.md):
// - a retry must never count twice: the same ballot is re-sent under the same `ballotId` after a
//   timeout or a network error (the server answers the same acknowledgement), never under a new one;
// - for a secret poll the server cannot give a voter their receipt again without that id, so the
//   id and the receipt stay on the device, which later checks the receipt against the published list.
//
// One record per poll and principal (the participant whose vote it is: oneself, or someone whose
// proxy one holds), under `hopso.ballot.<pollId>.<participantId>`:
//   cast     the ballot the server acknowledged (its id, choice and receipt);
//   pending  a ballot sent (or about to be) whose answer has not come: re-sent as it is.

import { ApiError } from '../api/problem';
import type { BallotAck, BallotInput, Choice, Id } from '../api/types';

/** The part of the Web Storage API used here (localStorage in the app, a Map in tests). */
export interface BallotStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

export interface SentBallot {
  ballotId: string;
  choice: Choice;
  /** the ballot it replaces (a changed vote) */
  replaces?: string;
  /** epoch ms */
  at: number;
}

export interface CastBallot extends SentBallot {
  receipt: string;
}

export interface BallotRecord {
  pollId: Id;
  /** the principal */
  participantId: Id;
  /** who cast it (the signed-in person) */
  casterId?: Id;
  /** the principal's own vote (false: held by proxy), for the request's `participantId` */
  own: boolean;
  cast?: CastBallot;
  pending?: SentBallot;
}

const PREFIX = 'hopso.ballot.';
/** Records older than this are dropped when new ones are written (a tablet is used for years). */
const KEEP_MS = 180 * 24 * 3600_000;

export function ballotKey(pollId: Id, participantId: Id): string {
  return `${PREFIX}${pollId}.${participantId}`;
}

function read(storage: BallotStorage, key: string): BallotRecord | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const r = JSON.parse(raw) as Partial<BallotRecord>;
    if (typeof r.pollId !== 'number' || typeof r.participantId !== 'number') return null;
    return r as BallotRecord;
  } catch {
    return null;
  }
}

export function loadBallot(storage: BallotStorage, pollId: Id, participantId: Id): BallotRecord | null {
  return read(storage, ballotKey(pollId, participantId));
}

export function saveBallot(storage: BallotStorage, record: BallotRecord): void {
  storage.setItem(ballotKey(record.pollId, record.participantId), JSON.stringify(record));
}

/** Every record of one poll (the principals this device has voted for). */
export function ballotsOfPoll(storage: BallotStorage, pollId: Id): BallotRecord[] {
  const out: BallotRecord[] = [];
  const prefix = `${PREFIX}${pollId}.`;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(prefix)) continue;
    const r = read(storage, key);
    if (r) out.push(r);
  }
  return out;
}

/** Drop the records last touched more than {@link KEEP_MS} ago. */
export function pruneBallots(storage: BallotStorage, now: number): void {
  const old: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const r = read(storage, key);
    const at = Math.max(r?.cast?.at ?? 0, r?.pending?.at ?? 0);
    if (!r || now - at > KEEP_MS) old.push(key);
  }
  for (const key of old) storage.removeItem(key);
}

/** The request body of a ballot: the choice, the principal (null: one's own vote), the ballot it replaces. */
export function ballotBody(record: BallotRecord, sent: SentBallot): BallotInput {
  return {
    ballotId: sent.ballotId,
    ...(record.own ? {} : { participantId: record.participantId }),
    ...sent.choice,
    ...(sent.replaces ? { replaces: sent.replaces } : {}),
  };
}

/**
 * The ballot to send for a principal: the one still waiting for an answer when there is one (the
 * same id and choice: it may have been counted already), else a new one with a new id, replacing
 * the acknowledged one when there is one (a changed vote).
 */
export function prepareBallot(
  previous: BallotRecord | null,
  who: { pollId: Id; participantId: Id; own: boolean; casterId?: Id },
  choice: Choice,
  newId: () => string,
  now: number,
): BallotRecord {
  if (previous?.pending) return previous;
  return {
    ...who,
    ...(previous?.cast ? { cast: previous.cast } : {}),
    pending: {
      ballotId: newId(),
      choice,
      ...(previous?.cast ? { replaces: previous.cast.ballotId } : {}),
      at: now,
    },
  };
}

/**
 * A failure worth sending the same ballot again for: no answer (network, timeout), the server or a
 * proxy in between failing (5xx), or being asked to wait (408, 429). Any other answer is the
 * server's refusal of this ballot.
 */
export function isRetryable(e: unknown): boolean {
  if (e instanceof ApiError) return e.status === 0 || e.status >= 500 || e.status === 408 || e.status === 429;
  // fetch's own failures (a timeout's AbortSignal) are not ApiErrors
  return true;
}

/** The ballots could not be sent: still pending on the device, to be sent again with the same ids. */
export class BallotsUnsent extends Error {
  constructor(readonly cause: unknown) {
    super('ballots not sent');
    this.name = 'BallotsUnsent';
  }
}

export interface CastDeps {
  storage: BallotStorage;
  /** POST the bodies (one: /ballots, several: /ballots/batch), answering one ack per body */
  send: (bodies: BallotInput[]) => Promise<BallotAck[]>;
  /** waits before the 2nd, 3rd… attempt (ms) */
  retryDelays: readonly number[];
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/**
 * Send prepared ballots (each with its `pending` part): stored first, so a reload or a crash sends
 * the same ids again; then sent, again with the same bodies after each retryable failure. On
 * success each record's pending ballot becomes its cast one, with the receipt. A refusal drops
 * the pending ballots (the acknowledged ones stay) and is thrown as it came; when every attempt
 * failed without an answer, {@link BallotsUnsent} is thrown and the ballots stay pending.
 */
export async function castBallots(records: BallotRecord[], deps: CastDeps): Promise<BallotRecord[]> {
  const sending = records.filter((r) => r.pending);
  for (const r of sending) saveBallot(deps.storage, r);
  const bodies = sending.map((r) => ballotBody(r, r.pending as SentBallot));
  let acks: BallotAck[] | undefined;
  let lastError: unknown;
  for (let attempt = 0; attempt <= deps.retryDelays.length; attempt++) {
    if (attempt > 0) await deps.sleep(deps.retryDelays[attempt - 1] ?? 0);
    try {
      acks = await deps.send(bodies);
      break;
    } catch (e) {
      lastError = e;
      if (!isRetryable(e)) {
        for (const r of sending) {
          const { pending: _dropped, ...rest } = r;
          if (rest.cast) saveBallot(deps.storage, rest);
          else deps.storage.removeItem(ballotKey(r.pollId, r.participantId));
        }
        throw e;
      }
    }
  }
  if (!acks) throw new BallotsUnsent(lastError);
  const done: BallotRecord[] = [];
  for (const r of sending) {
    const sent = r.pending as SentBallot;
    const ack = acks.find((a) => a.ballotId === sent.ballotId);
    if (!ack?.receipt) {
      // an answer without this ballot's receipt: keep it pending, a later send asks again
      done.push(r);
      continue;
    }
    const { pending: _sent, ...rest } = r;
    const next: BallotRecord = { ...rest, cast: { ...sent, receipt: ack.receipt, at: deps.now() } };
    saveBallot(deps.storage, next);
    done.push(next);
  }
  return done;
}

/** A ballot id: a random UUID made on the device. */
export function newBallotId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID exists only in secure contexts (https, localhost): build a v4 UUID by hand
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The store of a page whose browser refuses localStorage (one for every caller). */
let pageStorage: BallotStorage | null = null;

/** localStorage when the browser allows it, else a store that lasts until the page is left. */
export function deviceStorage(): BallotStorage {
  try {
    const s = window.localStorage;
    const probe = `${PREFIX}probe`;
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    pageStorage ??= memoryStorage();
    return pageStorage;
  }
}

/** A Web Storage in memory (tests, and browsers that refuse localStorage). */
export function memoryStorage(): BallotStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
  };
}
