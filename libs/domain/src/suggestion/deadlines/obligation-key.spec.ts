import fc from 'fast-check';
import { isPlainKey, KeyParts, obligationKeys, parseObligationKey } from './obligation-key';

/** Every key the builders make, with the parts it stands for. */
const builtKeys = fc
  .record({
    unitId: fc.oneof(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,20}$/), fc.string({ maxLength: 12 })),
    round: fc.integer({ min: 1, max: 12 }),
    n: fc.integer({ min: 1, max: 4 }),
    lastDay: fc.option(fc.constantFrom('2026-08-31', '2027-01-04', 'not-an-instant'), { nil: null }),
    commitmentId: fc.string({ minLength: 1, maxLength: 8 }),
    which: fc.integer({ min: 0, max: 7 }),
  })
  .map(({ unitId, round, n, lastDay, commitmentId, which }): [string, KeyParts] => {
    switch (which) {
      case 0:
        return [obligationKeys.assign(n), { kind: 'assign' }];
      case 1:
        return [obligationKeys.returnWindow(unitId, n), { kind: 'return_window', unitId }];
      case 2:
        return [obligationKeys.coOpinion(unitId, n), { kind: 'co_opinion', unitId }];
      case 3:
        return [obligationKeys.contact(unitId, n), { kind: 'contact', unitId }];
      case 4:
        return [obligationKeys.answer(unitId, round, lastDay, n), { kind: 'answer', unitId, round }];
      case 5:
        return [obligationKeys.rehandling(unitId, round, n), { kind: 'rehandling', unitId, round }];
      case 6:
        return [obligationKeys.feedback(unitId, round, n), { kind: 'feedback', unitId, round }];
      default:
        return [obligationKeys.commitment(commitmentId), { kind: 'commitment', commitmentId }];
    }
  });

describe('obligation keys', () => {
  it('are spelled as the Obligation type documents them', () => {
    expect(obligationKeys.assign(1)).toBe('assign');
    expect(obligationKeys.assign(3)).toBe('assign@3');
    expect(obligationKeys.returnWindow('u-jiaotong', 1)).toBe('return:u-jiaotong');
    expect(obligationKeys.answer('u-jiaotong', 1, null, 2)).toBe('answer:u-jiaotong:1@2');
    expect(obligationKeys.answer('u-jiaotong', 1, '2026-08-31', 1)).toBe('answer:u-jiaotong:1:ext-2026-08-31');
    expect(obligationKeys.rehandling('u-jiaotong', 2, 1)).toBe('rehandling:u-jiaotong:2');
    expect(obligationKeys.feedback('u-jiaotong', 2, 1)).toBe('feedback:u-jiaotong:2');
    expect(obligationKeys.commitment('C2')).toBe('commitment:C2');
  });

  it('read back kind, unit, round and commitment, also for unit ids with colons', () => {
    expect(parseObligationKey('answer:city:transport:2:ext-2026-08-31@2')).toEqual({ kind: 'answer', unitId: 'city:transport', round: 2 });
    expect(parseObligationKey('feedback:city:transport:1')).toEqual({ kind: 'feedback', unitId: 'city:transport', round: 1 });
    expect(parseObligationKey('return:city:transport@3')).toEqual({ kind: 'return_window', unitId: 'city:transport' });
    expect(parseObligationKey('commitment:C1@x')).toEqual({ kind: 'commitment', commitmentId: 'C1@x' });
    for (const unreadable of ['', 'assign:x', 'return:', 'answer:u', 'answer:u:x', 'feedback:u', 'unknown:u:1']) {
      expect(parseObligationKey(unreadable)).toBeUndefined();
    }
  });

  it('read back every plain key without fail, which is what lets the log skip reading them (isPlainKey)', () => {
    fc.assert(
      fc.property(builtKeys, ([key, parts]) => {
        if (isPlainKey(key, parts)) expect(parseObligationKey(key)).toEqual(parts);
      }),
      { numRuns: 3000 },
    );
    expect(isPlainKey('return:a@2', { kind: 'return_window', unitId: 'a@2' })).toBe(false);
    expect(isPlainKey('answer:u:1:ext-2026-08-31', { kind: 'answer', unitId: 'u', round: 1 })).toBe(false);
    expect(isPlainKey('answer:u-1:1@2', { kind: 'answer', unitId: 'u-1', round: 1 })).toBe(true);
  });
});
