import { accepted, assignedSole, leadDeputy, staff, stamp, submitted, T, TRANSPORT } from '../testing/fixtures';
import { foldSuggestion } from './decider';
import { CORE_FIELDS } from './evolve';

describe('a status change keeps every field every suggestion has (coreOf is total)', () => {
  it('copies each field of SuggestionCore, the optional ones too once set', () => {
    const state = foldSuggestion([
      submitted(),
      stamp({ type: 'KeySupervisionStarted', data: { supervisorId: 'sv', leaderName: '王主任' } }, T.submitted, staff),
      stamp({ type: 'SuggestionGrouped', data: { groupId: 'g1', primarySuggestionId: 'S-2026-0001', memberIds: ['S-2026-0001', 'S-2'] } }, T.submitted, staff),
      stamp({ type: 'WithdrawalRequested', data: { deputyId: 'd-wang', reason: '已解决' } }, T.submitted, leadDeputy),
      accepted(),
      // Two status changes after every optional field is set: each goes through coreOf.
      assignedSole(TRANSPORT),
      stamp({ type: 'SuggestionWithdrawn', data: { reason: '已解决' } }, T.early, leadDeputy),
    ]);
    expect(state.status).toBe('withdrawn');
    const missing = Object.keys(CORE_FIELDS).filter((field) => !(field in state));
    expect(missing).toEqual([]);
  });
});
