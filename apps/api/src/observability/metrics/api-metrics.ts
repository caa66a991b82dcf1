import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CommandOutcomeLabel, outcomeOfError } from './command-outcome';
import { processMetrics } from './process-metrics';

/** Seconds: from a fast in-memory answer to a slow disk. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The service's metrics, served at GET /api/metrics. Counters live in memory: they restart at
 * zero with the process, which Prometheus' rate() expects. Each app instance has a registry of
 * its own (never prom-client's global one), so several apps in one process (the tests) do not
 * collide on metric names or count each other's commands.
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  readonly commands = new Counter({
    name: 'duban_commands_total',
    help: 'Commands handled, by command type and outcome (ok, replayed, forbidden, conflict, ...).',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly commandDuration = new Histogram({
    name: 'duban_command_duration_seconds',
    help: 'Time to decide and durably append one command, by command type.',
    labelNames: ['command'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'duban_http_request_duration_seconds',
    help: 'HTTP request duration, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly projectorLagEvents = new Gauge({
    name: 'duban_projector_lag_events',
    help: 'Events in the store that the read model has not applied yet (counted, up to a cap).',
    registers: [this.registry],
  });
  readonly projectorLagSeconds = new Gauge({
    name: 'duban_projector_lag_seconds',
    help: 'Age of the oldest event the read model has not applied yet (0 when caught up).',
    registers: [this.registry],
  });
  readonly projectorUp = new Gauge({
    name: 'duban_projector_up',
    help: '1 while the projector follows the store, 0 when stopped or failed.',
    registers: [this.registry],
  });
  readonly projectorParkedStreams = new Gauge({
    name: 'duban_projector_parked_streams',
    help: 'Streams held back because an event of theirs could not be projected (see /api/operations/parked).',
    registers: [this.registry],
  });
  readonly projectorRetrying = new Gauge({
    name: 'duban_projector_retrying',
    help: '1 while the projector waits to retry after a transient failure (disk full, I/O error, a lock).',
    registers: [this.registry],
  });
  readonly storeHead = new Gauge({
    name: 'duban_event_store_head_position',
    help: 'Position of the last event in the store, in the store\'s own unit: unit="sequence" (embedded store, one per event) or unit="byte_offset" (EventStoreDB, not a number of events).',
    labelNames: ['unit'] as const,
    registers: [this.registry],
  });
  readonly loginLockouts = new Counter({
    name: 'duban_login_lockouts_total',
    help: 'Logins refused by the brute-force protection, by scope (user, ip, rate).',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });

  /** The Prometheus text exposition: this instance's metrics, then the process's own. */
  async render(): Promise<string> {
    const [own, ofProcess] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return `${own.trimEnd()}\n${ofProcess}`;
  }

  /** Runs one command, counting its outcome and timing it; the error, if any, is rethrown unchanged. */
  async timeCommand<T>(command: string, run: () => Promise<T>, replayed: (result: T) => boolean = () => false): Promise<T> {
    const started = process.hrtime.bigint();
    let outcome: CommandOutcomeLabel = 'error';
    try {
      const result = await run();
      outcome = replayed(result) ? 'replayed' : 'ok';
      return result;
    } catch (error) {
      outcome = outcomeOfError(error);
      throw error;
    } finally {
      this.commands.inc({ command, outcome });
      this.commandDuration.observe({ command }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
}
