import { backoffDelayMs } from './backoff';

describe('reconnect backoff', () => {
  const noJitter = (): number => 0;

  it('doubles from 200 ms and stops growing at 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelayMs(a, undefined, noJitter))).toEqual([
      200, 400, 800, 1600, 3200, 6400, 10_000, 10_000,
    ]);
    expect(backoffDelayMs(1000, undefined, noJitter)).toBe(10_000);
  });

  it('shortens each delay by at most 20 % so clients do not reconnect in step', () => {
    expect(backoffDelayMs(3, undefined, () => 0.999)).toBe(Math.round(1600 * (1 - 0.2 * 0.999)));
  });
});
