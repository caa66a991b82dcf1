import * as path from 'node:path';
import { assertNever } from '@duban/domain';
import { obtainAuditKey, type AuditKeySource } from './audit/audit-key-source';
import type { EventStore } from './port/event-store.port';
import { isValidStreamNamespace } from './eventstoredb/stream-namespace-name';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import type { SqliteSynchronous } from './sqlite/sqlite-database';

export type EventStoreConfig = (
  | { kind: 'sqlite'; path: string; synchronous?: SqliteSynchronous }
  | {
      kind: 'eventstoredb';
      connectionString: string;
      /** Prefix of every stored stream name, so several deployments or test runs can share one server. */
      streamNamespace?: string;
    }
) & {
  /**
   * Where the audit key comes from (see audit/audit-key-source.ts): new events are hashed with
   * HMAC-SHA256 under it. Absent: plain sha256, as before the key existed.
   */
  auditKey?: AuditKeySource;
};

export const DEFAULT_EVENT_STORE_PATH = 'data/duban.sqlite';

/** A configuration the operator has to fix; the message is for them and in Chinese. */
export class EventStoreConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventStoreConfigError';
  }
}

/**
 * Reads EVENT_STORE (sqlite | eventstoredb), EVENT_STORE_PATH, EVENT_STORE_SYNC (full | normal),
 * EVENTSTORE_CONNECTION_STRING and EVENTSTORE_STREAM_NAMESPACE. Relative paths are resolved against `cwd`.
 */
export function eventStoreConfigFromEnv(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): EventStoreConfig {
  const read = (name: string): string | undefined => env[name]?.trim() || undefined;
  const kind = read('EVENT_STORE') ?? 'sqlite';
  if (kind === 'sqlite') {
    const sync = read('EVENT_STORE_SYNC')?.toLowerCase() ?? 'full';
    if (sync !== 'full' && sync !== 'normal') {
      throw new EventStoreConfigError(`EVENT_STORE_SYNC：「${sync}」无效，只能是 full 或 normal`);
    }
    return { kind: 'sqlite', path: path.resolve(cwd, read('EVENT_STORE_PATH') ?? DEFAULT_EVENT_STORE_PATH), synchronous: sync };
  }
  if (kind === 'eventstoredb') {
    const connectionString = read('EVENTSTORE_CONNECTION_STRING');
    if (!connectionString) {
      throw new EventStoreConfigError(
        'EVENTSTORE_CONNECTION_STRING：使用 EVENT_STORE=eventstoredb 时必须设置 EventStoreDB 连接串，例如 esdb://localhost:2113?tls=false',
      );
    }
    const streamNamespace = read('EVENTSTORE_STREAM_NAMESPACE');
    if (streamNamespace !== undefined) assertStreamNamespace(streamNamespace);
    return { kind: 'eventstoredb', connectionString, ...(streamNamespace ? { streamNamespace } : {}) };
  }
  throw new EventStoreConfigError(`EVENT_STORE：「${kind}」无效，只能是 sqlite 或 eventstoredb`);
}

/**
 * Opens the configured adapter. The SQLite file's folder is created if missing; EventStoreDB
 * connects on first use. `synchronous` falls back to EVENT_STORE_SYNC, then to `full`.
 */
export function createEventStore(config: EventStoreConfig, env: NodeJS.ProcessEnv = process.env): EventStore {
  // A development key file is created here on first start when missing (see obtainAuditKey).
  const auditKey = config.auditKey ? obtainAuditKey(config.auditKey).key : undefined;
  switch (config.kind) {
    case 'sqlite': {
      const synchronous = config.synchronous ?? syncFromEnv(env);
      return new SqliteEventStore({ path: config.path || DEFAULT_EVENT_STORE_PATH, synchronous, auditKey });
    }
    case 'eventstoredb':
      if (!config.connectionString.trim()) {
        throw new EventStoreConfigError('EVENTSTORE_CONNECTION_STRING：使用 EVENT_STORE=eventstoredb 时必须设置 EventStoreDB 连接串');
      }
      if (config.streamNamespace !== undefined) assertStreamNamespace(config.streamNamespace);
      try {
        return new (loadEventStoreDbAdapter().EventStoreDbEventStore)({ connectionString: config.connectionString.trim(), streamNamespace: config.streamNamespace, auditKey });
      } catch (error) {
        throw new EventStoreConfigError(`EVENTSTORE_CONNECTION_STRING：连接串无法解析（${error instanceof Error ? error.message : String(error)}）`);
      }
    default:
      return assertNever(config, 'event store config');
  }
}

function syncFromEnv(env: NodeJS.ProcessEnv): SqliteSynchronous {
  const value = env.EVENT_STORE_SYNC?.trim().toLowerCase();
  if (value === undefined || value === '') return 'full';
  if (value === 'full' || value === 'normal') return value;
  throw new EventStoreConfigError(`EVENT_STORE_SYNC：「${value}」无效，只能是 full 或 normal`);
}

function assertStreamNamespace(namespace: string): void {
  if (!isValidStreamNamespace(namespace)) {
    throw new EventStoreConfigError(
      `EVENTSTORE_STREAM_NAMESPACE：「${namespace}」无效，只能由字母、数字、下划线、点和连字符组成（1–64 个字符，以字母或数字开头）`,
    );
  }
}

/**
 * The EventStoreDB adapter and its gRPC client are required only when configured: an embedded
 * deployment would otherwise load them at every start (~0.25 s of CPU measured) for nothing.
 */
function loadEventStoreDbAdapter(): typeof import('./eventstoredb/eventstoredb-event-store') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./eventstoredb/eventstoredb-event-store') as typeof import('./eventstoredb/eventstoredb-event-store');
}
