import { given } from '../../../testing/given';
import {
  accepted,
  admin,
  answered,
  assignedSole,
  leadDeputy,
  soleHistory,
  stamp,
  staff,
  submitted,
  supervisor,
  SUGGESTION_ID,
  T,
  TRANSPORT,
  unitUser,
} from '../../../testing/fixtures';

const MEMBERS = [SUGGESTION_ID, 'S-2026-0002', 'S-2026-0003'];
const group = (data: Partial<{ groupId: string; primarySuggestionId: string; memberIds: string[] }> = {}) =>
  ({ type: 'GroupSuggestion', data: { groupId: 'G-2026-01', primarySuggestionId: 'S-2026-0002', memberIds: MEMBERS, ...data } }) as const;
const asStaff = { now: T.accepted, actor: staff };
const grouped = stamp(
  { type: 'SuggestionGrouped', data: { groupId: 'G-2026-01', primarySuggestionId: 'S-2026-0002', memberIds: MEMBERS } },
  T.accepted,
  staff,
);

describe('GroupSuggestion (并案)', () => {
  it.each([
    ['submitted', [submitted()]],
    ['accepted', [submitted(), accepted()]],
  ])('links a %s suggestion into a group', (_status, history) => {
    const story = given(...history).when(group(), asStaff);
    story.then([{ type: 'SuggestionGrouped', data: { groupId: 'G-2026-01', primarySuggestionId: 'S-2026-0002', memberIds: MEMBERS } }]);
    expect(story.thenState()).toMatchObject({
      groupId: 'G-2026-01',
      group: { primarySuggestionId: 'S-2026-0002', memberIds: MEMBERS, groupedAt: T.accepted },
    });
  });

  it('is for staff and admins only', () => {
    given(submitted()).when(group(), { now: T.accepted, actor: admin }).then([expect.objectContaining({ type: 'SuggestionGrouped' })]);
    for (const actor of [leadDeputy, supervisor, unitUser(TRANSPORT)]) {
      given(submitted()).when(group(), { now: T.accepted, actor }).thenThrows('group.only_staff', 'forbidden');
    }
  });

  it('is refused once assigned, and for a suggestion already grouped', () => {
    given(...soleHistory()).when(group(), asStaff).thenThrows('group.not_open', 'conflict');
    given(submitted(), grouped).when(group({ groupId: 'G-2026-02' }), asStaff).thenThrows('group.already_grouped', 'conflict');
  });

  it('checks the member list: this suggestion and the primary in it, at least two, none twice', () => {
    given(submitted()).when(group({ memberIds: ['S-2026-0002', 'S-2026-0003'] }), asStaff).thenThrows('group.not_member', 'invalid', 'memberIds');
    given(submitted()).when(group({ primarySuggestionId: 'S-2026-0009' }), asStaff).thenThrows('group.primary_not_member', 'invalid', 'primarySuggestionId');
    given(submitted())
      .when(group({ memberIds: [SUGGESTION_ID], primarySuggestionId: SUGGESTION_ID }), asStaff)
      .thenThrows('group.needs_two', 'invalid', 'memberIds');
    given(submitted()).when(group({ memberIds: [SUGGESTION_ID, 'S-2026-0002', 'S-2026-0002'] }), asStaff).thenThrows('group.members_duplicate', 'invalid', 'memberIds');
    given(submitted()).when(group({ memberIds: [SUGGESTION_ID, ' '] }), asStaff).thenThrows('group.member_empty', 'invalid', 'memberIds');
    given(submitted()).when(group({ groupId: '  ' }), asStaff).thenThrows('group.id_required', 'invalid', 'groupId');
  });

  it('changes nothing else: a grouped member is assigned, answered and rated on its own', () => {
    const history = [submitted(), grouped, accepted(), assignedSole(TRANSPORT), answered(TRANSPORT, { feedbackDueAt: '2026-05-09T16:00:00.000Z' })];
    given(...history)
      .when({ type: 'RateSuggestion', data: { attitude: 'satisfied', result: 'satisfied' } }, { now: T.rated, actor: leadDeputy })
      .then([{ type: 'SuggestionRated', data: { unitId: TRANSPORT, round: 1, attitude: 'satisfied', result: 'satisfied' } }]);
    expect(given(...history).state).toMatchObject({ status: 'answered', groupId: 'G-2026-01' });
  });

  describe('UngroupSuggestion (releasing a member of a group that could not be completed)', () => {
    const ungroup = (groupId = 'G-2026-01') => ({ type: 'UngroupSuggestion', data: { groupId, reason: '并案冲突' } }) as const;

    it('frees the suggestion, which may then join another group', () => {
      const story = given(submitted(), grouped).when(ungroup(), asStaff);
      story.then([{ type: 'SuggestionUngrouped', data: { groupId: 'G-2026-01', reason: '并案冲突' } }]);
      const released = story.thenState();
      expect(released).not.toHaveProperty('groupId');
      expect(released).not.toHaveProperty('group');
      const releasedEvent = stamp({ type: 'SuggestionUngrouped', data: { groupId: 'G-2026-01', reason: '并案冲突' } }, T.accepted, staff);
      given(submitted(), grouped, releasedEvent)
        .when(group({ groupId: 'G-2026-02' }), asStaff)
        .then([expect.objectContaining({ type: 'SuggestionGrouped', data: expect.objectContaining({ groupId: 'G-2026-02' }) })]);
    });

    it('only the group that holds the suggestion releases it, and only staff', () => {
      given(submitted(), grouped).when(ungroup('G-2026-02'), asStaff).thenThrows('group.not_in_group', 'conflict');
      given(submitted()).when(ungroup(), asStaff).thenThrows('group.not_in_group', 'conflict');
      given(submitted(), grouped).when(ungroup(), { now: T.accepted, actor: unitUser(TRANSPORT) }).thenThrows('group.only_staff', 'forbidden');
    });
  });
});
