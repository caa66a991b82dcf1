/** What the fuzzer knows about a field: its kind, whether it is required, and its size limit. */
export type FieldKind = 'text' | 'id' | 'userId' | 'date' | 'enum' | 'bool' | 'idList' | 'userIdList' | 'commitments';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** Longest accepted text (text fields), or most items (lists). */
  max?: number;
  /** A value the API accepts for this field. */
  valid: unknown;
}

/** Who sends the body: a person allowed to run the command, so a refusal can only be the input's fault. */
export type Sender = 'deputy' | 'staff' | 'supervisor' | 'unit' | 'admin' | 'anonymous';

export interface EndpointSpec {
  name: string;
  /** `:id` is replaced by a suggestion that exists. */
  path: string;
  sender: Sender;
  fields: FieldSpec[];
}

/** A date the DTOs accept (the domain may still refuse it by its rules, e.g. past the extension maximum). */
const NEXT_YEAR_END = `${new Date().getUTCFullYear() + 1}-12-31`;

const text = (name: string, max: number, required = true): FieldSpec => ({ name, kind: 'text', required, max, valid: '有效的文本' });

/** Every POST of the API with its body fields, as the DTOs define them (limits from apps/api/src/suggestions/dto/limits.ts). */
export const ENDPOINTS: EndpointSpec[] = [
  {
    name: 'submit',
    path: '/api/suggestions',
    sender: 'deputy',
    fields: [
      text('title', 200),
      text('content', 20000),
      { name: 'coSignerIds', kind: 'userIdList', required: false, max: 50, valid: ['deputy2'] },
      { name: 'sessionId', kind: 'id', required: false, valid: 'legacy' },
      { name: 'byDelegation', kind: 'bool', required: false, valid: false },
    ],
  },
  { name: 'accept', path: '/api/suggestions/:id/accept', sender: 'staff', fields: [] },
  { name: 'reject', path: '/api/suggestions/:id/reject', sender: 'staff', fields: [text('reason', 2000)] },
  {
    name: 'assign',
    path: '/api/suggestions/:id/assign',
    sender: 'staff',
    fields: [
      { name: 'mode', kind: 'enum', required: true, valid: 'sole' },
      { name: 'unitIds', kind: 'idList', required: true, max: 50, valid: ['traffic'] },
      { name: 'leadUnitId', kind: 'id', required: false, valid: 'traffic' },
    ],
  },
  // Batches: each item is its own command, so an id that names nothing is that item's 404, not the body's fault.
  { name: 'batch-accept', path: '/api/suggestions/batch/accept', sender: 'staff', fields: [{ name: 'ids', kind: 'idList', required: true, max: 2000, valid: ['no-such-suggestion'] }] },
  {
    name: 'batch-assign',
    path: '/api/suggestions/batch/assign',
    sender: 'staff',
    fields: [
      { name: 'ids', kind: 'idList', required: true, max: 2000, valid: ['no-such-suggestion'] },
      { name: 'mode', kind: 'enum', required: true, valid: 'sole' },
      { name: 'unitIds', kind: 'idList', required: true, max: 50, valid: ['traffic'] },
      { name: 'leadUnitId', kind: 'id', required: false, valid: 'traffic' },
    ],
  },
  { name: 'request-return', path: '/api/suggestions/:id/request-return', sender: 'unit', fields: [text('reason', 2000)] },
  {
    name: 'decide-return',
    path: '/api/suggestions/:id/decide-return',
    sender: 'staff',
    fields: [{ name: 'approve', kind: 'bool', required: true, valid: true }, text('reason', 2000, false)],
  },
  {
    name: 'transfer',
    path: '/api/suggestions/:id/transfer',
    sender: 'staff',
    fields: [
      { name: 'fromUnitId', kind: 'id', required: true, valid: 'traffic' },
      { name: 'toUnitId', kind: 'id', required: true, valid: 'health' },
      text('reason', 2000),
    ],
  },
  { name: 'contact', path: '/api/suggestions/:id/contact', sender: 'unit', fields: [text('method', 50), text('summary', 2000)] },
  { name: 'co-opinion', path: '/api/suggestions/:id/co-opinion', sender: 'unit', fields: [text('content', 20000)] },
  {
    name: 'request-extension',
    path: '/api/suggestions/:id/request-extension',
    sender: 'unit',
    fields: [text('reason', 2000), { name: 'until', kind: 'date', required: true, valid: NEXT_YEAR_END }],
  },
  {
    name: 'decide-extension',
    path: '/api/suggestions/:id/decide-extension',
    sender: 'staff',
    fields: [{ name: 'approve', kind: 'bool', required: true, valid: false }, text('reason', 2000, false)],
  },
  {
    name: 'supervise',
    path: '/api/suggestions/:id/supervise',
    sender: 'supervisor',
    fields: [{ name: 'supervisorId', kind: 'userId', required: true, valid: 'super1' }, text('leaderName', 100, false)],
  },
  { name: 'urge', path: '/api/suggestions/:id/urge', sender: 'supervisor', fields: [text('note', 2000)] },
  {
    name: 'answer',
    path: '/api/suggestions/:id/answer',
    sender: 'unit',
    fields: [
      { name: 'category', kind: 'text', required: true, max: 50, valid: 'B' },
      text('content', 20000),
      text('signedBy', 100),
      { name: 'commitments', kind: 'commitments', required: false, max: 50, valid: [{ description: '年内完成', dueAt: NEXT_YEAR_END }] },
    ],
  },
  {
    name: 'rate',
    path: '/api/suggestions/:id/rate',
    sender: 'deputy',
    fields: [
      { name: 'attitude', kind: 'enum', required: true, valid: 'satisfied' },
      { name: 'result', kind: 'enum', required: true, valid: 'dissatisfied' },
      text('reason', 2000, false),
      { name: 'unitId', kind: 'id', required: false, valid: 'traffic' },
    ],
  },
  {
    name: 'fulfil-commitment',
    path: '/api/suggestions/:id/fulfil-commitment',
    sender: 'unit',
    fields: [{ name: 'commitmentId', kind: 'id', required: true, valid: 'C1' }, text('evidence', 2000)],
  },
  { name: 'withdraw', path: '/api/suggestions/:id/withdraw', sender: 'deputy', fields: [text('reason', 2000)] },
  {
    name: 'rate-commitments',
    path: '/api/suggestions/:id/rate-commitments',
    sender: 'deputy',
    fields: [
      { name: 'rating', kind: 'enum', required: true, valid: 'satisfied' },
      text('reason', 2000, false),
      { name: 'unitId', kind: 'id', required: false, valid: 'traffic' },
    ],
  },
  {
    name: 'rehandle',
    path: '/api/suggestions/:id/rehandle',
    sender: 'staff',
    fields: [text('reason', 2000), { name: 'unitId', kind: 'id', required: false, valid: 'traffic' }],
  },
  { name: 'close', path: '/api/suggestions/:id/close', sender: 'staff', fields: [] },
  { name: 'publish', path: '/api/suggestions/:id/publish', sender: 'staff', fields: [] },
  { name: 'acknowledge-answer', path: '/api/suggestions/:id/acknowledge-answer', sender: 'deputy', fields: [] },
  {
    name: 'exempt',
    path: '/api/suggestions/:id/exempt',
    sender: 'staff',
    fields: [{ name: 'reason', kind: 'enum', required: true, valid: 'privacy' }, text('note', 2000, false)],
  },
  // A multipart upload: every JSON body is refused (400, no file), which is what the fuzzer checks.
  { name: 'attachments', path: '/api/suggestions/:id/attachments', sender: 'unit', fields: [] },
  {
    name: 'create unit',
    path: '/api/units',
    sender: 'admin',
    fields: [{ name: 'id', kind: 'id', required: true, valid: 'fuzz-unit' }, text('name', 100)],
  },
  {
    name: 'create user',
    path: '/api/users',
    sender: 'admin',
    fields: [
      { name: 'username', kind: 'userId', required: true, valid: 'fuzz-user' },
      { name: 'password', kind: 'text', required: true, max: 200, valid: 'long-enough-password' },
      text('displayName', 100),
      { name: 'role', kind: 'enum', required: true, valid: 'deputy' },
      { name: 'unitId', kind: 'id', required: false, valid: 'traffic' },
    ],
  },
  {
    name: 'open session',
    path: '/api/sessions',
    sender: 'staff',
    fields: [
      text('name', 100),
      { name: 'kind', kind: 'enum', required: true, valid: 'congress' },
      { name: 'startsOn', kind: 'date', required: true, valid: '2026-01-10' },
      { name: 'endsOn', kind: 'date', required: false, valid: '2026-01-14' },
    ],
  },
  {
    name: 'create delegation',
    path: '/api/delegations',
    sender: 'staff',
    fields: [text('name', 100), { name: 'headDeputyId', kind: 'userId', required: false, valid: 'deputy1' }],
  },
  {
    name: 'login',
    path: '/api/auth/login',
    sender: 'anonymous',
    fields: [
      { name: 'username', kind: 'text', required: true, max: 64, valid: 'deputy1' },
      { name: 'password', kind: 'text', required: true, max: 200, valid: 'password-e2e' },
    ],
  },
  {
    name: 'change password',
    path: '/api/auth/password',
    sender: 'deputy',
    fields: [
      { name: 'currentPassword', kind: 'text', required: true, max: 200, valid: 'password-e2e' },
      { name: 'newPassword', kind: 'text', required: true, max: 200, valid: 'new-password-e2e' },
    ],
  },
  {
    name: 'test clock',
    path: '/api/test-clock',
    sender: 'admin',
    fields: [{ name: 'now', kind: 'date', required: true, valid: '2026-10-09T02:00:00Z' }],
  },
];

