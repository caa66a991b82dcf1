import Database from 'better-sqlite3';
import { PlainInsertLoop } from '../anchors/sqlite-loop';
import { makeRow } from '../harness/bench-row';
import { describeStorePragmas } from '../harness/durability';
import { alternate, nowMs, runFor, sumThroughputs, throughput, Throughput } from '../harness/measure';
import { SqliteEventStore } from '../harness/product';
import { contactEvent } from './sample-event';
import { Scenario } from './scenario';

/** Every this-many acknowledgements, a second connection checks the event is already committed. */
const CHECK_EVERY = 25;

export const s2ConcurrentWriters: Scenario = {
  id: 'S2',
  title: 'concurrent writers appending to different streams',
  async run(ctx) {
    const writers = ctx.sizes.writers;
    const productPath = ctx.scratch.freshDb('s2-product.sqlite');
    const store = new SqliteEventStore({ path: productPath, synchronous: 'full' });
    // A separate connection sees only committed data: an acknowledged event missing there was acknowledged too early.
    const witness = new Database(productPath, { readonly: true });
    const visible = witness.prepare<[string]>('SELECT 1 FROM events WHERE event_id = ?');
    const loop = new PlainInsertLoop(ctx.scratch.freshDb('s2-loop.sqlite'));
    ctx.log(`durability: product ${describeStorePragmas(store.pragmas())}; anchor loop ${loop.pragmas()}`);
    ctx.log(`workload: ${writers} writers, each awaiting its own append (1 event) to its own stream; anchor: one insert per commit, in a loop`);

    const revisions = new Array<number>(writers).fill(-1);
    let acknowledged = 0;
    let checked = 0;
    let notYetCommitted = 0;
    let loopRevision = -1;
    const roundMs = (ctx.sizes.concurrentSeconds * 1000) / ctx.sizes.concurrentRounds;
    const batchedLoop = new BatchedLoop(ctx.scratch.freshDb('s2-batched-loop.sqlite'), writers);
    const ceilingRounds: Throughput[] = [];

    const productRound = async (): Promise<Throughput> => {
      const start = nowMs();
      const stopAt = start + roundMs;
      let appended = 0;
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          while (nowMs() < stopAt) {
            const event = contactEvent();
            const expected = revisions[w]!;
            await store.appendToStream(`suggestion-s2-${w}`, [event], {
              expectedRevision: expected < 0 ? 'no_stream' : BigInt(expected),
            });
            revisions[w] = expected + 1;
            appended += 1;
            acknowledged += 1;
            if (acknowledged % CHECK_EVERY === 0) {
              checked += 1;
              if (visible.get(event.metadata.eventId) === undefined) notYetCommitted += 1;
            }
          }
        }),
      );
      return throughput(appended, (nowMs() - start) / 1000);
    };

    try {
      // After each anchor round, a shorter round of the same loop committing a whole batch at a
      // time: the ceiling, measured in the same alternation as the floor's two sides.
      const result = await alternate(ctx.sizes.concurrentRounds, productRound, async () => {
        const anchor = await runFor(roundMs, () => {
          loopRevision += 1;
          loop.append('suggestion-s2-loop', loopRevision, contactEvent());
          return 1;
        });
        ceilingRounds.push(await batchedLoop.round(roundMs / 2));
        return anchor;
      });
      const ceiling = sumThroughputs(ceilingRounds);
      const stats = store.commitStats();
      await store.close();
      const stored = (witness.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
      const durable = notYetCommitted === 0 && stored === acknowledged;
      ctx.log(
        `product: ${result.product.operations} appends in ${result.product.seconds.toFixed(1)} s, ` +
          `${stats.transactions} transactions (${(stats.appends / Math.max(1, stats.transactions)).toFixed(1)} appends per commit); ` +
          `loop: ${result.anchor.operations} in ${result.anchor.seconds.toFixed(1)} s`,
      );
      ctx.log(
        `durability check: ${acknowledged} acknowledged, ${stored} in the file after close; ` +
          `${checked} acknowledgements checked from a second connection, ${notYetCommitted} not yet committed when acknowledged`,
      );
      ctx.log(
        `ceiling (not a floor): the plain loop committing ${writers} inserts per transaction, as the product's batches are, ` +
          `did ${Math.round(ceiling.perSecond).toLocaleString('en-US')} events/s = ${(ceiling.perSecond / result.anchor.perSecond).toFixed(2)}× the one-commit loop; ` +
          `the product reached ${((100 * result.product.perSecond) / ceiling.perSecond).toFixed(0)} % of it`,
      );
      return [
        makeRow({
          scenario: 'S2',
          measure: `${writers} concurrent writers (group commit)`,
          figure: result.product.perSecond,
          unit: 'events/s',
          anchor: result.anchor.perSecond,
          anchorName: 'plain loop, 1 commit/event',
          floors: [{ kind: 'ratio_min', value: 3 }],
          ...(durable ? {} : { failure: 'an acknowledged append was not committed when acknowledged, or is missing after close' }),
        }),
      ];
    } finally {
      await store.close();
      witness.close();
      loop.close();
      batchedLoop.close();
    }
  },
};

/**
 * How fast SQLite itself goes on this disk when every commit carries as many events as the
 * product's batches do (one per writer): the most any store built on it could reach in S2.
 */
class BatchedLoop {
  private readonly loop: PlainInsertLoop;
  private readonly revisions: number[];

  constructor(path: string, private readonly writers: number) {
    this.loop = new PlainInsertLoop(path);
    this.revisions = new Array<number>(writers).fill(-1);
  }

  round(ms: number): Promise<Throughput> {
    return runFor(ms, () => {
      this.loop.appendInOneCommit(
        this.revisions.map((revision, w) => {
          this.revisions[w] = revision + 1;
          return { streamId: `suggestion-s2-${w}`, revision: revision + 1, event: contactEvent() };
        }),
      );
      return this.writers;
    });
  }

  close(): void {
    this.loop.close();
  }
}
