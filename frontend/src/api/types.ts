// Types of the REST contract, taken from the server's OpenAPI document (frontend/openapi.json,
// generated into ./schema.ts by `npm run gen:api`). The names are the ones the app has always used.
//
// The document marks every field of every answer optional (and none nullable), so the code treats
// each one as possibly missing (`?? ''`, `!= null`, …) rather than pretending otherwise. The few
// shapes the document does not describe (import kinds, delivery states) are written by hand below
// and say so.

import type { components } from './schema';
import {
  attendanceValues,
  baseValues,
  decisionValues,
  electionStyleValues,
  outcomeValues,
  pollKindValues,
  pollStateValues,
  ratingValues,
  thresholdValues,
  tieValues,
  yesNoValues,
  confidentialityValues,
  conferenceStateValues,
  linkQualityValues,
  mediaStateValues,
  roomProblemValues,
  conversionValues,
  documentAudienceValues,
  endpointStatusValues,
  invitationResponseValues,
  itemStateValues,
  kindValues,
  linkKindValues,
  meetingKindValues,
  meetingStatusValues,
  minutesKindValues,
  minutesStateValues,
  participantRoleValues,
  readStateValues,
  roleValues,
  sharingValues,
  speakerKindValues,
  speakerStateValues,
  signerRoleValues,
  taskPriorityValues,
  taskStateValues,
  taskUpdateKindValues,
  unitLevelValues,
} from './schema';

type Schemas = components['schemas'];

/** Ids are int64 on the server, JSON numbers on the wire. */
export type Id = number;

export type Role = Schemas['Role'];
export const ROLES = roleValues;

export type User = Schemas['UserView'];

// ---- sign-in ----

/**
 * Answer of POST /api/auth/login and /api/auth/refresh. It never carries the refresh token: that
 * lives only in the HttpOnly cookie the server sets on /api/auth, out of reach of page scripts.
 */
export type TokenResponse = Schemas['TokenAnswer'];

// ---- problem+json ----

/** One bad field of a request (problem+json `errors[]`). `message` is in the requested language. */
export type FieldError = Schemas['ProblemFieldError'];

/** One bad row of a CSV import (problem+json `rows[]` of a 422). */
export type ImportRowError = Schemas['ProblemRowError'];

/**
 * A failed answer read as an RFC 9457 problem. The server always sends `type`, `code` ("stale",
 * "meeting.wrong-state", "request.invalid"…), `title` and `status`; an answer that is not
 * problem+json (no answer at all, a proxy's error page) becomes a problem with only `status`
 * and what could be read, so the fields are optional here.
 */
export type Problem = Partial<Schemas['Problem']> & { status: number };

/** The problem `code` of a 409 whose write was based on an outdated `version` (someone saved first). */
export const STALE = 'stale';

// ---- Units ----

export const UNIT_LEVELS = unitLevelValues;
export type UnitLevel = Schemas['UnitLevel'];
export type Unit = Schemas['UnitView'];
/** A node of GET /api/units/tree (no parent name and no merge fields: GET /api/units/{id} has them). */
export type UnitNode = Schemas['UnitNode'];
export type UnitInput = Schemas['UnitInput'];
export type UnitPage = Schemas['PageUnitView'];
export type MergeResult = Schemas['MergeResult'];
export type MergeRecord = Schemas['MergeView'];

// ---- Endpoints ----

export const ENDPOINT_STATUSES = endpointStatusValues;
export type EndpointStatus = Schemas['EndpointStatus'];
export type Endpoint = Schemas['EndpointView'];
export type EndpointInput = Schemas['EndpointInput'];
export type EndpointPage = Schemas['PageEndpointView'];

// ---- People ----

export type Person = Schemas['PersonView'];
export type PersonInput = Schemas['PersonInput'];
export type PersonPage = Schemas['PagePersonView'];

