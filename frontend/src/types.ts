// Types of the REST contract in docs/API.md. Ids are treated as opaque values
// (the contract does not fix numeric vs. string ids).

export type Id = number | string;

export const ROLES = ['ADMIN', 'SECRETARY', 'CHAIR', 'DELEGATE', 'ENDPOINT', 'OBSERVER'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: Id;
  username: string;
  fullName: string;
  position: string | null;
  unitId: Id | null;
  unitName: string | null;
  roles: Role[];
}

export interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  user: User;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface ImportRowError {
  line: number;
  column: string | null;
  reason: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  rows?: ImportRowError[];
}

// ---- Units ----

export const UNIT_LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'AGENCY', 'PARTY'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export interface Unit {
  id: Id;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: Id | null;
  parentName: string | null;
  active: boolean;
  mergedIntoId: Id | null;
  mergedIntoName: string | null;
  mergedAt: string | null;
}

/**
 * A node of GET /api/units/tree. API.md says "Unit + children + counts", but the server may leave
 * out parentName and the merge fields there, so those are optional (GET /api/units/{id} has them).
 */
export interface UnitNode
  extends Pick<Unit, 'id' | 'code' | 'name' | 'level' | 'parentId' | 'active'>,
    Partial<Pick<Unit, 'parentName' | 'mergedIntoId' | 'mergedIntoName' | 'mergedAt'>> {
  children: UnitNode[];
  endpointCount: number;
  peopleCount: number;
}

export interface UnitCreate {
  code: string;
  name: string;
  level: UnitLevel;
  parentId: Id | null;
}

export interface UnitUpdate extends UnitCreate {
  active: boolean;
}

export interface MergeResult {
  from: Unit;
  into: Unit;
  movedEndpoints: number;
  movedPeople: number;
  movedChildren: number;
  mergedAt: string;
}

export interface MergeRecord {
  fromId: Id;
  fromCode: string;
  fromName: string;
  intoId: Id;
  intoCode: string;
  intoName: string;
  mergedAt: string;
  mergedBy: string | null;
  movedEndpoints: number;
  movedPeople: number;
  movedChildren: number;
}

// ---- Endpoints ----

export const ENDPOINT_STATUSES = ['OFFLINE', 'CONNECTED', 'IN_CONFERENCE', 'DEGRADED'] as const;
export type EndpointStatus = (typeof ENDPOINT_STATUSES)[number];

export interface Endpoint {
  id: Id;
  code: string;
  name: string;
  unitId: Id;
  unitName: string | null;
  room: string | null;
  deviceAccount: string | null;
  active: boolean;
  status: EndpointStatus;
  lastSeenAt: string | null;
}

export interface EndpointCreate {
  code: string;
  name: string;
  unitId: Id | null;
  room: string | null;
  deviceAccount: string | null;
}

export interface EndpointUpdate extends EndpointCreate {
  active: boolean;
}

// ---- People ----

export interface Person {
  id: Id;
  username: string;
  fullName: string;
  position: string | null;
  unitId: Id | null;
  unitName: string | null;
  email: string | null;
  phone: string | null;
  roles: Role[];
  active: boolean;
}

export interface PersonCreate {
  username: string;
  fullName: string;
  position: string | null;
  unitId: Id | null;
  email: string | null;
  phone: string | null;
  roles: Role[];
  password?: string;
}

export interface PersonUpdate extends Omit<PersonCreate, 'password'> {
  active: boolean;
}

// ---- Import / export ----

