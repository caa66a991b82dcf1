import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, MetricRegistry } from './metric-registry';
import { CommandOutcomeLabel, outcomeOfError } from './command-outcome';

/** Seconds: from a fast in-memory answer to a slow disk. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The service's metrics, served at GET /api/metrics. Counters live in memory: they restart at
 * zero with the process, which Prometheus' rate() expects.
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new MetricRegistry();
  readonly commands = this.registry.register(
    new Counter('duban_commands_total', 'Commands handled, by command type and outcome (ok, replayed, forbidden, conflict, ...).'),
  );
  readonly commandDuration = this.registry.register(
    new Histogram('duban_command_duration_seconds', 'Time to decide and durably append one command, by command type.', LATENCY_BUCKETS),
  );
  readonly httpDuration = this.registry.register(
    new Histogram('duban_http_request_duration_seconds', 'HTTP request duration, by method, route pattern and status.', LATENCY_BUCKETS),
  );
  readonly projectorLagEvents = this.registry.register(
    new Gauge('duban_projector_lag_events', 'Events in the store that the read model has not applied yet.'),
  );
  readonly projectorLagSeconds = this.registry.register(
    new Gauge('duban_projector_lag_seconds', 'Age of the oldest event the read model has not applied yet (0 when caught up).'),
  );
  readonly projectorUp = this.registry.register(new Gauge('duban_projector_up', '1 while the projector follows the store, 0 when stopped or failed.'));
  readonly projectorParkedStreams = this.registry.register(
    new Gauge('duban_projector_parked_streams', 'Streams held back because an event of theirs could not be projected (see /api/operations/parked).'),
  );
  readonly projectorRetrying = this.registry.register(
    new Gauge('duban_projector_retrying', '1 while the projector waits to retry after a transient failure (disk full, I/O error, a lock).'),
  );
  readonly storeHead = this.registry.register(new Gauge('duban_event_store_head_position', 'Global position of the last event in the store.'));
  readonly loginLockouts = this.registry.register(
    new Counter('duban_login_lockouts_total', 'Logins refused by the brute-force protection, by scope (user, ip, rate).'),
  );

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
      this.commandDuration.observe(Number(process.hrtime.bigint() - started) / 1e9, { command });
    }
  }
}