/** GET /api/people `kind`: people (the default: device accounts left out), device accounts, or both. */
export const PERSON_KINDS = ['PEOPLE', 'DEVICES', 'ALL'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

// ---- Import / export ----

/** The `{kind}` of /api/import/{kind} and /api/export/{kind} (a plain string in the document). */
export const IMPORT_KINDS = ['units', 'endpoints', 'people'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportResult = Schemas['ImportResult'];

// ---- Audit ----

export type AuditEntry = Schemas['AuditView'];
export type AuditPage = Schemas['PageAuditView'];
export type AuditVerifyResult = Schemas['Verification'];

// ---- Meetings ----

export const MEETING_KINDS = meetingKindValues;
export type MeetingKind = Schemas['MeetingKind'];

export const CONFIDENTIALITIES = confidentialityValues;
export type Confidentiality = Schemas['Confidentiality'];

export const MEETING_STATUSES = meetingStatusValues;
export type MeetingStatus = Schemas['MeetingStatus'];

export const PARTICIPANT_ROLES = participantRoleValues;
export type ParticipantRole = Schemas['ParticipantRole'];

export const ATTENDANCES = attendanceValues;
export type Attendance = Schemas['Attendance'];

export const RESPONSES = invitationResponseValues;
export type InvitationResponse = Schemas['InvitationResponse'];

/** A participant's `email` / `sms` delivery state: a plain string in the document. */
export const DELIVERY_STATES = ['SENT', 'PENDING', 'FAILED', 'NONE'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export type MeetingSummary = Schemas['MeetingSummary'];
export type MeetingPage = Schemas['PageMeetingSummary'];
export type MeetingDetail = Schemas['MeetingDetail'];
/** What the signed-in person may do with a meeting now (state, role and time decided by the server). */
export type Capabilities = Schemas['Capabilities'];
export type MeetingInput = Schemas['MeetingInput'];
export type QuorumRule = Schemas['QuorumRule'];
export type Clash = Schemas['Clash'];
export type MeetingChange = Schemas['Change'];
export type PostponeRequest = Schemas['PostponeRequest'];

export type Participant = Schemas['ParticipantView'];
export type ParticipantInput = Schemas['ParticipantInput'];
export type ParticipantUpdate = Schemas['ParticipantUpdate'];
export type ParticipantPage = Schemas['PageParticipantView'];
export type BulkInvite = Schemas['BulkInvite'];
export type BulkInviteResult = Schemas['BulkInviteResult'];
export type AttendanceUpdate = Schemas['AttendanceUpdate'];
export type MeetingEndpoint = Schemas['MeetingEndpointView'];
export type MeetingEndpointPage = Schemas['PageMeetingEndpointView'];
export type EndpointInvite = Schemas['EndpointInvite'];
export type EndpointsAdded = Schemas['EndpointInviteResult'];
export type Quorum = Schemas['Quorum'];
/** A voting member not present yet (the quorum answer's `missing`). */
export type Missing = Schemas['Missing'];
export type AttendanceLogEntry = Schemas['AttendanceLogEntry'];

export type Agenda = Schemas['Agenda'];
export type AgendaItem = Schemas['ItemView'];
export type AgendaItemInput = Schemas['ItemInput'];
export type AgendaVersion = Schemas['VersionView'];

export type Delivery = Schemas['DeliveryView'];

// ---- Live session (issue 7) ----

/** GET /api/meetings/{id}/live: the running session, with the number of the last event it reflects. */
export type LiveState = Schemas['LiveState'];
/** One agenda item as the running session shows it (state, time spent, speech limit). */
export type RunItem = Schemas['RunItem'];
export const ITEM_STATES = itemStateValues;
export type ItemState = Schemas['ItemState'];
/** The speaking queue (every speaker answer and the `speaker.changed` event). */
export type SpeakerQueue = Schemas['Queue'];
export type Speech = Schemas['Speech'];
export const SPEAKER_KINDS = speakerKindValues;
export type SpeakerKind = Schemas['SpeakerKind'];
export const SPEAKER_STATES = speakerStateValues;
export type SpeakerState = Schemas['SpeakerState'];
export type SpeakRequest = Schemas['RequestInput'];
/** The quorum in short, as live events carry it. */
export type QuorumSummary = Schemas['QuorumSummary'];
/** Who is connected to a meeting (the chair and its secretaries only). */
export type Presence = Schemas['Online'];
/** A single-use ticket (30 s) to open a live socket. */
export type LiveTicket = Schemas['Ticket'];
export type VideoJoin = Schemas['VideoJoin'];
/** The conference's stage: who joins as a participant in a large meeting (the others are Jitsi visitors). */
export type StageView = Schemas['StageView'];

// ---- Rooms' status (issue 10) ----

/** GET /api/meetings/{id}/rooms/status: every invited room's status, with the counts. */
export type RoomBoard = Schemas['RoomBoard'];
export type RoomState = Schemas['RoomState'];
export type RoomCounts = Schemas['RoomCounts'];
export const CONFERENCE_STATES = conferenceStateValues;
export type ConferenceState = Schemas['ConferenceState'];
export const MEDIA_STATES = mediaStateValues;
export type MediaState = Schemas['MediaState'];
export const LINK_QUALITIES = linkQualityValues;
export type LinkQuality = Schemas['LinkQuality'];
export const ROOM_PROBLEMS = roomProblemValues;
export type RoomProblem = Schemas['RoomProblem'];

export type AppNotification = Schemas['NotificationView'];
export type NotificationPage = Schemas['NotificationPage'];

export type FeedUrl = Schemas['FeedUrl'];

// ---- Documents (issue 8) ----

/** A meeting's document as the signed-in person sees it (badges, capabilities, current version). */
export type MeetingDocument = Schemas['DocumentView'];
/** GET /api/meetings/{id}/documents: the documents, whether the person may upload, the server's limits. */
export type DocumentList = Schemas['DocumentList'];
/** GET /api/documents/{docId}: the document and every version. */
export type DocumentDetail = Schemas['DocumentDetail'];
/** One uploaded file of a document. */
export type DocumentVersion = Schemas['DocumentVersionView'];
export type DocumentCapabilities = Schemas['DocumentCapabilities'];
export type DocumentUpdate = Schemas['UpdateInput'];
export type DocumentReader = Schemas['ReaderRef'];
export const DOCUMENT_AUDIENCES = documentAudienceValues;
export type DocumentAudience = Schemas['DocumentAudience'];
export const CONVERSIONS = conversionValues;
export type Conversion = Schemas['Conversion'];
/** A short-lived link to a version's bytes (absolute presigned, or relative /api/files/…). */
export type FileLink = Schemas['Link'];
export type LinkInput = Schemas['LinkInput'];
export const LINK_KINDS = linkKindValues;
export type LinkKind = Schemas['LinkKind'];
export type ReceiptTable = Schemas['ReceiptTable'];
export type ReceiptColumn = Schemas['ReceiptColumn'];
export type ReceiptRow = Schemas['ReceiptRow'];
export type ReceiptCell = Schemas['ReceiptCell'];
export const READ_STATES = readStateValues;
export type ReadState = Schemas['ReadState'];
export type Reminded = Schemas['Reminded'];
export type AnnotationView = Schemas['AnnotationView'];
export type AnnotationInput = Schemas['AnnotationInput'];
export const ANNOTATION_KINDS = kindValues;
export type AnnotationKind = Schemas['Kind'];
export const SHARINGS = sharingValues;
export type Sharing = Schemas['Sharing'];
/** GET /api/meetings/{id}/pack: "Tải về để đọc ngoại tuyến". */
export type Pack = Schemas['Pack'];
export type PackFile = Schemas['PackFile'];

// ---- Votes (issue 9) ----

export const POLL_KINDS = pollKindValues;
export type PollKind = Schemas['PollKind'];
export const POLL_STATES = pollStateValues;
export type PollState = Schemas['PollState'];
export const ELECTION_STYLES = electionStyleValues;
export type ElectionStyle = Schemas['ElectionStyle'];
/** What a majority is counted on: all members, those present, the votes cast, yes + no. */
export const MAJORITY_BASES = baseValues;
export type MajorityBase = Schemas['Base'];
export const THRESHOLDS = thresholdValues;
export type Threshold = Schemas['Threshold'];
export const TIE_RULES = tieValues;
export type TieRule = Schemas['Tie'];
/** A yes/no ballot's value: YES, NO, ABSTAIN. */
export const VOTE_VALUES = yesNoValues;
export type VoteValue = Schemas['YesNo'];
export const RATINGS = ratingValues;
export type Rating = Schemas['Rating'];
export const DECISIONS = decisionValues;
export type Decision = Schemas['Decision'];
export const OUTCOMES = outcomeValues;
export type Outcome = Schemas['Outcome'];

/** A poll as the signed-in person sees it: its count, their own ballots (`mine`), what they may do (`can`). */
export type Poll = Schemas['PollView'];
export type PollInput = Schemas['PollInput'];
/** The majority rule with its words (`text`, in the request's language). */
export type PollRule = Schemas['RuleView'];
export type PollRuleInput = Schemas['RuleInput'];
export type PollOption = Schemas['OptionView'];
/** What the caller may do with a poll now (decided by the server). */
export type PollCan = Schemas['PollCan'];
/** One ballot the caller casts: their own, or a principal's whose proxy they hold. */
export type MyBallot = Schemas['MyVote'];
/** What a ballot chose: a value, the candidates it keeps, or a rating per candidate. */
export type Choice = Schemas['BallotChoice'];
export type BallotInput = Schemas['BallotInput'];
export type BallotAck = Schemas['BallotAck'];
/** An analog poll's figures from one source (the hall, or a room). */
export type CountInput = Schemas['CountInput'];
export type OptionCount = Schemas['OptionCount'];
export type PollResult = Schemas['PollResult'];
export type OptionResult = Schemas['OptionResult'];
/** GET /api/polls/{id}/receipts: every receipt with its choice, the tally recomputed, the chain link. */
export type ReceiptList = Schemas['ReceiptList'];
export type ReceiptEntry = Schemas['ReceiptEntry'];
/** GET /api/polls/{id}/voters: who may vote, who has. */
export type Voters = Schemas['Voters'];
export type VoterRow = Schemas['VoterRow'];

// ---- Minutes, signatures (issue 11) ----

export const MINUTES_STATES = minutesStateValues;
export type MinutesState = Schemas['MinutesState'];
export const MINUTES_KINDS = minutesKindValues;
export type MinutesKind = Schemas['MinutesKind'];
export const SIGNER_ROLES = signerRoleValues;
export type SignerRole = Schemas['SignerRole'];
/** How a signature was made: on the server (the organisation's certificate) or by hash (a USB token, a remote service). */
export type SignMethod = Schemas['Method'];
/** GET /api/meetings/{id}/minutes: the minutes the caller may see (none before the draft), the corrections, what the caller may do. */
export type MinutesPage = Schemas['MinutesPage'];
export type Minutes = Schemas['MinutesView'];
/** What the caller may do with the meeting's minutes now (decided by the server). */
export type MinutesCan = Schemas['MinutesCan'];
export type MinutesSummary = Schemas['MinutesSummary'];
export type MinutesInput = Schemas['MinutesInput'];
export type MinutesSignature = Schemas['SignatureView'];
/** A signature prepared for an outside signer: the digest to sign, until when. */
export type PendingSignature = Schemas['Pending'];
/** The heads of the record's hash chains the PDF carries. */
export type RecordHeads = Schemas['RecordHeads'];
export type MinutesVersionSummary = Schemas['VersionSummary'];
export type MinutesVersion = Schemas['MinutesVersionView'];
/** What changed between two versions, one line per block of text. */
export type MinutesDiff = Schemas['Diff'];
export type MinutesDiffLine = Schemas['DiffLine'];
/** The check of a signed PDF: each signature, and whether the file changed after them. */
export type MinutesVerification = Schemas['MinutesVerification'];
export type SignatureCheck = Schemas['SignatureCheckView'];

// ---- Conclusions and tasks (issue 11) ----

export type Conclusions = Schemas['Conclusions'];
export type Conclusion = Schemas['ConclusionView'];
export type ConclusionInput = Schemas['ConclusionInput'];
export type Task = Schemas['TaskView'];
export type TaskInput = Schemas['TaskInput'];
/** What the caller may do with a task now (decided by the server). */
export type TaskCan = Schemas['TaskCan'];
export type TaskDetail = Schemas['TaskDetail'];
export type TaskUpdate = Schemas['UpdateView'];
export type TaskCounts = Schemas['Counts'];
export type TaskOverview = Schemas['Overview'];
export type UnitTaskCounts = Schemas['UnitCounts'];
export const TASK_PRIORITIES = taskPriorityValues;
export type TaskPriority = Schemas['TaskPriority'];
export const TASK_STATES = taskStateValues;
export type TaskState = Schemas['TaskState'];
export const TASK_UPDATE_KINDS = taskUpdateKindValues;
export type TaskUpdateKind = Schemas['TaskUpdateKind'];

/** `value` when it is one of `values` (narrows a plain string from the server to a union). */
export function oneOf<T extends string>(values: readonly T[], value: string | null | undefined): T | undefined {
  return values.find((v) => v === value);
}
