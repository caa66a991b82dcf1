import Database from 'better-sqlite3';
import { BENCH_PASSWORD } from '../../generator/organisation';
import { ApiClient } from '../../harness/api-client';
import { apiEnv } from '../../harness/api-env';
import { ChildServer, freePort } from '../../harness/child-server';
import { copyDb } from '../../harness/scratch';
import { sharedReadModel } from '../s4-rebuild';
import { ScenarioContext } from '../scenario';

export interface DatasetIds {
  suggestions: string[];
  units: string[];
  deputies: string[];
}

export interface DatasetServer {
  server: ChildServer;
  /** Events the api itself appended after it started (its scheduler catching up), before it settled. */
  appendedAtStart: number;
  /** Whether the store head stopped moving and the projector caught up before the wait ran out. */
  settled: boolean;
  /** From spawning the process to /api/health answering 200. */
  readyMs: number;
  /** A staff account's token: staff see every suggestion, so queries are not narrowed by scope. */
  token: string;
  ids: DatasetIds;
  events: number;
}

/** The line S6 and S7 print so a reader knows what the api was doing before the measurement. */
export function describeSettling(api: DatasetServer): string {
  return (
    `settling: the api appended ${api.appendedAtStart} events of its own after it started (its scheduler recording deadlines that passed since the data set's end); ` +
    (api.settled ? 'measured once the store head stood still and the projector had caught up' : 'it had not settled after 180 s: measured anyway')
  );
}

/** Ids spread over the whole data set (every n-th stream), for queries that need real ones. */
function sampleIds(eventsPath: string, count: number): DatasetIds & { events: number } {
  const db = new Database(eventsPath, { readonly: true });
  try {
    const events = (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    const streams = db
      .prepare<[], { stream_id: string }>("SELECT stream_id FROM events WHERE revision = 0 AND stream_id LIKE 'suggestion-%' ORDER BY position")
      .all();
    const step = Math.max(1, Math.floor(streams.length / count));
    const suggestions = streams.filter((_, i) => i % step === 0).map((r) => r.stream_id.slice('suggestion-'.length));
    const units = db
      .prepare<[], { stream_id: string }>("SELECT stream_id FROM events WHERE stream_id LIKE 'unit-%' AND revision = 0")
      .all()
      .map((r) => r.stream_id.slice('unit-'.length));
    const deputies = db
      .prepare<[], { id: string }>("SELECT json_extract(data, '$.userId') AS id FROM events WHERE type = 'UserRegistered' AND json_extract(data, '$.role') = 'deputy' LIMIT 500")
      .all()
      .map((r) => r.id);
    return { suggestions, units, deputies, events };
  } finally {
    db.close();
  }
}

/**
 * The api serving the generated data set with its read model already built: copies of both
 * (whatever the api writes stays out of the cached data set), production configuration.
 */
export async function startDatasetServer(ctx: ScenarioContext): Promise<DatasetServer> {
  const dataset = await ctx.dataset();
  const eventsPath = ctx.scratch.path('serving-events.sqlite');
  const readModelPath = ctx.scratch.path('serving-read-model.sqlite');
  // S6 and S7 share one pair of copies (1 GB+ at full size): whatever one api run wrote, the
  // store and its read model still belong together for the next.
  if (ctx.shared.servingCopyOf !== dataset.eventsPath) {
    const readModel = await sharedReadModel(ctx);
    copyDb(dataset.eventsPath, eventsPath);
    copyDb(readModel, readModelPath);
    ctx.shared.servingCopyOf = dataset.eventsPath;
  }
  const { events, ...ids } = sampleIds(eventsPath, 500);
  const { server, readyMs } = await ChildServer.start({
    name: 'api',
    script: ctx.apiMain,
    env: apiEnv({ eventsPath, readModelPath }),
    port: await freePort(),
    readyPath: '/api/health',
    readyTimeoutMs: 120_000,
  });
  try {
    const token = await new ApiClient(server.baseUrl).login('staff01', BENCH_PASSWORD);
    const settle = await waitUntilSettled(server.baseUrl);
    return { server, readyMs, token, ids, events, appendedAtStart: settle.head - events, settled: settle.settled };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * Waits until the api is idle: the store head has not moved for two seconds and the projector
 * has applied everything. A service started on data whose deadlines passed while it was down
 * first records them (its scheduler); the queries are measured after that, in steady state.
 */
async function waitUntilSettled(baseUrl: string, timeoutMs = 180_000): Promise<{ head: number; settled: boolean }> {
  const deadline = Date.now() + timeoutMs;
  let lastHead = -1;
  let stableSince = Date.now();
  for (;;) {
    const res = await fetch(`${baseUrl}/api/health`);
    const body = (await res.json()) as { store?: { head?: string | null }; projector?: { lag?: number } };
    const head = Number((body.store?.head ?? '0').split(':')[0]);
    if (head !== lastHead) {
      lastHead = head;
      stableSince = Date.now();
    }
    if ((body.projector?.lag ?? 0) === 0 && Date.now() - stableSince >= 2000) return { head, settled: true };
    if (Date.now() > deadline) return { head, settled: false };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
