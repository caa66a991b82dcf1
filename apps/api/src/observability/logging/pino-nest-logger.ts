import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * Nest's LoggerService on top of pino, so framework messages and every `new Logger(context)`
 * in the service come out as the same JSON lines as the request log, with `context` as a field.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack?, context?): keep the stack as a field, not in the message.
    const context = lastString(rest);
    const stack = rest.length >= 2 && typeof rest[0] === 'string' ? rest[0] : undefined;
    this.root.error({ context, ...(stack ? { stack } : {}), ...errorFields(message) }, text(message));
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]): void {
    this.root[level]({ context: lastString(rest), ...errorFields(message) }, text(message));
  }
}

function lastString(values: unknown[]): string | undefined {
  const last = values[values.length - 1];
  return typeof last === 'string' ? last : undefined;
}

function text(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.message;
  try {
    return JSON.stringify(message);
  } catch {
    return String(message);
  }
}

function errorFields(message: unknown): Record<string, unknown> {
  return message instanceof Error ? { err: { type: message.name, stack: message.stack } } : {};
}
