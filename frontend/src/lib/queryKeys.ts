// Every query key of the app, in one place. Keys are hierarchical, so one call reaches a whole
// family: invalidating ['meetings', 12] refreshes the meeting and everything under it (agenda,
// participants, quorum…); ['meetings', 'list'] every meeting list and calendar. A live update
// (the meeting's WebSocket, src/live/) names the resource that changed and invalidates or patches
// exactly its key.
//
// List parameters are plain objects; undefined values do not count (they are left out of the
// key's hash), so { q: undefined } and {} are the same key.

import type { Id } from '../api/types';

export type KeyParams = Record<string, string | number | boolean | null | undefined>;

export const queryKeys = {
  auth: {
    me: () => ['auth', 'me'] as const,
  },

  units: {
    all: () => ['units'] as const,
    lists: () => ['units', 'list'] as const,
    list: (params: KeyParams) => ['units', 'list', params] as const,
    tree: (params: KeyParams) => ['units', 'tree', params] as const,
    detail: (id: Id) => ['units', id] as const,
    merges: (id: Id) => ['units', id, 'merges'] as const,
  },

  endpoints: {
    all: () => ['endpoints'] as const,
    list: (params: KeyParams) => ['endpoints', 'list', params] as const,
    detail: (id: Id) => ['endpoints', id] as const,
  },

  people: {
    all: () => ['people'] as const,
    list: (params: KeyParams) => ['people', 'list', params] as const,
    detail: (id: Id) => ['people', id] as const,
  },

  audit: {
    all: () => ['audit'] as const,
    list: (params: KeyParams) => ['audit', 'list', params] as const,
    verify: () => ['audit', 'verify'] as const,
  },

  meetings: {
    all: () => ['meetings'] as const,
    /** every list and calendar view of meetings */
    lists: () => ['meetings', 'list'] as const,
    list: (params: KeyParams) => ['meetings', 'list', params] as const,
    /** the meeting and, as a prefix, all of its sub-resources */
    detail: (id: Id) => ['meetings', id] as const,
    agenda: (id: Id) => ['meetings', id, 'agenda'] as const,
    agendaVersions: (id: Id) => ['meetings', id, 'agenda', 'versions'] as const,
    /** every page of the participants (as a prefix) */
    participants: (id: Id) => ['meetings', id, 'participants'] as const,
    participantPage: (id: Id, params: KeyParams) => ['meetings', id, 'participants', params] as const,
    /** every page of the rooms (as a prefix) */
    endpoints: (id: Id) => ['meetings', id, 'endpoints'] as const,
    endpointPage: (id: Id, params: KeyParams) => ['meetings', id, 'endpoints', params] as const,
    quorum: (id: Id) => ['meetings', id, 'quorum'] as const,
    attendanceLog: (id: Id) => ['meetings', id, 'attendance-log'] as const,
    deliveries: (id: Id) => ['meetings', id, 'deliveries'] as const,
    /** the running session (LiveState), patched by the live channel's events */
    live: (id: Id) => ['meetings', id, 'live'] as const,
    video: (id: Id) => ['meetings', id, 'video'] as const,
    /** every room's status (the chair's grid), patched by `rooms.status` events */
    roomStatus: (id: Id) => ['meetings', id, 'rooms-status'] as const,
    /** the last `video.command` the channel delivered (set by the channel only) */
    videoCommand: (id: Id) => ['meetings', id, 'video-command'] as const,
    /** the conference's stage (StageView), replaced by `video.stage` events */
    videoStage: (id: Id) => ['meetings', id, 'video-stage'] as const,
    /** its documents (DocumentList); as a prefix also the reading table */
    documents: (id: Id) => ['meetings', id, 'documents'] as const,
    /** who opened which document (managers) */
    documentReceipts: (id: Id) => ['meetings', id, 'documents', 'receipts'] as const,
    /** its polls (PollView[], newest first), patched by the live channel's poll events */
    polls: (id: Id) => ['meetings', id, 'polls'] as const,
    /** its minutes (MinutesPage); as a prefix also their versions, comparisons and verification */
    minutes: (id: Id) => ['meetings', id, 'minutes'] as const,
    minutesVersions: (id: Id) => ['meetings', id, 'minutes', 'versions'] as const,
    minutesDiff: (id: Id, from: number, to: number) => ['meetings', id, 'minutes', 'diff', from, to] as const,
    /** the check of the current PDF's signatures (the PDF's SHA-256 names which file) */
    minutesVerification: (id: Id, sha256: string) => ['meetings', id, 'minutes', 'verification', sha256] as const,
    /** its conclusions with their tasks and the counts */
    conclusions: (id: Id) => ['meetings', id, 'conclusions'] as const,
    /** overdue tasks of the host unit's earlier meetings, offered for the agenda */
    overdueTasks: (id: Id) => ['meetings', id, 'tasks', 'overdue'] as const,
  },

  polls: {
    /** one poll; as a prefix also who voted and its receipts */
    detail: (pollId: Id) => ['polls', pollId] as const,
    /** who has and has not voted (named polls while open; any poll after close) */
    voters: (pollId: Id) => ['polls', pollId, 'voters'] as const,
    /** every receipt with its choice, after publish */
    receipts: (pollId: Id) => ['polls', pollId, 'receipts'] as const,
  },

  /** follow-up tasks outside one meeting's page: mine, one task with its history, the overview */
  tasks: {
    all: () => ['tasks'] as const,
    mine: (params: KeyParams) => ['tasks', 'mine', params] as const,
    detail: (taskId: Id) => ['tasks', taskId] as const,
    overview: () => ['tasks', 'overview'] as const,
  },

  documents: {
    /** one document with its versions; as a prefix, its annotations too */
    detail: (docId: Id) => ['documents', docId] as const,
    /**
     * a short-lived link to a version's PDF (or original); outside the document's prefix, so that a
     * change of the document (its title…) does not reopen what is being read
     */
    link: (docId: Id, version: number, kind: string) => ['document-links', docId, version, kind] as const,
    /** every version's annotations (as a prefix) */
    allAnnotations: (docId: Id) => ['documents', docId, 'annotations'] as const,
    /** mine and those shared with me on one version, with my changes not sent yet applied */
    annotations: (docId: Id, version: number, viewer: Id | undefined) => ['documents', docId, 'annotations', version, viewer ?? 0] as const,
  },

  /** what this device keeps for reading offline (IndexedDB, src/offline/): read through the same cache */
  offline: {
    all: () => ['offline'] as const,
    /** the signed-in person's stored pack of a meeting */
    pack: (meetingId: Id, viewer: Id | undefined) => ['offline', 'pack', meetingId, viewer ?? 0] as const,
    /** every pack the person stored (the offline list of meetings) */
    packs: (viewer: Id | undefined) => ['offline', 'packs', viewer ?? 0] as const,
    /** the person's PIN on this device (VaultRecord or null) */
    vault: (viewer: Id | undefined) => ['offline', 'vault', viewer ?? 0] as const,
    /** everyone with stored documents on this device (the sign-in page) */
    vaults: () => ['offline', 'vaults'] as const,
  },

  notifications: {
    all: () => ['notifications'] as const,
    unreadCount: () => ['notifications', 'unread-count'] as const,
    list: (params: KeyParams) => ['notifications', 'list', params] as const,
  },
} as const;
