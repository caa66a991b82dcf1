import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import { makeRow } from '../harness/bench-row';
import { apiEnv } from '../harness/api-env';
import { ChildServer, freePort } from '../harness/child-server';
import { nowMs } from '../harness/measure';
import { buildReadModelBeside, getRulebook, createWorkingCalendar, READ_MODEL_SCHEMA_VERSION, SqliteEventStore, storeIdentityOf } from '../harness/product';
import { createProgress } from '../harness/progress';
import { copyDb } from '../harness/scratch';
import { sharedReadModel } from './s4-rebuild';
import { Scenario, ScenarioContext } from './scenario';

/**
 * An upgrade whose read model has new tables, over the whole data set. The new version builds its
 * read model beside the old one while the old service serves (`npm run rebuild -- --beside`); the
 * window in which nothing answers is only the restart onto the prepared file. The anchor is the
 * same upgrade without preparation: the restart rebuilds from every event before it serves.
 */
export const s8UpgradeWindow: Scenario = {
  id: 'S8',
  title: 'an upgrade that changes the read model: time in which no route answers',
  async run(ctx) {
    const dataset = await ctx.dataset();
    const eventsPath = ctx.scratch.path('upgrade-events.sqlite');
    const readModelPath = ctx.scratch.path('upgrade-read-model.sqlite');
    copyDb(dataset.eventsPath, eventsPath);
    copyDb(await sharedReadModel(ctx), readModelPath);
    markAsOlderVersion(readModelPath);
    ctx.log(`data: ${dataset.summary.events} events; the served read model is marked as an older schema version, as the old version left it`);

    const built = await buildBeside(eventsPath, readModelPath);
    ctx.log(`prepared beside the served file in ${built.toFixed(1)} s (the old service keeps serving meanwhile: the build only reads the store)`);
    const prepared = await restartSeconds(ctx, eventsPath, readModelPath);
    const adopted = !fs.existsSync(`${readModelPath}.next`);
    ctx.log(`restart onto the prepared file: /api/health answered 200 after ${prepared.toFixed(2)} s (prepared file adopted: ${adopted ? 'yes' : 'NO'})`);

    markAsOlderVersion(readModelPath);
    const unprepared = await restartSeconds(ctx, eventsPath, readModelPath);
    ctx.log(`restart without a prepared file (rebuilds before serving): ${unprepared.toFixed(1)} s`);
    return [
      makeRow({
        scenario: 'S8',
        measure: 'upgrade: no route answers while restarting onto a read model prepared beside',
        figure: prepared,
        unit: 's',
        anchor: unprepared,
        anchorName: 'the same upgrade rebuilding at start',
        floors: [{ kind: 'figure_max', value: 5 }],
        ...(adopted ? {} : { failure: 'the prepared read model was not adopted' }),
      }),
    ];
  },
};

async function buildBeside(eventsPath: string, readModelPath: string): Promise<number> {
  const store = new SqliteEventStore({ path: eventsPath });
  const total = Number((await store.headPosition())?.commit ?? 0n);
  const bar = createProgress('prepare beside', total, 'events');
  const t0 = nowMs();
  try {
    await buildReadModelBeside(store, readModelPath, storeIdentityOf({ kind: 'sqlite', path: eventsPath }), {
      rulebook: getRulebook('national'),
      calendar: createWorkingCalendar(),
      onProgress: (p) => bar.update(p.eventsDone),
    });
    return (nowMs() - t0) / 1000;
  } finally {
    bar.stop();
    await store.close();
  }
}

/** Spawns the api on the files and returns the seconds until /api/health answers 200. */
async function restartSeconds(ctx: ScenarioContext, eventsPath: string, readModelPath: string): Promise<number> {
  const { server, readyMs } = await ChildServer.start({
    name: 'api',
    script: ctx.apiMain,
    env: apiEnv({ eventsPath, readModelPath }),
    port: await freePort(),
    readyPath: '/api/health',
    readyTimeoutMs: 600_000,
  });
  await server.stop();
  return readyMs / 1000;
}

/** What an older version's file looks like to this one. */
function markAsOlderVersion(path: string): void {
  const db = new Database(path);
  try {
    db.pragma(`user_version = ${READ_MODEL_SCHEMA_VERSION - 1}`);
  } finally {
    db.close();
  }
}
