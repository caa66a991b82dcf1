import { collectGarbageNow } from './collect-garbage';

describe('collectGarbageNow', () => {
  it('frees what a burst of work left behind, at once', () => {
    let garbage: number[][] | null = Array.from({ length: 400 }, (_, i) => Array.from({ length: 10_000 }, (_, j) => i * j + 0.5));
    const held = garbage.length;
    garbage = null;
    const collected = collectGarbageNow();
    expect(held).toBe(400);
    expect(collected).not.toBeNull();
    // ~32 MB of doubles were dropped: a full collection gives most of it back.
    expect(collected!.beforeBytes - collected!.afterBytes).toBeGreaterThan(20 * 1024 * 1024);
    expect(garbage).toBeNull();
  });
});
