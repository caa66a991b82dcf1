import { parseSchedulerSettings, SCHEDULER_DEFAULTS } from './scheduler-settings';

const parse = (env: Record<string, string>) => {
  const problems: string[] = [];
  const settings = parseSchedulerSettings((name) => env[name], problems);
  return { settings, problems };
};

describe('scheduler settings', () => {
  it('runs every 30 s by default', () => {
    expect(parse({})).toEqual({ settings: { enabled: true, intervalMs: 30_000 }, problems: [] });
    expect(SCHEDULER_DEFAULTS).toEqual({ enabled: true, intervalMs: 30_000 });
  });

  it('is switched off with SCHEDULER=off and paced with SCHEDULER_INTERVAL_MS', () => {
    expect(parse({ SCHEDULER: 'off', SCHEDULER_INTERVAL_MS: '5000' }).settings).toEqual({ enabled: false, intervalMs: 5000 });
    expect(parse({ SCHEDULER: 'ON' }).settings.enabled).toBe(true);
  });

  it('names every bad value in Chinese instead of guessing', () => {
    const { problems } = parse({ SCHEDULER: 'sometimes', SCHEDULER_INTERVAL_MS: '10' });
    expect(problems).toEqual([
      'SCHEDULER：「sometimes」无效，只能是 on 或 off',
      'SCHEDULER_INTERVAL_MS：「10」应为 100–86400000 之间的整数（毫秒）',
    ]);
    expect(parse({ SCHEDULER_INTERVAL_MS: '1.5' }).problems).toHaveLength(1);
  });
});
