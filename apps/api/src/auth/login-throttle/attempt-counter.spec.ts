import { AttemptCounter } from './attempt-counter';
import { RateWindow } from './rate-window';

const MINUTE = 60_000;

describe('AttemptCounter', () => {
  it('locks a key for the lock time once it reaches the failures allowed within that time', () => {
    const counter = new AttemptCounter(3, 15 * MINUTE);
    expect(counter.fail('a', 0)).toBe(0);
    expect(counter.fail('a', 1000)).toBe(0);
    expect(counter.fail('a', 2000)).toBe(15 * MINUTE);
    expect(counter.lockedFor('a', 2000 + 10 * MINUTE)).toBe(5 * MINUTE);
    expect(counter.lockedFor('a', 2000 + 15 * MINUTE)).toBe(0);
    expect(counter.lockedFor('b', 2000)).toBe(0);
  });

  it('forgets failures older than the lock time, and on reset', () => {
    const counter = new AttemptCounter(2, MINUTE);
    counter.fail('a', 0);
    expect(counter.fail('a', MINUTE + 1)).toBe(0);
    counter.reset('a');
    expect(counter.fail('a', MINUTE + 2)).toBe(0);
  });

  it('drops expired keys once it holds too many, so random names cannot grow it forever', () => {
    const counter = new AttemptCounter(5, MINUTE, 10);
    for (let i = 0; i < 50; i++) counter.fail(`name-${i}`, i * MINUTE);
    expect((counter as unknown as { entries: Map<string, unknown> }).entries.size).toBeLessThanOrEqual(11);
  });
});

describe('RateWindow', () => {
  it('allows `limit` hits per window and says how long to wait for the next', () => {
    const rate = new RateWindow(2, MINUTE);
    expect(rate.take('ip', 0)).toBe(0);
    expect(rate.take('ip', 10_000)).toBe(0);
    expect(rate.take('ip', 20_000)).toBe(40_000);
    expect(rate.take('ip', MINUTE)).toBe(0);
  });
});
