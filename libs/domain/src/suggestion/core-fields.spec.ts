import { assignedSole, leadDeputy, staff, stamp, submitted, T, TRANSPORT } from '../testing/fixtures';
import { foldSuggestion } from './decider';
import { CORE_FIELDS } from './evolve';

describe('a status change keeps every field every suggestion has (coreOf is total)', () => {
  it('copies each field of SuggestionCore, the optional ones too once set', () => {
    const state = foldSuggestion([
      // Submitted by staff for a delegation, so every optional field of the submission is set.
      { ...submitted(), data: { ...(submitted().data as object), delegationId: 'dt-1', registeredBy: staff.userId } } as ReturnType<typeof submitted>,
      stamp({ type: 'KeySupervisionStarted', data: { supervisorId: 'sv', leaderName: '王主任' } }, T.submitted, staff),
      stamp({ type: 'SuggestionGrouped', data: { groupId: 'g1', primarySuggestionId: 'S-2026-0001', memberIds: ['S-2026-0001', 'S-2'] } }, T.submitted, staff),
      stamp(
        { type: 'AttachmentAdded', data: { attachmentId: 'S-2026-0001_0000000000000001', sha256: 'a'.repeat(64), name: '照片.png', size: 10, contentType: 'image/png', kind: 'material' } },
        T.submitted,
        leadDeputy,
      ),
      stamp({ type: 'SuggestionAccepted', data: { assignDueAt: '2026-03-16T16:00:00.000Z', number: 7 } }, T.accepted, staff),
      // Two status changes after every optional field is set: each goes through coreOf.
      assignedSole(TRANSPORT),
      stamp({ type: 'SuggestionWithdrawn', data: { reason: '已解决' } }, T.early, leadDeputy),
    ]);
    expect(state.status).toBe('withdrawn');
    const missing = Object.keys(CORE_FIELDS).filter((field) => !(field in state));
    expect(missing).toEqual([]);
  });
});
