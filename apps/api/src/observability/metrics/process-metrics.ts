import { collectDefaultMetrics, Registry } from 'prom-client';

let shared: Registry | undefined;

/**
 * The Node.js process's own metrics (CPU, memory, heap, event-loop delay, GC, open handles), with
 * prom-client's standard names (`process_*`, `nodejs_*`). They describe the process, not one app
 * instance, so they are collected once per process and shared by every instance's scrape: tests
 * start many apps in one process, and one event-loop monitor per app would only add timers.
 */
export function processMetrics(): Registry {
  if (shared === undefined) {
    shared = new Registry();
    collectDefaultMetrics({ register: shared });
  }
  return shared;
}
