import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevelName } from '../../config/app-config';

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
  return destination ? pino(options, destination) : pino(options);
}
