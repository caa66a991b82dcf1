import { alternate, percentile, throughput } from './measure';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 99)).toBeNaN();
  });
});

describe('alternate', () => {
  it('lets product and anchor take turns and adds their rounds up', async () => {
    const order: string[] = [];
    const result = await alternate(
      3,
      async () => (order.push('p'), throughput(10, 1)),
      async () => (order.push('a'), throughput(5, 2)),
    );
    expect(order.join('')).toBe('papapa');
    expect(result.product).toEqual({ operations: 30, seconds: 3, perSecond: 10 });
    expect(result.anchor.perSecond).toBeCloseTo(2.5);
  });
});
