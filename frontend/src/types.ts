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