export const IMPORT_KINDS = ['units', 'endpoints', 'people'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportResult {
  kind: ImportKind;
  rows: number;
  created: number;
  updated: number;
}

// ---- Audit ----

export interface AuditEntry {
  id: Id;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  detail: string | null;
  ip: string | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId?: Id | null;
  reason?: string | null;
}

// ---- Meetings (issue 3) ----

export const MEETING_KINDS = ['REGULAR', 'EXTRAORDINARY', 'THEMATIC', 'COUNCIL_SESSION'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const CONFIDENTIALITIES = ['NORMAL', 'INTERNAL', 'CONFIDENTIAL'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];

export const MEETING_STATUSES = [
  'DRAFT',
  'SCHEDULED',
  'IN_PROGRESS',
  'ENDED',
  'MINUTES_PUBLISHED',
  'ARCHIVED',
  'CANCELLED',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const PARTICIPANT_ROLES = ['CHAIR', 'SECRETARY', 'DELEGATE', 'PRESENTER', 'OBSERVER'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const ATTENDANCES = ['UNKNOWN', 'PRESENT_IN_ROOM', 'PRESENT_ONLINE', 'EXCUSED', 'ABSENT'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

export const RESPONSES = ['PENDING', 'ACCEPTED', 'TENTATIVE', 'DECLINED'] as const;
export type InvitationResponse = (typeof RESPONSES)[number];

export type DeliveryState = 'SENT' | 'PENDING' | 'FAILED' | 'NONE';

export interface MeetingSummary {
  id: Id;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startsAt: string;
  endsAt: string;
  hostUnitId: Id;
  hostUnitName: string | null;
  place: string | null;
  hostEndpointId: Id | null;
  hostEndpointName: string | null;
  chairId: Id;
  chairName: string | null;
  confidentiality: Confidentiality;
  participantCount: number;
  endpointCount: number;
  myRole: ParticipantRole | null;
  myAttendance: Attendance | null;
  myResponse: InvitationResponse | null;
}

export interface QuorumRule {
  numerator: number;
  denominator: number;
  strict: boolean;
}

export interface Clash {
  kind: 'PERSON' | 'ENDPOINT';
  name: string;
  meetingId: Id;
  meetingTitle: string;
  startsAt: string;
  endsAt: string;
}

export interface MeetingChange {
  kind: 'POSTPONED' | 'CANCELLED';
  at: string;
  by: string | null;
  oldStartsAt: string | null;
  oldEndsAt: string | null;
  newStartsAt: string | null;
  newEndsAt: string | null;
  reason: string | null;
}

export interface MeetingDetail extends MeetingSummary {
  secretaryId: Id | null;
  secretaryName: string | null;
  notes: string | null;
  cancelReason: string | null;
  postponements: number;
  quorum: QuorumRule;
  agendaVersion: number;
  agendaPublishedAt: string | null;
  agendaDirty: boolean;
  myParticipantId: Id | null;
  canManage: boolean;
  canRun: boolean;
  warnings: Clash[];
  history: MeetingChange[];
}

export interface MeetingInput {
  title: string;
  kind: MeetingKind;
  hostUnitId: Id | null;
  chairId: Id | null;
  secretaryId: Id | null;
  startsAt: string | null;
  endsAt: string | null;
  hostEndpointId: Id | null;
  place: string | null;
  confidentiality: Confidentiality;
  notes: string | null;
  quorum?: QuorumRule;
}

export interface Participant {
  id: Id;
  personId: Id;
  fullName: string;
  position: string | null;
  unitName: string | null;
  role: ParticipantRole;
  endpointId: Id | null;
  endpointName: string | null;
  voting: boolean;
  proxyToId: Id | null;
  proxyToName: string | null;
  proxiesHeld: { id: Id; fullName: string }[];
  attendance: Attendance;
  attendanceReason: string | null;
  attendanceAt: string | null;
  response: InvitationResponse;
  responseNote: string | null;
  respondedAt: string | null;
  invitedAt: string | null;
  email: DeliveryState;
  sms: DeliveryState;
}

export interface MeetingEndpoint {
  id: Id;
  endpointId: Id;
  code: string;
  name: string;
  unitName: string | null;
  layoutRole: string | null;
  headCount: number | null;
  headCountAt: string | null;
  status: EndpointStatus | null;
}

export interface EndpointsAdded {
  added: number;
  alreadyInvited: number;
  total: number;
}

export interface Quorum {
  votingMembers: number;
  present: number;
  required: number;
  reached: boolean;
  rule: string;
  missing: { participantId: Id; fullName: string; attendance: Attendance }[];
  presentInRoom: number;
  presentOnline: number;
  excused: number;
  absent: number;
}

export interface AttendanceLogEntry {
  participantId: Id;
  fullName: string;
  attendance: Attendance;
  at: string;
  by: string | null;
  reason: string | null;
  endpointName: string | null;
}

export interface AgendaItem {
  id: Id;
  parentId: Id | null;
  position: number;
  number: string;
  title: string;
  presenterId: Id | null;
  presenterName: string | null;
  plannedMinutes: number | null;
  description: string | null;
  children: AgendaItem[];
}

export interface Agenda {
  version: number;
  publishedAt: string | null;
  dirty: boolean;
  plannedMinutes: number;
  slotMinutes: number;
  overrun: boolean;
  items: AgendaItem[];
}

export interface AgendaItemInput {
  parentId?: Id | null;
  title: string;
  presenterId?: Id | null;
  presenterName?: string | null;
  plannedMinutes?: number | null;
  description?: string | null;
}

export interface AgendaVersion {
  number: number;
  publishedAt: string;
  publishedBy: string | null;
  changes: string | string[] | null;
}

export interface Delivery {
  id: Id;
  channel: 'EMAIL' | 'SMS';
  kind: string;
  recipient: string;
  personName: string | null;
  status: 'PENDING' | 'SENT' | 'FAILED';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface AppNotification {
  id: Id;
  kind: string;
  title: string;
  body: string | null;
  meetingId: Id | null;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage extends Page<AppNotification> {
  unread: number;
}
