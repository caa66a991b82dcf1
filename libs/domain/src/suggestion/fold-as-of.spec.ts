import { given } from '../testing/given';
import { accepted, answeredSoleHistory, soleHistory, stamp, staff, submitted, T, TRANSPORT } from '../testing/fixtures';
import { DomainError } from '../shared/errors';
import { foldSuggestion, foldSuggestionAsOf } from './decider';

describe('foldSuggestionAsOf (历史状态)', () => {
  const history = answeredSoleHistory();

  it('is the state as it was at an instant: every event at or before it, none after', () => {
    expect(foldSuggestionAsOf(history, T.accepted)).toEqual(given(submitted(), accepted()).state);
    expect(foldSuggestionAsOf(history, '2026-04-01T00:00:00.000Z')).toEqual(given(...soleHistory()).state);
    expect(foldSuggestionAsOf(history, '2027-01-01T00:00:00.000Z')).toEqual(foldSuggestion(history));
  });

  it('reads instants with any offset', () => {
    // 10:00 Beijing time on 03-03 is the acceptance instant.
    expect(foldSuggestionAsOf(history, '2026-03-03T10:00:00+08:00')).toMatchObject({ status: 'accepted' });
    expect(foldSuggestionAsOf(history, '2026-03-03T09:59:59+08:00')).toMatchObject({ status: 'submitted' });
  });

  it('has no suggestion before its submission', () => {
    expect(foldSuggestionAsOf(history, '2026-01-01T00:00:00.000Z')).toEqual({ status: 'none' });
  });

  it('stops at the first later event, so a clock set back never yields a state that did not exist', () => {
    const setBack = [...soleHistory(), stamp({ type: 'SuggestionUrged', data: { note: '请加快办理' } }, T.submitted, staff)];
    expect(foldSuggestionAsOf(setBack, T.early)).toMatchObject({ status: 'assigned', urges: [{ note: '请加快办理' }] });
    // Filtering by time alone would put the urge on a suggestion never accepted: that state never existed.
    expect(foldSuggestionAsOf(setBack, T.submitted)).toMatchObject({ status: 'submitted', urges: [] });
  });

  it('refuses a time that is not an ISO instant with an offset', () => {
    for (const bad of ['2026-03-03', 'yesterday', '2026-03-03T10:00:00']) {
      let thrown: unknown;
      try {
        foldSuggestionAsOf(history, bad);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({ code: 'as_of.invalid', kind: 'invalid', field: 'asOf' });
    }
  });

  it('keeps the units of that time', () => {
    expect(foldSuggestionAsOf(history, T.early)).toMatchObject({ assignment: { units: [{ unitId: TRANSPORT, stage: 'handling' }] } });
  });
});
