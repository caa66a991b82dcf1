#!/usr/bin/env node
// Must run before anything imports `@duban/*`: the build keeps those specifiers as written.
import '../shared/register-dist-aliases';
import { runBackupCommand } from './backup.command';

runBackupCommand(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
