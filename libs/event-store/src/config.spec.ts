import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEventStore, eventStoreConfigFromEnv, EventStoreConfigError } from './config';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { makeTempDir } from './testing/temp-dir';

describe('event store configuration', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir('config')));
  afterEach(() => temp.remove());

  it('defaults to SQLite at data/duban.sqlite with synchronous=full', () => {
    expect(eventStoreConfigFromEnv({}, '/srv/duban')).toEqual({ kind: 'sqlite', path: '/srv/duban/data/duban.sqlite', synchronous: 'full' });
    expect(eventStoreConfigFromEnv({ EVENT_STORE_PATH: 'x/y.sqlite', EVENT_STORE_SYNC: 'NORMAL' }, '/srv')).toEqual({
      kind: 'sqlite',
      path: '/srv/x/y.sqlite',
      synchronous: 'normal',
    });
  });

  it('requires a connection string for EventStoreDB and names what is wrong in Chinese', () => {
    expect(() => eventStoreConfigFromEnv({ EVENT_STORE: 'eventstoredb' })).toThrow(/EVENTSTORE_CONNECTION_STRING：.*必须设置/);
    expect(() => eventStoreConfigFromEnv({ EVENT_STORE: 'postgres' })).toThrow('只能是 sqlite 或 eventstoredb');
    expect(() => eventStoreConfigFromEnv({ EVENT_STORE_SYNC: 'off' })).toThrow(EventStoreConfigError);
    expect(() => createEventStore({ kind: 'eventstoredb', connectionString: ' ' })).toThrow(EventStoreConfigError);
    expect(() => createEventStore({ kind: 'eventstoredb', connectionString: 'http://nope' })).toThrow('连接串无法解析');
  });

  it('opens a SQLite store, creating its folder, with the durability asked for', async () => {
    const file = path.join(temp.dir, 'data', 'duban.sqlite');
    const store = createEventStore({ kind: 'sqlite', path: file }, { EVENT_STORE_SYNC: 'normal' });
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect(fs.existsSync(file)).toBe(true);
      expect((store as SqliteEventStore).pragmas().synchronous).toBe('normal');
    } finally {
      await store.close();
    }
    const strict = createEventStore({ kind: 'sqlite', path: file }, {});
    expect((strict as SqliteEventStore).pragmas().synchronous).toBe('full');
    await strict.close();
  });

  it('reads an EventStoreDB stream namespace, and refuses one that could not prefix a stream name', () => {
    const env = { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false' };
    expect(eventStoreConfigFromEnv({ ...env, EVENTSTORE_STREAM_NAMESPACE: 'county-a.' })).toEqual({
      kind: 'eventstoredb',
      connectionString: env.EVENTSTORE_CONNECTION_STRING,
      streamNamespace: 'county-a.',
    });
    expect(eventStoreConfigFromEnv(env)).not.toHaveProperty('streamNamespace');
    expect(() => createEventStore({ kind: 'eventstoredb', connectionString: env.EVENTSTORE_CONNECTION_STRING, streamNamespace: '$all' })).toThrow(
      /EVENTSTORE_STREAM_NAMESPACE：「\$all」无效/,
    );
  });

  it('builds the EventStoreDB adapter from a connection string without connecting yet', async () => {
    const store = createEventStore(eventStoreConfigFromEnv({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false' }));
    expect(store).toBeInstanceOf(EventStoreDbEventStore);
    await store.close();
  });
});
