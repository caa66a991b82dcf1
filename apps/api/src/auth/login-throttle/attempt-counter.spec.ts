import { AttemptCounter } from './attempt-counter';
import { RateWindow } from './rate-window';

const MINUTE = 60_000;

describe('AttemptCounter', () => {
  it('grants at most the allowed slots at once, before any check has finished', () => {
    const counter = new AttemptCounter(5, 15 * MINUTE);
    const granted = Array.from({ length: 25 }, () => counter.reserve('a', 0)).filter((wait) => wait === 0);
    expect(granted).toHaveLength(5);
    // The refused ones are told to wait until the window ends.
    expect(counter.reserve('a', 1000)).toBe(15 * MINUTE - 1000);
    expect(counter.reserve('b', 1000)).toBe(0);
  });

  it('locks a key for the lock time when the check in its last slot fails', () => {
    const counter = new AttemptCounter(3, 15 * MINUTE);
    for (const at of [0, 1000, 2000]) expect(counter.reserve('a', at)).toBe(0);
    expect(counter.fail('a', 2000)).toBe(0);
    expect(counter.fail('a', 2000)).toBe(0);
    expect(counter.fail('a', 2000)).toBe(15 * MINUTE);
    expect(counter.lockedFor('a', 2000 + 10 * MINUTE)).toBe(5 * MINUTE);
    expect(counter.reserve('a', 2000 + 10 * MINUTE)).toBe(5 * MINUTE);
    expect(counter.lockedFor('a', 2000 + 15 * MINUTE)).toBe(0);
    expect(counter.reserve('a', 2000 + 15 * MINUTE)).toBe(0);
  });

  it('gives a slot back when it was not used for a failed check, so right passwords do not fill it', () => {
    const counter = new AttemptCounter(2, MINUTE);
    for (let i = 0; i < 10; i++) {
      expect(counter.reserve('a', i)).toBe(0);
      counter.release('a');
    }
    expect(counter.reserve('a', 10)).toBe(0);
    expect(counter.reserve('a', 11)).toBe(0);
    expect(counter.reserve('a', 12)).toBeGreaterThan(0);
  });

  it('forgets attempts older than the lock time, and on reset', () => {
    const counter = new AttemptCounter(2, MINUTE);
    counter.reserve('a', 0);
    counter.fail('a', 0);
    expect(counter.reserve('a', MINUTE + 1)).toBe(0);
    counter.reset('a');
    expect(counter.reserve('a', MINUTE + 2)).toBe(0);
    expect(counter.reserve('a', MINUTE + 3)).toBe(0);
  });

  it('drops expired keys once it holds too many, so random names cannot grow it forever', () => {
    const counter = new AttemptCounter(5, MINUTE, 10);
    for (let i = 0; i < 50; i++) {
      counter.reserve(`name-${i}`, i * MINUTE * 2);
      counter.fail(`name-${i}`, i * MINUTE * 2);
    }
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

describe('AttemptCounter.succeed', () => {
  it('clears the failures when it was the only check under way, only gives its slot back amid others', () => {
    const alone = new AttemptCounter(5, MINUTE);
    for (let i = 0; i < 4; i++) {
      alone.reserve('a', i);
      alone.fail('a', i);
    }
    alone.reserve('a', 10);
    alone.succeed('a');
    for (let i = 0; i < 5; i++) expect(alone.reserve('a', 20 + i)).toBe(0);

    const burst = new AttemptCounter(5, MINUTE);
    for (let i = 0; i < 5; i++) expect(burst.reserve('a', 0)).toBe(0);
    burst.succeed('a');
    // Four guesses are still being checked: only one slot came back.
    expect(burst.reserve('a', 1)).toBe(0);
    expect(burst.reserve('a', 2)).toBeGreaterThan(0);
  });
});
