import { randomFillSync } from 'node:crypto';

/**
 * Random bytes are drawn in blocks, one randomFillSync per 256 ids. Each id takes 10 bytes: 2 to
 * seed the counter when a new millisecond starts, 8 for its random tail (62 bits used).
 */
const IDS_PER_BLOCK = 256;
const BYTES_PER_ID = 10;
const pool = Buffer.alloc(IDS_PER_BLOCK * BYTES_PER_ID);
let poolIndex = IDS_PER_BLOCK;

/** The 12-bit counter starts below half its range, so at least 2,048 ids fit in one millisecond. */
const SEQUENCE_MAX = 0xfff;
const SEQUENCE_SEED_MASK = 0x7ff;

let lastMs = -1;
let sequence = 0;

/**
 * A new id for an event or a new suggestion: a UUIDv7 (RFC 9562) — 48 bits of Unix milliseconds,
 * a 12-bit counter, 62 random bits. Ids made later sort after ids made earlier (in this process;
 * within a millisecond by the counter), so new rows land at the right edge of the store's
 * `event_id` and `(stream_id, revision)` indexes instead of on a random page: a group commit
 * writes and fsyncs a few pages rather than one per event (measured 2× on 64 concurrent writers
 * over 200k stored events). An event id is still chosen before the append, so a retried append
 * is recognised by its ids as before.
 */
export function timeOrderedId(nowMs: number = Date.now()): string {
  const offset = nextRandomSlot();
  if (nowMs > lastMs) {
    lastMs = nowMs;
    sequence = pool.readUInt16BE(offset) & SEQUENCE_SEED_MASK;
  } else if (sequence < SEQUENCE_MAX) {
    sequence += 1;
  } else {
    // The counter ran out within one millisecond (or the clock stepped back): borrow the next
    // millisecond, which keeps the order; the clock catches up within milliseconds.
    lastMs += 1;
    sequence = 0;
  }
  const time = lastMs.toString(16).padStart(12, '0');
  const variant = ((pool[offset + 2]! & 0x3f) | 0x80).toString(16); // the two top bits: 10
  return (
    `${time.slice(0, 8)}-${time.slice(8)}-7${sequence.toString(16).padStart(3, '0')}-` +
    `${variant}${pool.toString('hex', offset + 3, offset + 4)}-${pool.toString('hex', offset + 4, offset + 10)}`
  );
}

function nextRandomSlot(): number {
  if (poolIndex === IDS_PER_BLOCK) {
    randomFillSync(pool);
    poolIndex = 0;
  }
  return BYTES_PER_ID * poolIndex++;
}
