import { timeOrderedId } from './time-ordered-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function timestampOf(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

describe('timeOrderedId', () => {
  it('is a UUIDv7 carrying the current time in milliseconds', () => {
    const before = Date.now();
    const id = timeOrderedId();
    const after = Date.now();
    expect(id).toMatch(UUID_V7);
    expect(timestampOf(id)).toBeGreaterThanOrEqual(before);
    expect(timestampOf(id)).toBeLessThanOrEqual(after + 1);
  });

  it('sorts every id after the ones made before it, also many within one millisecond', () => {
    // 10,000 ids in a tight loop: most share their millisecond with thousands of others.
    const ids = Array.from({ length: 10_000 }, () => timeOrderedId());
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the order when the clock steps back or one millisecond runs out of counter values', () => {
    const base = Date.now() + 60_000;
    const ids = [timeOrderedId(base)];
    for (let i = 0; i < 5_000; i++) ids.push(timeOrderedId(base)); // more than the 12-bit counter holds
    ids.push(timeOrderedId(base - 1_000)); // the clock stepped back a second
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(timestampOf(ids[ids.length - 1]!)).toBeGreaterThan(base);
  });

  it('differs in its random bits between ids of the same millisecond', () => {
    const at = Date.now() + 120_000;
    const tails = new Set(Array.from({ length: 200 }, () => timeOrderedId(at).slice(19)));
    expect(tails.size).toBe(200);
  });
});
