import type { EventStore } from '../port/event-store.port';
import { event } from './event-store.contract';

/**
 * A small but realistic history: interleaved suggestion, unit and user streams, several events
 * per append, Chinese text. Returns how many events were written.
 */
export async function writeSampleHistory(store: EventStore, suggestions = 12, prefix = ''): Promise<number> {
  let written = 0;
  for (let u = 0; u < 3; u++) {
    await store.appendToStream(`${prefix}unit-u${u}`, [event('UnitRegistered', { unitId: `u${u}`, name: `第${u + 1}承办单位` })]);
    written += 1;
  }
  await store.appendToStream(`${prefix}user-deputy`, [event('UserRegistered', { userId: 'deputy', displayName: '王代表', role: 'deputy' })]);
  written += 1;
  for (let step = 0; step < 3; step++) {
    for (let s = 0; s < suggestions; s++) {
      const streamId = `${prefix}suggestion-s${s}`;
      const events =
        step === 0
          ? [event('SuggestionSubmitted', { title: `关于第${s + 1}项民生工程的建议`, content: '具体内容……', nested: { tags: ['民生', '交通'] } })]
          : step === 1
            ? [event('SuggestionAccepted', { assignDueAt: '2026-10-16T15:59:59.999Z' }), event('SuggestionAssigned', { mode: 'sole', units: [{ unitId: `u${s % 3}` }] })]
            : [event('SuggestionAnswered', { category: 'A', content: '已经解决。', signedBy: '李局长' })];
      await store.appendToStream(streamId, events);
      written += events.length;
    }
  }
  return written;
}
