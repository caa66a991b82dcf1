import { memoize } from './memoize';

describe('memoize', () => {
  it('computes each key once, undefined results included, and forgets everything when full', () => {
    const computed: string[] = [];
    const lengthOf = memoize((key: string) => {
      computed.push(key);
      return key === 'none' ? undefined : key.length;
    }, 3);
    expect([lengthOf('ab'), lengthOf('ab'), lengthOf('none'), lengthOf('none'), lengthOf('abc')]).toEqual([2, 2, undefined, undefined, 3]);
    expect(computed).toEqual(['ab', 'none', 'abc']);
    lengthOf('abcd');
    expect(lengthOf('ab')).toBe(2);
    expect(computed).toEqual(['ab', 'none', 'abc', 'abcd', 'ab']);
  });
});
