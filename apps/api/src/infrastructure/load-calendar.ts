import { readFileSync } from 'node:fs';
import { CalendarOverrides, createWorkingCalendar, EMPTY_CALENDAR_OVERRIDES, parseCalendarOverrides, WorkingCalendar } from '@duban/domain';
import { ConfigError } from '../config/config-error';

/** The official calendar plus the operator's override file; a broken file stops the start. */
export function loadCalendar(overridesPath: string | undefined): WorkingCalendar {
  const overrides = loadCalendarOverrides(overridesPath);
  try {
    return createWorkingCalendar(overrides);
  } catch (error) {
    throw new ConfigError([`CALENDAR_OVERRIDES_PATH：${overridesPath} 格式有误（${describe(error)}）`]);
  }
}

/** The operator's override file, checked (a broken file stops the start); none configured: empty. */
export function loadCalendarOverrides(overridesPath: string | undefined): CalendarOverrides {
  if (overridesPath === undefined) return EMPTY_CALENDAR_OVERRIDES;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(overridesPath, 'utf8'));
  } catch (error) {
    throw new ConfigError([`CALENDAR_OVERRIDES_PATH：无法读取 ${overridesPath}（${describe(error)}）`]);
  }
  try {
    const overrides = parseCalendarOverrides(raw);
    createWorkingCalendar(overrides);
    return overrides;
  } catch (error) {
    throw new ConfigError([`CALENDAR_OVERRIDES_PATH：${overridesPath} 格式有误（${describe(error)}）`]);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
