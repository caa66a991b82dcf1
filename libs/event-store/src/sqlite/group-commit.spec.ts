import { GroupCommit, type BatchOutcome } from './group-commit';

/**
 * The scheduling of group commit, with a commit function that records its batches (the store's
 * own specs cover the transactions; here what matters is which requests share a batch and when
 * the event loop gets its turn).
 */
function recordingGroupCommit() {
  const batches: number[][] = [];
  const commits = new GroupCommit<number, number>({
    commit: (batch): BatchOutcome<number>[] => {
      batches.push([...batch]);
      return batch.map((value) => ({ ok: true, value }));
    },
    isRetryable: () => false,
    maxBatchSize: 64,
    retryForMs: 0,
  });
  return { commits, batches };
}

/** Counts the event-loop turns that pass while `work` runs. */
async function turnsDuring(work: () => Promise<void>): Promise<number> {
  let turns = 0;
  let running = true;
  const tick = (): void => {
    turns += 1;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await work();
  running = false;
  return turns;
}

describe('GroupCommit', () => {
  it('commits the requests of concurrent callers in one batch per round', async () => {
    const { commits, batches } = recordingGroupCommit();
    await Promise.all(
      Array.from({ length: 64 }, async (_, writer) => {
        for (let round = 0; round < 4; round++) await commits.submit(writer * 10 + round);
      }),
    );
    expect(batches.map((b) => b.length)).toEqual([64, 64, 64, 64]);
    expect(commits.stats()).toEqual({ transactions: 4, requests: 256 });
  });

  it("lets a sequential writer's next append commit without waiting a turn, yet gives the event loop a turn at least every 9 commits", async () => {
    const { commits, batches } = recordingGroupCommit();
    const appends = 90;
    const turns = await turnsDuring(async () => {
      for (let i = 0; i < appends; i++) await commits.submit(i);
    });
    expect(batches).toEqual(Array.from({ length: appends }, (_, i) => [i]));
    // Each turn commits one append and up to 8 follow-ons: about 10 turns, never one per append…
    expect(turns).toBeLessThan(appends / 4);
    // …and never none: timers and I/O of the rest of the process keep running.
    expect(turns).toBeGreaterThanOrEqual(appends / 9 - 1);
  });

  it('after a batch of several, gathers the next requests for a turn again', async () => {
    const { commits, batches } = recordingGroupCommit();
    // Two writers append in turn; a third joins from a timer: its request must not ride alone.
    await Promise.all([commits.submit(1), commits.submit(2)]);
    const later = new Promise<void>((resolve) =>
      setTimeout(() => {
        void Promise.all([commits.submit(3), commits.submit(4)]).then(() => resolve());
      }, 5),
    );
    await later;
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('settles every request with its own outcome, a failed one included', async () => {
    const commits = new GroupCommit<number, number>({
      commit: (batch) => batch.map((value) => (value < 0 ? { ok: false, error: new Error(`bad ${value}`) } : { ok: true, value: value * 2 })),
      isRetryable: () => false,
      maxBatchSize: 64,
      retryForMs: 0,
    });
    const results = await Promise.allSettled([commits.submit(1), commits.submit(-1), commits.submit(3)]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([2, 'bad -1', 6]);
  });
});
