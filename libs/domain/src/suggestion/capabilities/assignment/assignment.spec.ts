import { given } from '../../../testing/given';
import {
  accepted,
  admin,
  CO_OPINION_DUE_AT,
  DEADLINES,
  EDUCATION,
  HEALTH,
  leadDeputy,
  soleHistory,
  staff,
  submitted,
  supervisor,
  T,
  TRANSPORT,
  unitUser,
} from '../../../testing/fixtures';
import { stamp } from '../../../testing/fixtures';
import { SuggestionCommand } from '../../commands';

const assign = (data: Extract<SuggestionCommand, { type: 'AssignSuggestion' }>['data']): SuggestionCommand => ({
  type: 'AssignSuggestion',
  data,
});
const ctx = { now: T.assigned, actor: staff };
/** The national rulebook sets no contact deadline (代表法 第五十一条 names none): the fixtures' history has one, from before. */
const { contactDueAt: _contact, ...NATIONAL_DEADLINES } = DEADLINES;

describe('AssignSuggestion (交办)', () => {
  it('assigns to one unit with every deadline of the rulebook counted from now', () => {
    given(submitted(), accepted())
      .when(assign({ mode: 'sole', unitIds: [TRANSPORT] }), ctx)
      .then([{ type: 'SuggestionAssigned', data: { mode: 'sole', units: [{ unitId: TRANSPORT, role: 'sole' }], ...NATIONAL_DEADLINES } }]);
  });

  it('assigns a lead unit and co-handlers, with the co-handlers opinion deadline across Qingming', () => {
    given(submitted(), accepted())
      .when(assign({ mode: 'lead', unitIds: [EDUCATION, TRANSPORT, HEALTH], leadUnitId: TRANSPORT }), ctx)
      .then([
        {
          type: 'SuggestionAssigned',
          data: {
            mode: 'lead',
            units: [
              { unitId: EDUCATION, role: 'co' },
              { unitId: TRANSPORT, role: 'lead' },
              { unitId: HEALTH, role: 'co' },
            ],
            ...NATIONAL_DEADLINES,
            coOpinionDueAt: CO_OPINION_DUE_AT,
          },
        },
      ]);
  });

  it('assigns separately to several units, each answering for its part', () => {
    const story = given(submitted(), accepted()).when(assign({ mode: 'separate', unitIds: [TRANSPORT, EDUCATION] }), { now: T.assigned, actor: admin });
    story.then([
      {
        type: 'SuggestionAssigned',
        data: { mode: 'separate', units: [{ unitId: TRANSPORT, role: 'separate' }, { unitId: EDUCATION, role: 'separate' }], ...NATIONAL_DEADLINES },
      },
    ]);
    const state = story.thenState();
    expect(state.status).toBe('assigned');
    if (state.status !== 'assigned') return;
    expect(state.assignment.units.map((u) => [u.unitId, u.stage, u.round, u.dueAt])).toEqual([
      [TRANSPORT, 'handling', 1, DEADLINES.answerDueAt],
      [EDUCATION, 'handling', 1, DEADLINES.answerDueAt],
    ]);
  });

  it('refuses a sole assignment that is not to exactly one unit', () => {
    given(submitted(), accepted())
      .when(assign({ mode: 'sole', unitIds: [TRANSPORT, EDUCATION] }), ctx)
      .thenThrows('assign.sole_needs_one_unit', 'invalid', 'unitIds');
    given(submitted(), accepted()).when(assign({ mode: 'sole', unitIds: [] }), ctx).thenThrows('assign.sole_needs_one_unit', 'invalid', 'unitIds');
  });

  it('refuses a lead assignment without co-handlers or whose lead is not among the units', () => {
    given(submitted(), accepted())
      .when(assign({ mode: 'lead', unitIds: [TRANSPORT], leadUnitId: TRANSPORT }), ctx)
      .thenThrows('assign.lead_needs_co_units', 'invalid', 'unitIds');
    given(submitted(), accepted())
      .when(assign({ mode: 'lead', unitIds: [TRANSPORT, EDUCATION], leadUnitId: HEALTH }), ctx)
      .thenThrows('assign.lead_unit_missing', 'invalid', 'leadUnitId');
    given(submitted(), accepted())
      .when(assign({ mode: 'lead', unitIds: [TRANSPORT, EDUCATION] }), ctx)
      .thenThrows('assign.lead_unit_missing', 'invalid', 'leadUnitId');
  });

  it('refuses a separate assignment to fewer than two units, and a lead unit outside lead mode', () => {
    given(submitted(), accepted())
      .when(assign({ mode: 'separate', unitIds: [TRANSPORT] }), ctx)
      .thenThrows('assign.separate_needs_units', 'invalid', 'unitIds');
    given(submitted(), accepted())
      .when(assign({ mode: 'separate', unitIds: [TRANSPORT, EDUCATION], leadUnitId: TRANSPORT }), ctx)
      .thenThrows('assign.lead_unit_only_in_lead_mode', 'invalid', 'leadUnitId');
  });

  it('refuses the same unit twice', () => {
    given(submitted(), accepted())
      .when(assign({ mode: 'separate', unitIds: [TRANSPORT, EDUCATION, TRANSPORT] }), ctx)
      .thenThrows('assign.units_duplicate', 'invalid', 'unitIds');
  });

  it.each([
    ['deputy', leadDeputy],
    ['unit', unitUser(TRANSPORT)],
    ['supervisor', supervisor],
  ])('refuses a %s account', (_name, actor) => {
    given(submitted(), accepted())
      .when(assign({ mode: 'sole', unitIds: [TRANSPORT] }), { now: T.assigned, actor })
      .thenThrows('assign.only_staff', 'forbidden');
  });

  it('only assigns an accepted suggestion', () => {
    given(submitted()).when(assign({ mode: 'sole', unitIds: [TRANSPORT] }), ctx).thenThrows('assign.not_accepted', 'conflict');
    given(...soleHistory())
      .when(assign({ mode: 'sole', unitIds: [EDUCATION] }), { now: T.early, actor: staff })
      .thenThrows('assign.not_accepted', 'conflict');
  });

  it('records an assignment after an approved return as a reassignment, with deadlines from the new date', () => {
    const returned = [
      ...soleHistory(),
      stamp({ type: 'ReturnRequested', data: { unitId: TRANSPORT, reason: '不属于本单位职责' } }, T.early, unitUser(TRANSPORT)),
      stamp({ type: 'ReturnApproved', data: { unitId: TRANSPORT, assignDueAt: '2026-03-24T16:00:00.000Z' } }, '2026-03-10T06:00:00.000Z', staff),
    ];
    // Reassigned Wed 2026-03-11: 3 months → Thu 06-11; 6 months → Fri 09-11; 10 wd → 03-25; 20 wd → 04-09 (Qingming 04-06 off).
    given(...returned)
      .when(assign({ mode: 'sole', unitIds: [EDUCATION] }), { now: '2026-03-11T02:00:00.000Z', actor: staff })
      .then([
        {
          type: 'SuggestionReassigned',
          data: {
            mode: 'sole',
            units: [{ unitId: EDUCATION, role: 'sole' }],
            answerDueAt: '2026-06-11T16:00:00.000Z',
            extensionMaxAt: '2026-09-11T16:00:00.000Z',
            returnDueAt: '2026-03-25T16:00:00.000Z',
          },
        },
      ]);
  });
});
