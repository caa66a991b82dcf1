import type { EventStore } from '@duban/event-store';
import { CommandEvents } from './suggestion-history';

/**
 * Writes commands through the product's appendToStream, a wave at a time: a wave's appends are
 * all in flight together, so the store's group commit puts them in one transaction. A wave holds
 * at most one command per stream (each append carries its exact expected revision), and a
 * stream's later commands wait for the next wave, so every stream keeps its order while the
 * global order stays within one wave of the order given.
 */
export class WaveWriter {
  private pending: CommandEvents[] = [];
  private readonly revisions = new Map<string, number>();
  events = 0;
  commands = 0;
  waves = 0;

  constructor(
    private readonly store: EventStore,
    private readonly maxWave: number,
    private readonly onWritten: (events: number) => void = () => undefined,
  ) {}

  async add(command: CommandEvents): Promise<void> {
    this.pending.push(command);
    if (this.pending.length >= 2 * this.maxWave) await this.pump(false);
  }

  /** Writes everything still pending. */
  async flush(): Promise<void> {
    await this.pump(true);
  }

  private async pump(all: boolean): Promise<void> {
    while (this.pending.length > 0 && (all || this.pending.length >= this.maxWave)) {
      const wave: CommandEvents[] = [];
      const rest: CommandEvents[] = [];
      const seen = new Set<string>();
      for (const command of this.pending) {
        if (seen.has(command.streamId) || wave.length >= this.maxWave) rest.push(command);
        else wave.push(command);
        seen.add(command.streamId);
      }
      this.pending = rest;
      await this.write(wave);
    }
  }

  private async write(wave: CommandEvents[]): Promise<void> {
    await Promise.all(
      wave.map((command) => {
        const last = this.revisions.get(command.streamId) ?? -1;
        this.revisions.set(command.streamId, last + command.events.length);
        return this.store.appendToStream(command.streamId, command.events, {
          expectedRevision: last < 0 ? 'no_stream' : BigInt(last),
        });
      }),
    );
    const written = wave.reduce((n, c) => n + c.events.length, 0);
    this.events += written;
    this.commands += wave.length;
    this.waves += 1;
    this.onWritten(written);
  }
}
