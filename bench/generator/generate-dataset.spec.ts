import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SuggestionEvent, SuggestionState, Stamped, suggestionDecider } from '@duban/domain';
import type { RecordedEvent } from '@duban/event-store';
import { verifyPassword } from '../../apps/api/src/auth/password-hasher';
import { SqliteEventStore } from '../harness/product';
import { generateDataset, GenerateReport } from './generate-dataset';
import { defaultDomainContext } from './open-generation-context';
import { BENCH_PASSWORD } from './organisation';

const SUGGESTIONS = 80;
const END = '2026-11-01T00:00:00.000Z';

async function generateInto(file: string, seed: string): Promise<{ report: GenerateReport; events: RecordedEvent[] }> {
  const store = new SqliteEventStore({ path: file });
  try {
    const report = await generateDataset({ suggestions: SUGGESTIONS, seed, endIso: END, store, ctx: defaultDomainContext(), maxWave: 50 });
    const events: RecordedEvent[] = [];
    for (;;) {
      const page = await store.readAll({ ...(events.length > 0 ? { after: events[events.length - 1]!.position } : {}), maxCount: 1000 });
      events.push(...page);
      if (page.length < 1000) break;
    }
    return { report, events };
  } finally {
    await store.close();
  }
}

describe('generateDataset', () => {
  let dir: string;
  let first: { report: GenerateReport; events: RecordedEvent[] };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-bench-gen-'));
    first = await generateInto(path.join(dir, 'a.sqlite'), 'spec-seed');
  }, 120_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the same events for the same seed, and other events for another seed', async () => {
    const again = await generateInto(path.join(dir, 'b.sqlite'), 'spec-seed');
    const fingerprint = (events: RecordedEvent[]): string[] => events.map((e) => `${e.streamId}#${e.revision}:${e.type}:${e.metadata.eventId}`);
    expect(fingerprint(again.events)).toEqual(fingerprint(first.events));
    const other = await generateInto(path.join(dir, 'c.sqlite'), 'another-seed');
    expect(other.events.map((e) => e.metadata.eventId)).not.toEqual(first.events.map((e) => e.metadata.eventId));
  }, 120_000);

  it('reports exactly what it wrote', () => {
    expect(first.events).toHaveLength(first.report.events);
    const suggestionEvents = first.events.filter((e) => e.streamId.startsWith('suggestion-'));
    expect(suggestionEvents).toHaveLength(first.report.events - first.report.accountEvents);
    expect(new Set(suggestionEvents.map((e) => e.streamId)).size).toBe(SUGGESTIONS);
  });

  it('gives every suggestion a history the product folds into the status it reports, about ten events each', () => {
    const byStream = new Map<string, RecordedEvent[]>();
    for (const e of first.events.filter((x) => x.streamId.startsWith('suggestion-'))) {
      byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
    }
    const statuses: Record<string, number> = {};
    for (const [streamId, events] of byStream) {
      // Revisions are contiguous from 0 and time never goes backwards within a stream.
      expect(events.map((e) => Number(e.revision))).toEqual(events.map((_, i) => i));
      const times = events.map((e) => Date.parse(e.metadata.occurredAt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(times[times.length - 1]!).toBeLessThan(Date.parse(END));
      const state = events.reduce<SuggestionState>(
        (s, e) => suggestionDecider.evolve(s, { type: e.type, data: e.data, at: e.metadata.occurredAt, by: e.metadata.actor } as Stamped<SuggestionEvent>),
        suggestionDecider.initialState(),
      );
      expect(state.status).not.toBe('none');
      expect(events[0]!.type).toBe('SuggestionSubmitted');
      expect(streamId).toBe(`suggestion-${(events[0]!.data as { suggestionId: string }).suggestionId}`);
      statuses[state.status] = (statuses[state.status] ?? 0) + 1;
    }
    expect(statuses).toEqual(first.report.byStatus);
    const perSuggestion = (first.report.events - first.report.accountEvents) / SUGGESTIONS;
    expect(perSuggestion).toBeGreaterThan(7);
    expect(perSuggestion).toBeLessThan(13);
    // The lifecycle's real mix: most handled through to the end, some still open or refused.
    expect((statuses['closed'] ?? 0) + (statuses['rated'] ?? 0)).toBeGreaterThan(SUGGESTIONS / 2);
    expect(first.report.byType['SuggestionAnswered']).toBeGreaterThan(SUGGESTIONS / 2);
    expect(first.report.byType['DeputyContacted']).toBeGreaterThan(SUGGESTIONS / 2);
  });

  it('writes Chinese titles and contents of realistic length', () => {
    const submitted = first.events.filter((e) => e.type === 'SuggestionSubmitted').map((e) => e.data as { title: string; content: string });
    for (const { title, content } of submitted) {
      expect(title).toMatch(/^关于.+的(几点)?建议$/);
      expect(content.length).toBeGreaterThan(400);
      expect(content.length).toBeLessThan(2500);
      // Mostly Han characters: Chinese prose, not placeholders.
      expect((content.match(/[\u4e00-\u9fff]/g) ?? []).length / content.length).toBeGreaterThan(0.7);
      expect(content).not.toMatch(/\{\w+\}/);
    }
    const answers = first.events.filter((e) => e.type === 'SuggestionAnswered').map((e) => (e.data as { content: string }).content);
    expect(answers.every((a) => a.length > 300 && a.includes('现将办理情况答复如下') && !/\{\w+\}/.test(a))).toBe(true);
  });

  it('creates the units and users the api needs, whose password the api accepts', async () => {
    const users = first.events.filter((e) => e.type === 'UserRegistered').map((e) => e.data as { userId: string; role: string; passwordHash: string; unitId?: string });
    const units = first.events.filter((e) => e.type === 'UnitRegistered');
    expect(units).toHaveLength(first.report.units);
    expect(users).toHaveLength(first.report.users);
    for (const role of ['admin', 'staff', 'supervisor', 'deputy', 'unit']) expect(users.some((u) => u.role === role)).toBe(true);
    expect(users.filter((u) => u.role === 'unit').every((u) => u.unitId !== undefined)).toBe(true);
    await expect(verifyPassword(BENCH_PASSWORD, users[0]!.passwordHash)).resolves.toBe(true);
    await expect(verifyPassword('wrong password', users[0]!.passwordHash)).resolves.toBe(false);
  });
});
