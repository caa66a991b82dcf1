import { SYSTEM_ACTOR } from '../shared/actor';
import { SuggestionEvent } from '../suggestion/events';
import { Stamped } from '../suggestion/state';
import { DEADLINES, leadDeputy, stamp, staff, T, unitUser } from './fixtures';

/** Events of the deadline, grouping and disclosure stories, beside those of fixtures.ts. */

export const contacted = (unitId: string, at: string = T.early): Stamped<SuggestionEvent> =>
  stamp({ type: 'DeputyContacted', data: { unitId, method: '电话', summary: '电话沟通办理思路' } }, at, unitUser(unitId));

export const coOpinion = (unitId: string, at: string = T.early): Stamped<SuggestionEvent> =>
  stamp({ type: 'CoHandlerOpinionSubmitted', data: { unitId, content: '同意主办单位意见' } }, at, unitUser(unitId));

export const returnRequested = (unitId: string, at: string = T.early): Stamped<SuggestionEvent> =>
  stamp({ type: 'ReturnRequested', data: { unitId, reason: '不属于本单位职责' } }, at, unitUser(unitId));

export const returnDenied = (unitId: string, at: string = T.early): Stamped<SuggestionEvent> =>
  stamp({ type: 'ReturnDenied', data: { unitId } }, at, staff);

/** Approved at T.early: staff must assign again within 10 working days (03-11 … 03-24). */
export const RETURN_ASSIGN_DUE_AT = '2026-03-24T16:00:00.000Z';
export const returnApproved = (unitId: string, at: string = T.early): Stamped<SuggestionEvent> =>
  stamp({ type: 'ReturnApproved', data: { unitId, assignDueAt: RETURN_ASSIGN_DUE_AT } }, at, staff);

export const reassignedSole = (unitId: string, at: string): Stamped<SuggestionEvent> =>
  stamp({ type: 'SuggestionReassigned', data: { mode: 'sole', units: [{ unitId, role: 'sole' }], ...DEADLINES } }, at, staff);

export const extensionGranted = (unitId: string, until: string, at: string = T.early): Stamped<SuggestionEvent>[] => [
  stamp({ type: 'ExtensionRequested', data: { unitId, reason: '需协调多个部门', until } }, at, unitUser(unitId)),
  stamp({ type: 'ExtensionGranted', data: { unitId, until } }, at, staff),
];

export const commitmentFulfilled = (commitmentId: string, unitId: string, at: string): Stamped<SuggestionEvent> =>
  stamp({ type: 'CommitmentFulfilled', data: { commitmentId, unitId, evidence: '已落实' } }, at, unitUser(unitId));

export const closed = (at: string): Stamped<SuggestionEvent> => stamp({ type: 'SuggestionClosed', data: {} }, at, staff);

export const withdrawn = (at: string = T.early): Stamped<SuggestionEvent> =>
  stamp({ type: 'SuggestionWithdrawn', data: { reason: '问题已解决' } }, at, leadDeputy);

/** Events the scheduler decided, stamped as it appends them. */
export const bySystem = (events: SuggestionEvent[], at: string): Stamped<SuggestionEvent>[] =>
  events.map((event) => stamp(event, at, SYSTEM_ACTOR));
