import Database from 'better-sqlite3';
import * as path from 'node:path';
import * as P from '../generator/phrases';
import { Prng } from '../generator/prng';
import { suggestionContent, suggestionTitle } from '../generator/texts';
import { ApiClient } from '../harness/api-client';
import { apiEnv, BENCH_ADMIN_PASSWORD } from '../harness/api-env';
import { makeRow } from '../harness/bench-row';
import { ChildServer, freePort } from '../harness/child-server';
import { describeLoad, httpLoad, LoadResult } from '../harness/http-load';
import { Scenario } from './scenario';

/** Adds up rounds: requests per second over the whole time, p99 weighted by each round's requests. */
function combine(parts: readonly LoadResult[]): { perSecond: number; p99Ms: number; ok: number; bad: number } {
  const ok = parts.reduce((n, r) => n + r.ok, 0);
  const seconds = parts.reduce((n, r) => n + r.seconds, 0);
  const p99Ms = parts.reduce((n, r) => n + r.p99Ms * r.ok, 0) / Math.max(1, ok);
  const bad = parts.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
  return { perSecond: ok / seconds, p99Ms, ok, bad };
}

export const s5HttpCommands: Scenario = {
  id: 'S5',
  title: 'end-to-end HTTP commands vs a bare Nest endpoint',
  async run(ctx) {
    const eventsPath = ctx.scratch.freshDb('s5-events.sqlite');
    const readModelPath = ctx.scratch.freshDb('s5-read-model.sqlite');
    const bareScript = path.join(__dirname, '..', 'anchors', 'bare-nest', 'bare-nest.main.js');
    const { server: api } = await ChildServer.start({
      name: 'api',
      script: ctx.apiMain,
      env: apiEnv({ eventsPath, readModelPath }),
      port: await freePort(),
      readyPath: '/api/health',
    });
    let bare: ChildServer | null = null;
    try {
      bare = (await ChildServer.start({ name: 'bare Nest', script: bareScript, env: { NODE_ENV: 'production' }, port: await freePort(), readyPath: '/health' }))
        .server;
      ctx.log(`durability: api on the embedded store (EVENT_STORE=sqlite, synchronous=FULL by default), NODE_ENV=production, fresh store`);
      const client = new ApiClient(api.baseUrl);
      const adminToken = await client.firstAdmin(BENCH_ADMIN_PASSWORD, 'bench-admin-changed-2026');
      await client.send('POST', '/api/users', { username: 'benchdeputy', password: 'bench-password-2026', displayName: '压测代表', role: 'deputy' }, adminToken);
      const token = await client.login('benchdeputy', 'bench-password-2026');
      const prng = new Prng('bench-s5');
      const vars = { topic: prng.pick(P.TOPICS), region: prng.pick(P.REGIONS), year: 2026 };
      const body = JSON.stringify({ title: suggestionTitle(prng, vars), content: suggestionContent(prng, vars) });
      ctx.log(
        `workload: POST /api/suggestions (a deputy submits: JWT checked, body validated, decided, appended durably), ` +
          `${Buffer.byteLength(body)}-byte body, ${ctx.sizes.httpConnections} connections (autocannon); ` +
          `anchor: POST /bench on a bare Nest app (same Express adapter and JSON parser, no work)`,
      );
      const productLoad = (seconds: number): Promise<LoadResult> =>
        httpLoad({
          url: `${api.baseUrl}/api/suggestions`,
          method: 'POST',
          connections: ctx.sizes.httpConnections,
          seconds,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        });
      const bareServer = bare;
      const bareLoad = (seconds: number): Promise<LoadResult> =>
        httpLoad({
          url: `${bareServer.baseUrl}/bench`,
          method: 'POST',
          connections: ctx.sizes.httpConnections,
          seconds,
          headers: { 'content-type': 'application/json' },
          body,
        });

      const warm = [await productLoad(ctx.sizes.httpWarmupSeconds), await bareLoad(ctx.sizes.httpWarmupSeconds)];
      ctx.log(`warm-up: api ${describeLoad(warm[0]!)}; bare ${describeLoad(warm[1]!)}`);
      const productRuns: LoadResult[] = [];
      const bareRuns: LoadResult[] = [];
      const rounds = 2;
      for (let i = 0; i < rounds; i++) {
        productRuns.push(await productLoad(ctx.sizes.httpSeconds / rounds));
        bareRuns.push(await bareLoad(ctx.sizes.httpSeconds / rounds));
      }
      productRuns.forEach((r, i) => ctx.log(`api round ${i + 1}: ${describeLoad(r)}`));
      bareRuns.forEach((r, i) => ctx.log(`bare round ${i + 1}: ${describeLoad(r)}`));
      const product = combine(productRuns);
      const anchor = combine(bareRuns);
      ctx.log(`api rss after load: ${api.rssMiB().toFixed(0)} MiB`);

      await api.stop();
      // Every 201 must be an event on disk: count them in the file the api wrote.
      const db = new Database(eventsPath, { readonly: true });
      const stored = (db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'SuggestionSubmitted'").get() as { n: number }).n;
      db.close();
      const acknowledged = warm[0]!.ok + product.ok;
      ctx.log(`durability check: ${acknowledged} submissions acknowledged with 2xx, ${stored} SuggestionSubmitted events in the store after the api stopped`);
      const failure =
        product.bad > 0
          ? `${product.bad} requests failed (non-2xx, errors or timeouts)`
          : stored < acknowledged
            ? `only ${stored} of ${acknowledged} acknowledged submissions are in the store`
            : undefined;
      return [
        makeRow({
          scenario: 'S5',
          measure: `HTTP submit, ${ctx.sizes.httpConnections} connections`,
          figure: product.perSecond,
          unit: 'requests/s',
          anchor: anchor.perSecond,
          anchorName: 'bare Nest POST',
          floors: [{ kind: 'ratio_min', value: 0.35 }],
          ...(failure !== undefined ? { failure } : {}),
        }),
        makeRow({
          scenario: 'S5',
          measure: 'HTTP submit p99 latency',
          figure: product.p99Ms,
          unit: 'ms',
          anchor: anchor.p99Ms,
          anchorName: 'bare Nest POST',
          floors: [{ kind: 'ratio_max', value: 3 }],
        }),
      ];
    } finally {
      await api.stop();
      await bare?.stop();
    }
  },
};
