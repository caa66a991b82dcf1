#!/usr/bin/env node
// Must run before anything imports `@duban/*`: the build keeps those specifiers as written.
import '../shared/register-dist-aliases';
import { runAuditSealCommand } from './audit-seal.command';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

runAuditSealCommand(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`封印失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
