import '../register-paths';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { assertNever, getRulebook } from '@duban/domain';
import { createEventStore, eventStoreConfigFromEnv, EventStoreConfigError, storeIdentityOf, type EventStoreConfig } from '@duban/event-store';
import { rebuildReadModels, type RebuildOptions, type RebuildResult } from '@duban/read-models';
import { loadServiceCalendar } from '../calendar/service-calendar';
import { buildReadModelBeside, preparedReadModelPath } from '../infrastructure/prepared-read-model';

/**
 * `npm run rebuild`: rebuilds every read model from the events (after a projection change, or
 * when the read-model file is lost). Reads EVENT_STORE, EVENT_STORE_PATH, EVENTSTORE_CONNECTION_STRING
 * and READ_MODEL_PATH like the service. Progress goes to stderr, the summary to stdout.
 *
 * `npm run rebuild -- --beside` (an upgrade that changes the read model): the new version builds its
 * file next to the old one while the old service keeps serving, and adopts it when it starts.
 */
async function main(): Promise<void> {
  const config = eventStoreConfigFromEnv(process.env);
  const servedPath = path.resolve(process.env.READ_MODEL_PATH?.trim() || 'data/read-model.sqlite');
  const beside = process.argv.includes('--beside');
  const readModelPath = beside ? preparedReadModelPath(servedPath) : servedPath;
  mkdirSync(path.dirname(readModelPath), { recursive: true });

  process.stderr.write(
    `重建读模型：从 ${describeStore(config)} 读取全部事件，写入 ${readModelPath}\n` +
      (beside
        ? '在旧读模型旁边建立新读模型：服务可以继续运行；建好后重启服务（新版本）即换用新读模型，停机只有重启的时间。\n'
        : '请先停止服务：服务运行时会继续写旧的读模型文件。重建失败时旧的读模型保持不变。\n'),
  );
  const store = createEventStore(config);
  const calendar = await loadServiceCalendar(store, process.env.CALENDAR_OVERRIDES_PATH?.trim() || undefined);
  const build = (options: RebuildOptions): Promise<RebuildResult> =>
    beside ? buildReadModelBeside(store, servedPath, storeIdentityOf(config), options) : rebuildReadModels(store, servedPath, options);
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'rebuilding read models [{bar}] {percentage}% | {value}/{total} events | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
      // Without a terminal (CI, logs) print a line every few seconds instead of redrawing.
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    Presets.shades_classic,
  );
  let barStarted = false;
  try {
    const result = await build({
      // The same rules as the service, so the rebuilt scheduler wake-ups equal the live ones; the
      // calendar includes the holiday notices uploaded through the API, not only the override file.
      rulebook: getRulebook(process.env.RULEBOOK?.trim() || 'national'),
      calendar,
      onIsolating: (cause) => {
        process.stderr.write(`\n有事件无法投影（${cause.message}）：改为逐批重建，无法投影的事件流将被暂缓处理。\n`);
      },
      onProgress: ({ eventsDone, eventsTotal }) => {
        if (!barStarted) {
          bar.start(eventsTotal, eventsDone);
          barStarted = true;
          return;
        }
        bar.setTotal(eventsTotal);
        bar.update(eventsDone);
      },
    });
    if (barStarted) bar.stop();
    process.stdout.write(
      `读模型重建完成：${result.events} 个事件，用时 ${result.seconds.toFixed(1)} 秒，` +
        `每秒 ${Math.round(result.eventsPerSecond)} 个事件。\n`,
    );
    if (beside) process.stdout.write(`新读模型已就绪：${readModelPath}。重启服务（新版本）即换用它，期间写入的事件在启动后补上。\n`);
    // Exit 0 on purpose: the new read model is complete for every other stream and the service
    // runs on it; what is held back is listed here, in /api/health and /api/operations/parked.
    if (result.parkedCount > 0) process.stdout.write(describeParked(result));
  } finally {
    if (barStarted) bar.stop();
    await store.close();
  }
}

function describeParked(result: RebuildResult): string {
  const lines = result.parked.map((s) => `  ${s.streamId} 第 ${s.revision} 版（${s.type}，位置 ${s.position}，共 ${s.events} 个事件）：${s.error}\n`);
  const more = result.parkedCount > result.parked.length ? `  ……另有 ${result.parkedCount - result.parked.length} 个事件流\n` : '';
  return (
    `警告：${result.parkedCount} 个事件流含无法投影的事件，已暂缓处理（其余数据完整）：\n${lines.join('')}${more}` +
    '修复投影后重启服务（启动时自动重试），或由管理员调用 POST /api/operations/parked/retry。\n'
  );
}

function describeStore(config: EventStoreConfig): string {
  switch (config.kind) {
    case 'sqlite':
      return `嵌入式事件库 ${config.path}`;
    case 'eventstoredb':
      return 'EventStoreDB';
    default:
      return assertNever(config, 'event store config');
  }
}

main().catch((error: unknown) => {
  if (error instanceof EventStoreConfigError) {
    process.stderr.write(`配置无效：${error.message}\n`);
  } else {
    process.stderr.write(`读模型重建失败，旧的读模型未改动：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
