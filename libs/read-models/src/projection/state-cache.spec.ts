import { StateCache } from './state-cache';

describe('StateCache', () => {
  it('evicts the least recently used entry once full, and hands it over before it leaves', () => {
    const evicted: string[] = [];
    const cache = new StateCache<number>(2, (key) => evicted.push(key));
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // full: this hit makes b the least recently used
    cache.set('c', 3);
    expect(evicted).toEqual(['b']);
    expect(cache.get('b')).toBeUndefined();
    expect([...cache.values()].sort()).toEqual([1, 3]);
  });

  it('with capacity Infinity never evicts (a rebuild keeps every state)', () => {
    const evicted: string[] = [];
    const cache = new StateCache<number>(Infinity, (key) => evicted.push(key));
    for (let i = 0; i < 10_000; i++) cache.set(`s${i}`, i);
    expect(cache.size).toBe(10_000);
    expect(cache.get('s0')).toBe(0);
    expect(evicted).toEqual([]);
  });

  it('refuses a capacity that is not a positive whole number', () => {
    expect(() => new StateCache<number>(0, () => undefined)).toThrow('capacity');
    expect(() => new StateCache<number>(1.5, () => undefined)).toThrow('capacity');
  });
});
