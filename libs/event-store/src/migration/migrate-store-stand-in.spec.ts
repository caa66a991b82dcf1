import * as path from 'node:path';
import { Writable } from 'node:stream';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { event } from '../testing/event-store.contract';
import { GrpcClientStandIn } from '../testing/grpc-stand-in/grpc-client-stand-in';
import { writeSampleHistory } from '../testing/sample-history';
import { makeTempDir } from '../testing/temp-dir';
import { runMigrateStoreCommand } from './migrate-store.command';

const sink = (): { stream: Writable; text: () => string } => {
  let text = '';
  return {
    stream: new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) }),
    text: () => text,
  };
};

/** migrate-store through the real client to a gRPC stand-in for client behaviour (not an EventStoreDB). */
describe('migrate-store to EventStoreDB, as the client sends it', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let server: GrpcClientStandIn;
  let sourceFile: string;
  beforeEach(async () => {
    temp = makeTempDir('migrate-stand-in');
    sourceFile = path.join(temp.dir, 'source.sqlite');
    // The server's default MaxAppendSize.
    server = await GrpcClientStandIn.start({ maxAppendBytes: 1_048_576 });
  });
  afterEach(async () => {
    await server.stop();
    temp.remove();
  });

  it('splits a long run of one stream into appends under the server append limit', async () => {
    const source = new SqliteEventStore({ path: sourceFile });
    // 40 events of ~40 KB in one stream, consecutive: one run of ~1.6 MB within a page.
    for (let i = 0; i < 40; i++) await source.appendToStream('suggestion-big', [event('SuggestionCommented', { text: '意见'.repeat(10_000) })]);
    await source.close();

    const stderr = sink();
    const code = await runMigrateStoreCommand(['--from', sourceFile, '--to', server.connectionString], { stdout: sink().stream, stderr: stderr.stream, env: {} });

    expect(stderr.text()).not.toContain('迁移失败');
    expect(code).toBe(0);
    expect(server.log.stream('suggestion-big')).toHaveLength(40);
  });

  it('writes into EVENTSTORE_STREAM_NAMESPACE, where the api configured with it will look', async () => {
    const source = new SqliteEventStore({ path: sourceFile });
    const written = await writeSampleHistory(source, 2);
    await source.close();

    const code = await runMigrateStoreCommand(['--from', sourceFile, '--to', server.connectionString], {
      stdout: sink().stream,
      stderr: sink().stream,
      env: { EVENTSTORE_STREAM_NAMESPACE: 'county-a.' },
    });

    expect(code).toBe(0);
    expect(server.log.all).toHaveLength(written);
    expect(server.log.all.every((e) => e.streamId.startsWith('county-a.'))).toBe(true);
  });

  it('refuses an invalid namespace with a usage error, writing nothing', async () => {
    const source = new SqliteEventStore({ path: sourceFile });
    await writeSampleHistory(source, 1);
    await source.close();
    const stderr = sink();
    const code = await runMigrateStoreCommand(['--from', sourceFile, '--to', server.connectionString], { stdout: sink().stream, stderr: stderr.stream, env: { EVENTSTORE_STREAM_NAMESPACE: '-bad' } });
    expect(code).toBe(2);
    expect(stderr.text()).toContain('EVENTSTORE_STREAM_NAMESPACE');
    expect(server.log.all).toHaveLength(0);
  });
});
