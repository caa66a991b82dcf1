import { PlainInsertLoop } from '../anchors/sqlite-loop';
import { makeRow } from '../harness/bench-row';
import { describeStorePragmas } from '../harness/durability';
import { alternate, runFor } from '../harness/measure';
import { SqliteEventStore } from '../harness/product';
import { contactEvent } from './sample-event';
import { Scenario } from './scenario';

/** Streams the single appends rotate over: each append goes to an existing stream at its next revision. */
const STREAMS = 500;

export const s1DurableAppend: Scenario = {
  id: 'S1',
  title: 'durable append, one event per commit, to the embedded store',
  async run(ctx) {
    const store = new SqliteEventStore({ path: ctx.scratch.freshDb('s1-product.sqlite'), synchronous: 'full' });
    const loop = new PlainInsertLoop(ctx.scratch.freshDb('s1-loop.sqlite'));
    ctx.log(`durability: product ${describeStorePragmas(store.pragmas())}; anchor loop ${loop.pragmas()} (schema and pragmas from the product's openEventStoreDatabase)`);
    ctx.log(`workload: one event per append, awaited before the next, over ${STREAMS} streams with exact expected revisions`);

    const productRevisions = new Array<number>(STREAMS).fill(-1);
    const loopRevisions = new Array<number>(STREAMS).fill(-1);
    let p = 0;
    let a = 0;
    const roundMs = (ctx.sizes.appendSeconds * 1000) / ctx.sizes.appendRounds;
    try {
      const result = await alternate(
        ctx.sizes.appendRounds,
        () =>
          runFor(roundMs, async () => {
            const s = p++ % STREAMS;
            const expected = productRevisions[s]!;
            await store.appendToStream(`suggestion-s1-${s}`, [contactEvent()], {
              expectedRevision: expected < 0 ? 'no_stream' : BigInt(expected),
            });
            productRevisions[s] = expected + 1;
            return 1;
          }),
        () =>
          runFor(roundMs, () => {
            const s = a++ % STREAMS;
            loopRevisions[s]! += 1;
            loop.append(`suggestion-s1-${s}`, loopRevisions[s]!, contactEvent());
            return 1;
          }),
      );
      ctx.log(
        `product: ${result.product.operations} appends in ${result.product.seconds.toFixed(1)} s; ` +
          `loop: ${result.anchor.operations} inserts in ${result.anchor.seconds.toFixed(1)} s`,
      );
      return [
        makeRow({
          scenario: 'S1',
          measure: 'durable append, 1 event/commit',
          figure: result.product.perSecond,
          unit: 'events/s',
          anchor: result.anchor.perSecond,
          anchorName: 'plain better-sqlite3 loop',
          floors: [{ kind: 'ratio_min', value: 0.8 }],
        }),
      ];
    } finally {
      await store.close();
      loop.close();
    }
  },
};
