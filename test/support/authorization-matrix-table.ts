// The authorization matrix's table, apart from its e2e spec so the completeness spec
// (apps/api/src/completeness.spec.ts) can check that every command route has its row.

/** Who acts, relative to the suggestion at hand (lead mode: traffic leads, housing co-handles). */
export const ROLES = [
  'deputy-lead', // 领衔代表 (deputy1)
  'deputy-signer', // 附议代表 (deputy2)
  'deputy-other', // a deputy who did not sign (deputy3)
  'staff',
  'supervisor',
  'unit-assigned-lead', // 主办单位 (traffic)
  'unit-co-handler', // 协办单位 (housing)
  'unit-not-assigned', // (education)
  'admin',
  'anonymous',
] as const;
export type Role = (typeof ROLES)[number];

/** The state each command needs, so that a refusal in the table can only mean "not this person". */
export type Needs = 'nothing' | 'open-session' | 'unit-account' | 'deputy-account' | 'unit-user-account' | 'submitted' | 'accepted' | 'assigned' | 'return-pending' | 'extension-pending' | 'answered' | 'answered-with-commitment' | 'rated';

export type Row = [endpoint: string, needs: Needs, expected: readonly number[]];

/**
 * THE TABLE. One row per command endpoint, one column per role, in the order of ROLES. 404: the
 * person may not read the suggestion (a deputy who neither leads nor signed it, a unit it is not
 * assigned to), so every command answers as the detail does, as if it did not exist; 403: they may
 * read it but not do this.
 *
 *                                                   d-lead d-sign d-othr staff  super  u-lead u-co   u-none admin  anon */
export const MATRIX: readonly Row[] = [
  // Staff and admins may register a suggestion only on a named deputy's behalf: without leadDeputyId, 400 naming it.
  ['POST /api/suggestions',                'nothing',                  [201,   201,   201,   400,   403,   403,   403,   403,   400,   401]],
  [':id/accept',                           'submitted',                [403,   403,   404,   200,   403,   404,   404,   404,   200,   401]],
  [':id/reject',                           'submitted',                [403,   403,   404,   200,   403,   404,   404,   404,   200,   401]],
  [':id/assign',                           'accepted',                 [403,   403,   404,   200,   403,   404,   404,   404,   200,   401]],
  [':id/request-return',                   'assigned',                 [403,   403,   404,   403,   403,   200,   200,   404,   403,   401]],
  [':id/decide-return',                    'return-pending',           [403,   403,   404,   200,   403,   403,   403,   404,   200,   401]],
  [':id/transfer',                         'assigned',                 [403,   403,   404,   200,   403,   403,   403,   404,   200,   401]],
  [':id/contact',                          'assigned',                 [403,   403,   404,   403,   403,   200,   200,   404,   403,   401]],
  [':id/co-opinion',                       'assigned',                 [403,   403,   404,   403,   403,   403,   200,   404,   403,   401]],
  [':id/request-extension',                'assigned',                 [403,   403,   404,   403,   403,   200,   403,   404,   403,   401]],
  [':id/decide-extension',                 'extension-pending',        [403,   403,   404,   200,   403,   403,   403,   404,   200,   401]],
  [':id/supervise',                        'assigned',                 [403,   403,   404,   200,   200,   403,   403,   404,   200,   401]],
  [':id/urge',                             'assigned',                 [403,   403,   404,   200,   200,   403,   403,   404,   200,   401]],
  [':id/answer',                           'assigned',                 [403,   403,   404,   403,   403,   200,   403,   404,   403,   401]],
  [':id/rate',                             'answered',                 [200,   403,   404,   403,   403,   403,   403,   404,   403,   401]],
  [':id/fulfil-commitment',                'answered-with-commitment', [403,   403,   404,   403,   403,   200,   403,   404,   403,   401]],
  // The national rulebook starts re-handling on the rating itself: staff may, but have nothing to decide (409).
  [':id/rehandle',                         'rated',                    [403,   403,   404,   409,   403,   403,   403,   404,   409,   401]],
  // Only 重庆 rates commitment fulfilment: under the national rulebook the lead deputy is told it does not apply (409).
  [':id/rate-commitments',                 'answered-with-commitment', [409,   403,   404,   403,   403,   403,   403,   404,   403,   401]],
  [':id/withdraw',                         'submitted',                [200,   403,   404,   403,   403,   404,   404,   404,   403,   401]],
  [':id/close',                            'rated',                    [403,   403,   404,   200,   403,   403,   403,   404,   200,   401]],
  [':id/publish',                          'answered',                 [403,   403,   404,   200,   403,   403,   403,   404,   200,   401]],
  [':id/acknowledge-answer',               'answered',                 [200,   403,   404,   403,   403,   403,   403,   404,   403,   401]],
  [':id/exempt',                           'submitted',                [403,   403,   404,   200,   403,   404,   404,   404,   200,   401]],
  [':id/attachments',                      'assigned',                 [201,   201,   404,   201,   403,   201,   201,   404,   201,   401]],
  // Batches answer 200 with a result per item; who may send one at all is this row.
  ['POST /api/suggestions/batch/accept',   'submitted',                [403,   403,   403,   200,   403,   403,   403,   403,   200,   401]],
  ['POST /api/suggestions/batch/assign',   'accepted',                 [403,   403,   403,   200,   403,   403,   403,   403,   200,   401]],
  ['POST /api/units',                      'nothing',                  [403,   403,   403,   403,   403,   403,   403,   403,   201,   401]],
  ['POST /api/users',                      'nothing',                  [403,   403,   403,   403,   403,   403,   403,   403,   201,   401]],
  // Accounts edited after creation (each cell on a fresh unit or account the admin just made). A
  // deputy may change their own phone (account-editing.e2e-spec.ts), never another's.
  ['POST /api/units/{id}/name',            'unit-account',             [403,   403,   403,   403,   403,   403,   403,   403,   200,   401]],
  ['POST /api/users/{id}/delegation',      'deputy-account',           [403,   403,   403,   403,   403,   403,   403,   403,   200,   401]],
  ['POST /api/users/{id}/unit',            'unit-user-account',        [403,   403,   403,   403,   403,   403,   403,   403,   200,   401]],
  ['POST /api/users/{id}/phone',           'deputy-account',           [403,   403,   403,   403,   403,   403,   403,   403,   200,   401]],
  ['POST /api/delegations',                'nothing',                  [403,   403,   403,   201,   403,   403,   403,   403,   201,   401]],
  ['POST /api/sessions',                   'nothing',                  [403,   403,   403,   201,   403,   403,   403,   403,   201,   401]],
  ['POST /api/sessions/{id}/close',        'open-session',             [403,   403,   403,   200,   403,   403,   403,   403,   200,   401]],
  ['POST /api/sessions/{id}/assignment-date', 'open-session',          [403,   403,   403,   200,   403,   403,   403,   403,   200,   401]],
  // Reads with a rule of their own (they append nothing): 智能交办 is for those who assign, and its
  // reasons name any past suggestion; similar ones are scoped to the caller, so only who may read
  // the suggestion may ask.
  ['GET :id/routing',                      'accepted',                 [403,   403,   403,   200,   403,   403,   403,   403,   200,   401]],
  ['GET :id/similar',                      'assigned',                 [200,   200,   404,   200,   200,   200,   200,   404,   200,   401]],
  // Deputies' phone numbers: for staff and the units handling the suggestion (they call before answering).
  ['GET :id/deputy-contacts',              'assigned',                 [403,   403,   403,   200,   403,   200,   200,   404,   200,   401]],
];

