import type { CommandBus } from '@nestjs/cqrs';
import type { HttpAdapterHost } from '@nestjs/core';
import type { EventStore } from '@duban/event-store';
import type { Projector, ReadModelQueries } from '@duban/read-models';
import type { AppConfig } from '../config/app-config';
import type { Clock } from '../clock/clock';
import type { RunSuggestionCommand } from '../suggestions/execution/suggestion-stream';
import { DeadlineScheduler } from './deadline-scheduler';

describe('DeadlineScheduler', () => {
  it('catches up on more than one run can take at once without waiting for the next interval', async () => {
    // 10,500 suggestions due: more than one run's 50 batches of 200.
    const due = new Set(Array.from({ length: 10_500 }, (_, i) => `suggestion-${String(i).padStart(5, '0')}`));
    const recorded: string[] = [];
    const queries = { dueForScheduler: (_now: string, limit: number) => [...due].slice(0, limit) } as unknown as ReadModelQueries;
    const commandBus = {
      execute: async (command: RunSuggestionCommand) => {
        due.delete(command.id);
        recorded.push(command.id);
      },
    } as unknown as CommandBus;
    const store = { headPosition: async () => null } as unknown as EventStore;
    const clock = { nowIso: () => '2026-11-22T02:00:00.000Z' } as unknown as Clock;
    const config = { scheduler: { enabled: true, intervalMs: 3_600_000 } } as unknown as AppConfig;
    const scheduler = new DeadlineScheduler(config, queries, {} as Projector, store, clock, commandBus, {} as HttpAdapterHost);
    try {
      const first = await scheduler.runNow();
      expect(first?.checked).toBe(10_000);
      // The follow-up run starts by itself, long before the hour-long interval.
      const deadline = Date.now() + 5_000;
      while (due.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(due.size).toBe(0);
      expect(new Set(recorded).size).toBe(10_500);
    } finally {
      await scheduler.beforeApplicationShutdown();
    }
  });
});
