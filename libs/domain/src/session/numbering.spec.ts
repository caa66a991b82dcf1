import { claimNumber, evolveNumbering, initialNumberingState, NumberingEvent } from './numbering';

describe('numbering within a session (given claims, when a suggestion is registered, then its number)', () => {
  const claimed = (suggestionId: string, number: number): NumberingEvent => ({ type: 'SuggestionNumberClaimed', data: { suggestionId, number } });

  it('given no claims, the first suggestion is 第1号', () => {
    expect(claimNumber(initialNumberingState(), 'a')).toEqual({ number: 1, claim: claimed('a', 1) });
  });

  it('given claims 1 and 2, the next is 3: consecutive', () => {
    const state = [claimed('a', 1), claimed('b', 2)].reduce((s, e, i) => evolveNumbering(s, e, i), initialNumberingState());
    expect(state.revision).toBe(1);
    expect(claimNumber(state, 'c')).toEqual({ number: 3, claim: claimed('c', 3) });
  });

  it('given a suggestion that already claimed a number (a retried registration), it gets the same number and nothing is appended', () => {
    const state = [claimed('a', 1), claimed('b', 2)].reduce((s, e, i) => evolveNumbering(s, e, i), initialNumberingState());
    expect(claimNumber(state, 'a')).toEqual({ number: 1, claim: null });
  });
});