/**
 * POST routes that are not commands on one suggestion by one person, with why: sessions, the test
 * clock, the inbox (the caller's own notifications) and the group routes. A group route answers 200
 * with a result per member (each member's refusal inside it), so a status-per-role row cannot say
 * who may use it; test/supervision/grouping.e2e-spec.ts checks who may form, assign and answer.
 */
export const NOT_IN_MATRIX = new Map([
  ['/api/auth/login', 'sessions are tested in sessions-and-edge.e2e-spec.ts'],
  ['/api/auth/password', 'a person changes only their own password (auth.e2e-spec.ts)'],
  ['/api/auth/logout', 'a person ends only their own session (sessions-end.e2e-spec.ts)'],
  ['/api/users/{id}/deactivate', 'admin only, not on oneself; ends sessions (sessions-end.e2e-spec.ts)'],
  ['/api/users/{id}/reactivate', 'admin only (sessions-end.e2e-spec.ts)'],
  ['/api/users/{id}/password', 'admin only, not on oneself; ends sessions (account-administration.e2e-spec.ts)'],
  ['/api/users/{id}/role', 'admin only, not on oneself; ends sessions (sessions-end.e2e-spec.ts)'],
  ['/api/test-clock', 'admin only, never in production (test-clock.e2e-spec.ts)'],
  ['/api/calendar/overrides', 'admin only, no suggestion: loads a holiday notice and recomputes provisional deadlines (provisional-deadlines.e2e-spec.ts)'],
  ['/api/operations/parked/retry', 'admin only, no suggestion: releases parked read-model streams (read-side-survives.e2e-spec.ts)'],
  ['/api/groups', 'several suggestions at once, a result per member (supervision/grouping.e2e-spec.ts)'],
  ['/api/groups/{groupId}/assign', 'several suggestions at once, a result per member (supervision/grouping.e2e-spec.ts)'],
  ['/api/groups/{groupId}/answer', 'several suggestions at once, a result per member (supervision/grouping.e2e-spec.ts)'],
  ['/api/imports/suggestions', 'a multipart upload, staff and admins only (import-and-batch.e2e-spec.ts checks who may)'],
  ['/api/imports/assignments', 'a multipart upload, staff and admins only (import-and-batch.e2e-spec.ts checks who may)'],
  ['/api/inbox/read', 'the caller’s own notifications'],
  ['/api/inbox/read-all', 'the caller’s own notifications'],
  ['/api/inbox/{id}/read', 'the caller’s own notifications'],
]);

/** The endpoints the table has rows for, as the completeness spec compares them with the routes. */
export const AUTHORIZATION_MATRIX_ENDPOINTS: readonly string[] = MATRIX.map(([endpoint]) => endpoint);
