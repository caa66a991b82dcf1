#!/usr/bin/env node
// Must run before anything imports `@duban/*`: the build keeps those specifiers as written.
import '../shared/register-dist-aliases';
import { runMigrateStoreCommand } from './migrate-store.command';

const controller = new AbortController();
// First Ctrl-C stops cleanly after the current append and saves progress; a second one kills.
process.once('SIGINT', () => {
  process.stderr.write('\n正在停止，保存进度……（再按一次 Ctrl-C 立即退出）\n');
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

runMigrateStoreCommand(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`迁移失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
