import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '../harness/product';
import { CommandEvents } from './suggestion-history';
import { WaveWriter } from './wave-writer';

function command(streamId: string, n: number, label: string): CommandEvents {
  return {
    streamId,
    atMs: 0,
    events: Array.from({ length: n }, (_, i) => ({
      type: 'Probe',
      data: { label, i },
      metadata: {
        eventId: `${streamId}-${label}-${i}`,
        actor: { userId: 'bench', role: 'system' as const },
        occurredAt: '2026-01-01T00:00:00.000Z',
        correlationId: label,
        causationId: null,
        schemaVersion: 1,
      },
    })),
  };
}

describe('WaveWriter', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-bench-wave-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps each stream in the order given while batching many streams per wave', async () => {
    const store = new SqliteEventStore({ path: path.join(dir, 'w.sqlite') });
    try {
      const writer = new WaveWriter(store, 4);
      const given: CommandEvents[] = [];
      for (let round = 0; round < 5; round++) {
        for (const s of ['a', 'b', 'c', 'd', 'e', 'f']) given.push(command(`probe-${s}`, (round % 2) + 1, `r${round}`));
      }
      // The same stream twice in a row must wait for the next wave, not break its revision.
      given.push(command('probe-a', 1, 'late1'), command('probe-a', 1, 'late2'));
      for (const c of given) await writer.add(c);
      await writer.flush();

      expect(writer.commands).toBe(given.length);
      expect(writer.waves).toBeGreaterThan(given.length / 4 - 1);
      for (const s of ['a', 'b', 'c', 'd', 'e', 'f']) {
        const stored = await store.readStream(`probe-${s}`);
        const expected = given.filter((c) => c.streamId === `probe-${s}`).flatMap((c) => c.events.map((e) => e.metadata.eventId));
        expect(stored.map((e) => e.metadata.eventId)).toEqual(expected);
        expect(stored.map((e) => Number(e.revision))).toEqual(expected.map((_, i) => i));
      }
    } finally {
      await store.close();
    }
  });
});