export function validBody(endpoint: EndpointSpec): Record<string, unknown> {
  return Object.fromEntries(endpoint.fields.map((f) => [f.name, f.valid]));
}

/** GET routes and their query parameters, for the query-string cases. */
export const QUERY_ENDPOINTS: { name: string; path: string; params: string[] }[] = [
  {
    name: 'list',
    path: '/api/suggestions',
    params: ['status', 'unitId', 'deputyId', 'overdue', 'keySupervised', 'q', 'page', 'pageSize', 'after', 'sessionId', 'year', 'delegationId'],
  },
  { name: 'sessions', path: '/api/sessions', params: ['after'] },
  { name: 'delegations', path: '/api/delegations', params: ['after'] },
  { name: 'detail', path: '/api/suggestions/:id', params: ['after', 'asOf'] },
  { name: 'unit stats', path: '/api/stats/units', params: ['sessionId', 'year', 'from', 'to', 'after'] },
  { name: 'unit stats sheet', path: '/api/stats/units.xlsx', params: ['sessionId', 'year', 'from', 'to'] },
  { name: 'overview', path: '/api/stats/overview', params: ['sessionId', 'year', 'from', 'to', 'after'] },
  { name: 'timeline', path: '/api/suggestions/:id/timeline', params: ['after'] },
  { name: 'users', path: '/api/users', params: ['role', 'after'] },
  { name: 'units', path: '/api/units', params: ['after'] },
];
