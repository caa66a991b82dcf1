/**
 * The read-ahead thread's code, plain JavaScript run with `eval: true` (as the read-model writer
 * thread's): it needs only the SQLite driver, whose path comes in workerData, so it runs the same
 * from the compiled build and under ts-jest.
 *
 * workerData: `{ driverPath, path, busyTimeoutMs, after (decimal string), pageSize, prefixes (JSON array or null), ahead, pages, streams }`.
 * `streams` (null for the global order): `{ prefix, upTo (decimal string) }`, to read the streams
 * with that prefix stream by stream (stream id, then revision: the (stream_id, revision) index),
 * events after `upTo` left out; pages then continue after the last (stream id, revision) read.
 * It opens its own read-only connection and reads pages of `pageSize` events after `after`, in
 * position order, each page in its own read transaction (no snapshot held across pages, so the
 * WAL can still be checkpointed). Raw rows, strings only: decoding UTF-8 into strings is the
 * expensive part of a read and happens here; the JSON is parsed by whoever receives the page.
 *
 * Pages go to `workerData.pages`, a MessagePort the parent does not listen on but takes one page
 * from when it wants one (receiveMessageOnPort), so the pages read ahead wait there serialised
 * instead of sitting in the parent's heap, where every young-generation GC would copy them:
 * `{ positions: BigInt64Array, revisions: BigInt64Array, streamIds, types, data, metadata }`
 * (columns; the two typed arrays' buffers are transferred, not copied).
 * Messages to the parent (parentPort), to wake it:
 * - `{ type: 'page', busyMs }` after each page sent (busyMs: milliseconds spent reading so far);
 * - `{ type: 'end' }` once a page came back short (nothing more is sent);
 * - `{ type: 'error', message, stack }` once, then nothing more.
 * It sends at most `ahead` pages before the parent has asked for more with `{ type: 'more' }`
 * (one per page taken), so memory stays bounded whatever the reader's pace. The parent ends the
 * thread by terminating it (the connection is read-only: nothing is lost mid-read).
 */
export const READ_AHEAD_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
let db = null;
let statement = null;
let credits = workerData.ahead;
let after = BigInt(workerData.after);
const streams = workerData.streams;
let afterStream = streams === null ? null : streams.prefix;
let afterRevision = -1n;
let finished = false;
let busyMs = 0;
const { performance } = require('node:perf_hooks');

function fail(error) {
  finished = true;
  if (db && db.open) db.close();
  parentPort.postMessage({ type: 'error', message: error && error.message ? error.message : String(error), stack: error && error.stack });
}

function readPage() {
  const started = performance.now();
  const rows = streams !== null
    ? statement.all(afterStream, afterRevision, BigInt(streams.upTo), workerData.pageSize)
    : workerData.prefixes === null
      ? statement.all(after, workerData.pageSize)
      : statement.all(after, workerData.prefixes, workerData.pageSize);
  const n = rows.length;
  if (n > 0) {
    const positions = new BigInt64Array(n);
    const revisions = new BigInt64Array(n);
    const streamIds = new Array(n);
    const types = new Array(n);
    const data = new Array(n);
    const metadata = new Array(n);
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      positions[i] = row[0];
      streamIds[i] = row[1];
      revisions[i] = row[2];
      types[i] = row[3];
      data[i] = row[4];
      metadata[i] = row[5];
    }
    after = positions[n - 1];
    afterStream = streamIds[n - 1];
    afterRevision = revisions[n - 1];
    workerData.pages.postMessage({ positions, revisions, streamIds, types, data, metadata }, [positions.buffer, revisions.buffer]);
    busyMs += performance.now() - started;
    parentPort.postMessage({ type: 'page', busyMs });
  }
  if (n < workerData.pageSize) {
    finished = true;
    parentPort.postMessage({ type: 'end' });
  }
}

function quote(text) {
  return "'" + text.replace(/'/g, "''") + "'";
}

function pump() {
  try {
    while (credits > 0 && !finished) {
      credits--;
      readPage();
    }
  } catch (error) {
    fail(error);
  }
}

try {
  const Database = require(workerData.driverPath);
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
  const select = 'SELECT position, stream_id, revision, type, data, metadata FROM events e WHERE ';
  const columns = select + 'position > ?';
  // The first id after every id with the prefix: the prefix with its last character's code + 1.
  const prefixEnd = streams === null ? null : streams.prefix.slice(0, -1) + String.fromCharCode(streams.prefix.charCodeAt(streams.prefix.length - 1) + 1);
  const sql = streams !== null
    ? select + '(stream_id, revision) > (?, ?) AND stream_id < ' + quote(prefixEnd) + ' AND position <= ? ORDER BY stream_id, revision LIMIT ?'
    : workerData.prefixes === null
      ? columns + ' ORDER BY position LIMIT ?'
      : columns + ' AND EXISTS (SELECT 1 FROM json_each(?) p WHERE substr(e.stream_id, 1, length(p.value)) = p.value) ORDER BY position LIMIT ?';
  statement = db.prepare(sql).raw(true).safeIntegers(true);
} catch (error) {
  fail(error);
}

parentPort.on('message', (message) => {
  if (message.type === 'more') {
    credits++;
    pump();
  }
});

pump();
`;
