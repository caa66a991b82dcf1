/**
 * Whether this process records deadlines on its own, and how often it looks: `SCHEDULER=on|off`
 * and `SCHEDULER_INTERVAL_MS`, read with the rest of the environment (apps/api/src/config). Several
 * instances may all run it: what it records is appended with an expected revision, so a second
 * recording loses the race.
 */
export interface SchedulerSettings {
  enabled: boolean;
  intervalMs: number;
}

export const SCHEDULER_DEFAULTS: SchedulerSettings = { enabled: true, intervalMs: 30_000 };
