import * as http from 'node:http';
import { Prng } from '../generator/prng';
import { makeRow } from '../harness/bench-row';
import { nowMs } from '../harness/measure';
import { timedGet } from '../harness/timed-get';
import { describeSettling, startDatasetServer } from './serving/dataset-server';
import { listQueries, timelineQueries } from './serving/query-plans';
import { Scenario } from './scenario';

/** Concurrent users during the serving phase, and how often RSS is sampled. */
const CLIENTS = 8;
const SAMPLE_EVERY_MS = 100;

export const s7MemoryStartup: Scenario = {
  id: 'S7',
  title: 'memory and start-up over the generated data set',
  async run(ctx) {
    const api = await startDatasetServer(ctx);
    try {
      const summary = (await ctx.dataset()).summary;
      ctx.log(describeSettling(api));
      ctx.log(`data: ${summary.suggestions} suggestions, ${api.events} events; the read model exists and is current (rebuilt before, or left by S6's run of the api)`);
      ctx.log('durability: embedded store, synchronous=FULL; production configuration');
      ctx.log(`ready: ${api.readyMs.toFixed(0)} ms from spawning node to /api/health answering 200`);
      const idleRss = api.server.rssMiB();

      // Serving: list and timeline queries from several clients while RSS is sampled.
      const prng = new Prng('bench-s7');
      const paths = [...listQueries(api.ids, 400, prng), ...timelineQueries(api.ids, 400, prng)];
      let peak = idleRss;
      const sampler = setInterval(() => {
        peak = Math.max(peak, api.server.rssMiB());
      }, SAMPLE_EVERY_MS);
      const stopAt = nowMs() + ctx.sizes.httpSeconds * 1000;
      let served = 0;
      let failed = 0;
      try {
        await Promise.all(
          Array.from({ length: CLIENTS }, async (_, c) => {
            const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
            let i = c;
            while (nowMs() < stopAt) {
              const res = await timedGet(agent, api.server.baseUrl + paths[i++ % paths.length]!, api.token);
              if (res.status === 200) served += 1;
              else failed += 1;
            }
            agent.destroy();
          }),
        );
      } finally {
        clearInterval(sampler);
      }
      peak = Math.max(peak, api.server.rssMiB());
      ctx.log(`rss: ${idleRss.toFixed(0)} MiB idle after start, ${peak.toFixed(0)} MiB peak while serving ${served} queries from ${CLIENTS} clients (${failed} failed)`);
      return [
        makeRow({
          scenario: 'S7',
          measure: 'RSS while serving',
          figure: peak,
          unit: 'MiB',
          floors: [{ kind: 'figure_max', value: 300 }],
          ...(failed > 0 ? { failure: `${failed} queries failed while measuring` } : {}),
        }),
        makeRow({
          scenario: 'S7',
          measure: 'ready with an existing read model',
          figure: api.readyMs / 1000,
          unit: 's',
          floors: [{ kind: 'figure_max', value: 3 }],
        }),
      ];
    } finally {
      await api.server.stop();
    }
  },
};
