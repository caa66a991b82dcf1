import { given } from '../../../testing/given';
import {
  accepted,
  admin,
  answeredSoleHistory,
  leadDeputy,
  rated,
  soleHistory,
  staff,
  stamp,
  submitted,
  supervisor,
  T,
  TRANSPORT,
  unitUser,
} from '../../../testing/fixtures';
import { suggestionSummary } from '../../summary';

const supervise = { type: 'StartKeySupervision', data: { supervisorId: 'sv-qian', leaderName: ' 王副市长 ' } } as const;
const urge = { type: 'UrgeSuggestion', data: { note: '请加快办理进度' } } as const;
const closed = () => [...answeredSoleHistory(), rated(TRANSPORT, 'satisfied', 'satisfied'), stamp({ type: 'SuggestionClosed', data: {} }, T.rerated, staff)];
const withdrawn = () => [submitted(), stamp({ type: 'SuggestionWithdrawn', data: { reason: '已自行解决' } }, T.accepted, leadDeputy)];
const rejected = () => [submitted(), stamp({ type: 'SuggestionRejected', data: { reason: '属于来信' } }, T.accepted, staff)];

describe('StartKeySupervision (重点督办)', () => {
  it.each([
    ['a supervisor', supervisor],
    ['staff', staff],
    ['an admin', admin],
  ])('is recorded by %s with the supervising member and the leading official', (_name, actor) => {
    const story = given(...soleHistory()).when(supervise, { now: T.early, actor });
    story.then([{ type: 'KeySupervisionStarted', data: { supervisorId: 'sv-qian', leaderName: '王副市长' } }]);
    const state = story.thenState();
    if (state.status === 'none') throw new Error('no state');
    expect(state.keySupervision).toEqual({ supervisorId: 'sv-qian', leaderName: '王副市长', startedAt: T.early });
    expect(suggestionSummary(state, T.early).keySupervised).toBe(true);
  });

  it('may name no leading official (not every unit is a government unit)', () => {
    given(submitted())
      .when({ type: 'StartKeySupervision', data: { supervisorId: 'sv-qian' } }, { now: T.accepted, actor: staff })
      .then([{ type: 'KeySupervisionStarted', data: { supervisorId: 'sv-qian' } }]);
  });

  it('refuses deputies and units', () => {
    given(...soleHistory()).when(supervise, { now: T.early, actor: leadDeputy }).thenThrows('supervision.forbidden_role', 'forbidden');
    given(...soleHistory()).when(supervise, { now: T.early, actor: unitUser(TRANSPORT) }).thenThrows('supervision.forbidden_role', 'forbidden');
  });

  it('refuses closed, withdrawn and rejected suggestions', () => {
    given(...closed()).when(supervise, { now: '2026-05-19T02:00:00.000Z', actor: staff }).thenThrows('supervision.not_open', 'conflict');
    given(...withdrawn()).when(supervise, { now: T.assigned, actor: staff }).thenThrows('supervision.not_open', 'conflict');
    given(...rejected()).when(supervise, { now: T.assigned, actor: staff }).thenThrows('supervision.not_open', 'conflict');
  });

  it('happens once', () => {
    const started = stamp({ type: 'KeySupervisionStarted', data: { supervisorId: 'sv-qian' } }, T.early, staff);
    given(...soleHistory(), started)
      .when(supervise, { now: '2026-03-11T02:00:00.000Z', actor: supervisor })
      .thenThrows('supervision.already_key', 'conflict');
  });

  it('requires the supervising member', () => {
    given(...soleHistory())
      .when({ type: 'StartKeySupervision', data: { supervisorId: ' ' } }, { now: T.early, actor: staff })
      .thenThrows('supervision.supervisor_required', 'invalid', 'supervisorId');
  });
});

describe('UrgeSuggestion (催办)', () => {
  it('records the note and who urged, on an open suggestion', () => {
    const story = given(...soleHistory()).when(urge, { now: T.early, actor: supervisor });
    story.then([{ type: 'SuggestionUrged', data: { note: '请加快办理进度' } }]);
    expect(story.thenState()).toMatchObject({ urges: [{ note: '请加快办理进度', urgedAt: T.early, urgedBy: supervisor.userId }] });
    given(submitted(), accepted()).when(urge, { now: T.early, actor: staff }).then([{ type: 'SuggestionUrged', data: { note: '请加快办理进度' } }]);
    given(...answeredSoleHistory()).when(urge, { now: T.rated, actor: admin }).then([{ type: 'SuggestionUrged', data: { note: '请加快办理进度' } }]);
  });

  it('refuses suggestions that are not being handled', () => {
    given(submitted()).when(urge, { now: T.accepted, actor: supervisor }).thenThrows('urge.not_open', 'conflict');
    given(...answeredSoleHistory(), rated(TRANSPORT, 'satisfied', 'satisfied'))
      .when(urge, { now: T.rerated, actor: supervisor })
      .thenThrows('urge.not_open', 'conflict');
    given(...closed()).when(urge, { now: '2026-05-19T02:00:00.000Z', actor: supervisor }).thenThrows('urge.not_open', 'conflict');
  });

  it('refuses deputies and units, and an empty note', () => {
    given(...soleHistory()).when(urge, { now: T.early, actor: leadDeputy }).thenThrows('urge.forbidden_role', 'forbidden');
    given(...soleHistory()).when(urge, { now: T.early, actor: unitUser(TRANSPORT) }).thenThrows('urge.forbidden_role', 'forbidden');
    given(...soleHistory())
      .when({ type: 'UrgeSuggestion', data: { note: '' } }, { now: T.early, actor: supervisor })
      .thenThrows('urge.note_required', 'invalid', 'note');
  });
});
