import { Prng } from '../generator/prng';
import { BenchRow, makeRow } from '../harness/bench-row';
import { describeSettling, startDatasetServer } from './serving/dataset-server';
import { describeQueryStats, measureQueries, QueryStats } from './serving/measure-queries';
import { healthQueries, listQueries, timelineQueries, unitStatsQueries } from './serving/query-plans';
import { Scenario } from './scenario';

const P99_FLOOR_MS = 10;

function row(measure: string, stats: QueryStats): BenchRow {
  return makeRow({
    scenario: 'S6',
    measure,
    figure: stats.p99Ms,
    unit: 'ms p99',
    floors: [{ kind: 'figure_max', value: P99_FLOOR_MS }],
    ...(stats.failures > 0 ? { failure: `${stats.failures} of ${stats.requests} requests failed: ${stats.firstFailure}` } : {}),
  });
}

export const s6HttpQueries: Scenario = {
  id: 'S6',
  title: 'HTTP queries over the generated data set',
  async run(ctx) {
    const api = await startDatasetServer(ctx);
    try {
      const summary = (await ctx.dataset()).summary;
      ctx.log(describeSettling(api));
      ctx.log(`data: ${summary.suggestions} suggestions, ${api.events} events; api in production configuration on copies of the store and its rebuilt read model`);
      ctx.log('durability: reads only (the store is the embedded one, synchronous=FULL); queries as a staff user, who sees every suggestion');
      ctx.log(`method: a client in a process of its own, one kept-alive connection, one request at a time, latency to the last byte; warm-up requests not counted; at most ${ctx.sizes.queryRequests} requests or ${ctx.sizes.queryBudgetSeconds} s per kind`);
      const prng = new Prng('bench-s6');
      const n = ctx.sizes.queryRequests;
      const warm = Math.min(100, Math.floor(n / 5));
      const budgetMs = ctx.sizes.queryBudgetSeconds * 1000;
      const rows: BenchRow[] = [];

      const list = await measureQueries(api.server.baseUrl, api.token, listQueries(api.ids, n, prng), warm, budgetMs);
      ctx.log(`list (filtered by status/unit/deputy/overdue, sorted, page of 20): ${describeQueryStats(list)}`);
      rows.push(row('list: filtered, sorted page of 20', list));

      const stats = await measureQueries(api.server.baseUrl, api.token, unitStatsQueries(n), warm, budgetMs);
      ctx.log(`unit statistics (GET /api/stats/units for a year): ${describeQueryStats(stats)}`);
      rows.push(row("units' statistics", stats));

      const timeline = await measureQueries(api.server.baseUrl, api.token, timelineQueries(api.ids, n, prng), warm, budgetMs);
      ctx.log(`timeline of a suggestion: ${describeQueryStats(timeline)}`);
      rows.push(row('timeline of a suggestion', timeline));
      // Context, not a floor: the same server and client asked for nothing but its health, the same
      // way. Its tail is what the machine and the HTTP stack add to any request in this run.
      const health = await measureQueries(api.server.baseUrl, api.token, healthQueries(n), warm, budgetMs);
      ctx.log(`for comparison, GET /api/health (no query work; same server and client): ${describeQueryStats(health)}`);
      ctx.log(`api rss after the queries: ${api.server.rssMiB().toFixed(0)} MiB`);
      return rows;
    } finally {
      await api.server.stop();
    }
  },
};
