import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevelName } from '../../config/app-config';

/** How late a buffered line may reach stdout while the service is quiet. */
const FLUSH_MS = 200;
/** Lines are written out once this much has gathered (sonic-boom needs it below its 16 KiB largest write). */
const BUFFER_BYTES = 8 * 1024;

/** Stdout is one per process: every logger (tests start many apps) shares one buffer and one timer. */
let stdout: { sink: ReturnType<typeof pino.destination>; stream: DestinationStream } | undefined;

/**
 * The one pino logger of the process: one JSON object per line on stdout (or `destination`, which
 * tests use to read the lines back). Times are ISO strings so a person can read them too.
 */
export function createRootLogger(level: LogLevelName, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'duban-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Never let a token or a password reach a log line, whatever a caller passes along.
    redact: { paths: ['req.headers.authorization', 'password', '*.password', 'accessToken'], censor: '[redacted]' },
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return pino(options, destination ?? bufferedStdout());
}

/**
 * Stdout written a buffer at a time instead of one synchronous write per line: with a line per
 * request, that write was a system call on every request (measured in S6's CPU profiles as
 * 5–9 % of a query's time, and a stall whenever the pipe's reader lagged). A line reaches stdout
 * at most FLUSH_MS late; pino flushes on a normal exit, flushLogsSync() before a signal ends the process.
 */
function bufferedStdout(): DestinationStream {
  if (stdout) return stdout.stream;
  const sink = pino.destination({ dest: 1, sync: false, minLength: BUFFER_BYTES });
  let unflushed = false;
  const timer = setInterval(() => {
    if (!unflushed) return;
    unflushed = false;
    sink.flush();
  }, FLUSH_MS);
  // The timer must not keep a finished process alive.
  timer.unref();
  const stream: DestinationStream = {
    write(line: string) {
      unflushed = true;
      sink.write(line);
    },
  };
  stdout = { sink, stream };
  return stream;
}

/** Writes out every buffered line now: the shutdown's last step, since a signal ends the process without 'exit' handlers. */
export function flushLogsSync(): void {
  try {
    stdout?.sink.flushSync();
  } catch {
    // Not open yet, or already closed: nothing of ours is left to write.
  }
}
