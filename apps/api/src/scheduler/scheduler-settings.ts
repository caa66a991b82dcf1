/** Whether this process records deadlines on its own, and how often it looks. */
export interface SchedulerSettings {
  enabled: boolean;
  intervalMs: number;
}

export const SCHEDULER_DEFAULTS: SchedulerSettings = { enabled: true, intervalMs: 30_000 };

const ON = ['1', 'true', 'on', 'yes'];
const OFF = ['0', 'false', 'off', 'no'];
const MIN_INTERVAL_MS = 100;
const MAX_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * `SCHEDULER=on|off` (default on) and `SCHEDULER_INTERVAL_MS` (default 30000). Several instances may
 * all run it: what it records is appended with an expected revision, so a second recording loses the race.
 */
export function parseSchedulerSettings(read: (name: string) => string | undefined, problems: string[]): SchedulerSettings {
  const settings = { ...SCHEDULER_DEFAULTS };
  const mode = read('SCHEDULER');
  if (mode !== undefined) {
    const word = mode.toLowerCase();
    if (ON.includes(word)) settings.enabled = true;
    else if (OFF.includes(word)) settings.enabled = false;
    else problems.push(`SCHEDULER：「${mode}」无效，只能是 on 或 off`);
  }
  const interval = read('SCHEDULER_INTERVAL_MS');
  if (interval !== undefined) {
    const ms = Number(interval);
    if (!Number.isInteger(ms) || ms < MIN_INTERVAL_MS || ms > MAX_INTERVAL_MS) {
      problems.push(`SCHEDULER_INTERVAL_MS：「${interval}」应为 ${MIN_INTERVAL_MS}–${MAX_INTERVAL_MS} 之间的整数（毫秒）`);
    } else {
      settings.intervalMs = ms;
    }
  }
  return settings;
}
