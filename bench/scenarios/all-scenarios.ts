import { Scenario } from './scenario';
import { s1DurableAppend } from './s1-durable-append';
import { s2ConcurrentWriters } from './s2-concurrent-writers';
import { s3CommandHandling } from './s3-command-handling';
import { s4Rebuild } from './s4-rebuild';
import { s5HttpCommands } from './s5-http-commands';
import { s6HttpQueries } from './s6-http-queries';
import { s7MemoryStartup } from './s7-memory-startup';
import { s8UpgradeWindow } from './s8-upgrade-window';
import { s9ImportAndBatch } from './s9-import-and-batch';
import { s10Routing } from './s10-routing';
import { s11WebWeight } from './s11-web-weight';

/** In the order they run: the write scenarios first, on an otherwise idle process. */
export const ALL_SCENARIOS: readonly Scenario[] = [
  s1DurableAppend,
  s2ConcurrentWriters,
  s3CommandHandling,
  s4Rebuild,
  s5HttpCommands,
  s6HttpQueries,
  s7MemoryStartup,
  s8UpgradeWindow,
  s9ImportAndBatch,
  s10Routing,
  s11WebWeight,
];
