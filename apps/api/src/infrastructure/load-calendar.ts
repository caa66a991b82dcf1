import { readFileSync } from 'node:fs';
import { createWorkingCalendar, parseCalendarOverrides, WorkingCalendar } from '@duban/domain';
import { ConfigError } from '../config/config-error';

/** The official calendar plus the operator's override file; a broken file stops the start. */
export function loadCalendar(overridesPath: string | undefined): WorkingCalendar {
  if (overridesPath === undefined) return createWorkingCalendar();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(overridesPath, 'utf8'));
  } catch (error) {
    throw new ConfigError([`CALENDAR_OVERRIDES_PATH：无法读取 ${overridesPath}（${describe(error)}）`]);
  }
  try {
    return createWorkingCalendar(parseCalendarOverrides(raw));
  } catch (error) {
    throw new ConfigError([`CALENDAR_OVERRIDES_PATH：${overridesPath} 格式有误（${describe(error)}）`]);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
