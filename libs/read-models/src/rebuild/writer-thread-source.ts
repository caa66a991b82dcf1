/**
 * The writer thread's code, plain JavaScript run with `eval: true`: it needs nothing but the
 * SQLite driver (its path comes in workerData), so it runs the same from the compiled build and
 * under ts-jest, where there is no compiled file to point a Worker at.
 *
 * Messages, in the order the projection made them:
 * - `{ type: 'prepare', index, sql }`: statement `index` is `sql`;
 * - `{ type: 'part', calls }`: runs inside the open transaction (begun by the first part);
 * - `{ type: 'commit', id, calls }`: runs the rest and commits; answered `{ type: 'done', id }`;
 * - `{ type: 'exec', sql }`: runs SQL between transactions (e.g. builds indexes);
 * - `{ type: 'close' }`: closes the file; answered `{ type: 'closed', busyMs, execMs }` (milliseconds
 *   spent running the statements, and the exec SQL among them, for a rebuild's split).
 * `calls` is flat: statement index, then its parameters as an array, and so on.
 * After each part or commit it adds one to `workerData.progress[0]` (shared memory), so the main
 * thread can block while too many are queued even in the middle of a synchronous flush.
 * After a failure it answers `{ type: 'error', message, stack }` once, ignores the rest and sets
 * the progress counter so high that no one waits on it any more.
 */
export const WRITER_THREAD_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const progress = new Int32Array(workerData.progress);
const statements = [];
let db = null;
let inTransaction = false;
let failed = false;
let busyMs = 0;
let execMs = 0;
const { performance } = require('node:perf_hooks');

function advance(by) {
  Atomics.add(progress, 0, by);
  Atomics.notify(progress, 0);
}

function fail(error) {
  failed = true;
  advance(1 << 29);
  if (db && db.open) db.close();
  parentPort.postMessage({ type: 'error', message: error && error.message ? error.message : String(error), stack: error && error.stack });
}

try {
  const Database = require(workerData.driverPath);
  db = new Database(workerData.path);
  for (const pragma of workerData.pragmas) db.pragma(pragma);
} catch (error) {
  fail(error);
}

function run(calls) {
  if (!inTransaction) {
    db.exec('BEGIN');
    inTransaction = true;
  }
  for (let i = 0; i < calls.length; i += 2) statements[calls[i]].run(...calls[i + 1]);
}

parentPort.on('message', (message) => {
  if (failed) return;
  const started = performance.now();
  try {
    switch (message.type) {
      case 'prepare':
        statements[message.index] = db.prepare(message.sql);
        return;
      case 'part':
        run(message.calls);
        advance(1);
        return;
      case 'commit':
        run(message.calls);
        db.exec('COMMIT');
        inTransaction = false;
        advance(1);
        parentPort.postMessage({ type: 'done', id: message.id });
        return;
      case 'exec':
        if (inTransaction) throw new Error('exec inside an open transaction');
        db.exec(message.sql);
        execMs += performance.now() - started;
        return;
      case 'close':
        db.close();
        parentPort.postMessage({ type: 'closed', busyMs: busyMs + performance.now() - started, execMs });
        return;
      default:
        throw new Error('unknown message ' + String(message.type));
    }
  } catch (error) {
    fail(error);
  } finally {
    busyMs += performance.now() - started;
  }
});
`;
