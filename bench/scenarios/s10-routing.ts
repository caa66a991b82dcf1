import { rmSync } from 'node:fs';
import { RoutingQueries, openReadModelDatabase } from '@duban/read-models';
import { makeRow } from '../harness/bench-row';
import { nowMs, percentile } from '../harness/measure';
import { ROUTING_UNITS, routingCases, type RoutingCase } from '../routing/routing-corpus';
import { Scenario } from './scenario';

const PAST = 10_000;
const HELD_OUT = 500;

/**
 * 智能交办 and 解决一类 over a read model of 10,000 past suggestions (texts with each unit's topical
 * words, see routing/routing-corpus.ts), in process: the index built from the tables as the api
 * builds it on first use, then each of 500 held-out suggestions (registered, not assigned) ranked
 * and its similar ones listed, timed one at a time. Accuracy: how often the unit that really
 * answered it is ranked first, or among the first three.
 */
export const s10Routing: Scenario = {
  id: 'S10',
  title: 'routing help and similar suggestions (10,000 past suggestions)',
  async run(ctx) {
    const path = ctx.scratch.freshDb('s8-routing.sqlite');
    const { db } = openReadModelDatabase(path);
    const cases = routingCases(PAST + HELD_OUT);
    const past = cases.slice(0, PAST);
    const heldOut = cases.slice(PAST);
    writeReadModel(db, past, heldOut);
    const heapBefore = usedHeap();
    const queries = new RoutingQueries(db);
    const buildStart = nowMs();
    await queries.ready();
    const buildMs = nowMs() - buildStart;
    const heapMb = (usedHeap() - heapBefore) / 1048576;
    ctx.log(`index of ${queries.stats.documents} suggestions built in ${buildMs.toFixed(0)} ms; typed arrays ${(queries.stats.heldBytes / 1048576).toFixed(1)} MB, heap growth ${heapMb.toFixed(1)} MB`);

    const routingMs: number[] = [];
    const similarMs: number[] = [];
    let top1 = 0;
    let top3 = 0;
    const staff = { userId: 'staff', role: 'staff' as const };
    for (const c of heldOut) {
      let t = nowMs();
      const ranked = (await queries.routing(c.id)) ?? [];
      routingMs.push(nowMs() - t);
      const rank = ranked.findIndex((r) => r.unitId === c.unitId);
      if (rank === 0) top1++;
      if (rank >= 0 && rank < 3) top3++;
      t = nowMs();
      await queries.similarTo(c.id, staff, () => true);
      similarMs.push(nowMs() - t);
    }
    const p = (xs: number[], q: number) => percentile(xs, q);
    ctx.log(`routing: p50 ${p(routingMs, 50).toFixed(2)} ms, p99 ${p(routingMs, 99).toFixed(2)} ms; similar: p50 ${p(similarMs, 50).toFixed(2)} ms, p99 ${p(similarMs, 99).toFixed(2)} ms`);
    ctx.log(`accuracy on ${HELD_OUT} held-out suggestions (${ROUTING_UNITS.length} units; 6% of the data set answered by another unit than its words point to): top-1 ${pct(top1)}, top-3 ${pct(top3)}`);
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    return [
      makeRow({ scenario: 'S10', measure: 'routing p99, 10,000 past suggestions', figure: p(routingMs, 99), unit: 'ms', floors: [{ kind: 'figure_max', value: 50 }] }),
      makeRow({ scenario: 'S10', measure: 'similar p99, 10,000 past suggestions', figure: p(similarMs, 99), unit: 'ms', floors: [{ kind: 'figure_max', value: 50 }] }),
      makeRow({ scenario: 'S10', measure: 'routing top-1 accuracy, held-out', figure: (100 * top1) / HELD_OUT, unit: '%', floors: [] }),
      makeRow({ scenario: 'S10', measure: 'routing top-3 accuracy, held-out', figure: (100 * top3) / HELD_OUT, unit: '%', floors: [] }),
      makeRow({ scenario: 'S10', measure: 'index build on first use', figure: buildMs, unit: 'ms', floors: [], note: `heap +${heapMb.toFixed(1)} MB` }),
    ];
  },
};

function pct(n: number): string {
  return `${((100 * n) / HELD_OUT).toFixed(1)}%`;
}

function usedHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

/** The rows the projection would have written for this history: texts, units, routing evidence. */
function writeReadModel(db: ReturnType<typeof openReadModelDatabase>['db'], past: RoutingCase[], heldOut: RoutingCase[]): void {
  const at = '2026-01-15T02:00:00.000Z';
  const suggestion = db.prepare(
    `INSERT INTO suggestions (id, title, status, lead_deputy_id, unit_ids, due_at, due_sort, key_supervised, revision, submitted_at, updated_at) VALUES (?, ?, ?, 'd', '[]', NULL, '9999', 0, 3, ?, ?)`,
  );
  const text = db.prepare(`INSERT INTO suggestion_texts (id, content) VALUES (?, ?)`);
  const evidence = db.prepare(`INSERT INTO routing_evidence (suggestion_id, unit_id, role, outcome, answer_category) VALUES (?, ?, ?, ?, ?)`);
  const unit = db.prepare(`INSERT INTO units (id, name) VALUES (?, ?)`);
  db.transaction(() => {
    for (const u of ROUTING_UNITS) unit.run(u.id, u.name);
    for (const c of past) {
      suggestion.run(c.id, c.title, 'answered', at, at);
      text.run(c.id, c.content);
      evidence.run(c.id, c.unitId, c.coUnitIds.length > 0 ? 'lead' : 'sole', 'assigned', 'A');
      for (const co of c.coUnitIds) evidence.run(c.id, co, 'co', 'assigned', null);
      if (c.returnedBy && c.returnedBy !== c.unitId && !c.coUnitIds.includes(c.returnedBy)) evidence.run(c.id, c.returnedBy, 'sole', 'returned', null);
    }
    for (const c of heldOut) {
      suggestion.run(c.id, c.title, 'accepted', at, at);
      text.run(c.id, c.content);
    }
  })();
}
