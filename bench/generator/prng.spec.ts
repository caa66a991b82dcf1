import { Prng } from './prng';

describe('Prng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = new Prng('seed');
    const b = new Prng('seed');
    const c = new Prng('other');
    const draw = (p: Prng): number[] => Array.from({ length: 20 }, () => p.next());
    const seqA = draw(a);
    expect(draw(b)).toEqual(seqA);
    expect(draw(c)).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws integers within both bounds and reaches them', () => {
    const p = new Prng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(p.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('makes version-4-shaped UUIDs, deterministically', () => {
    const id = new Prng('u').uuid();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Prng('u').uuid()).toBe(id);
  });

  it('picks distinct items and respects weights', () => {
    const p = new Prng('w');
    expect(new Set(p.pickDistinct([1, 2, 3, 4, 5], 4)).size).toBe(4);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 5000; i++) counts[p.weighted([['a', 9], ['b', 1]] as const)] += 1;
    expect(counts.a / 5000).toBeGreaterThan(0.85);
    expect(counts.a / 5000).toBeLessThan(0.95);
  });
});
