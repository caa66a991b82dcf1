import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { getRulebook } from '@duban/domain';
import { createEventStore, storeIdentityOf } from '@duban/event-store';
import { READ_MODEL_SCHEMA_VERSION } from '@duban/read-models';
import { loadCalendar } from '../apps/api/src/infrastructure/load-calendar';
import { buildReadModelBeside, preparedReadModelPath } from '../apps/api/src/infrastructure/prepared-read-model';
import { createOrganisation, login, Organisation, PASSWORD } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/**
 * An upgrade whose read model has new tables: the new version builds its read model beside the
 * old one while the old service keeps serving, and the restart only swaps files and catches up.
 */
describe('an upgrade builds its read model beside the served one', () => {
  let old: TestApp;
  let upgraded: TestApp | undefined;
  let org: Organisation;
  const before: string[] = [];
  const duringBuild: string[] = [];

  afterAll(async () => {
    await upgraded?.stop();
    await old.dispose();
  });

  it('the old service keeps answering while the new file is built, and the restart adopts it', async () => {
    old = await startTestApp();
    org = await createOrganisation(old.http);
    const s = new Suggestions(old.http);
    for (let i = 0; i < 3; i++) before.push((await s.submit(org.deputy1, { title: `升级前的建议 ${i}`, content: '内容' })).id);

    const readModelPath = old.config.readModelPath;
    // A second connection to the store, as the upgrade's own process opens it.
    const store = createEventStore(old.config.eventStore);
    try {
      const result = await buildReadModelBeside(store, readModelPath, storeIdentityOf(old.config.eventStore), {
        rulebook: getRulebook('national'),
        calendar: loadCalendar(undefined),
      });
      expect(result.events).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
    // Still serving from the old file, and still taking commands.
    const listed = await s.list(org.staff);
    expect(listed.status).toBe(200);
    for (let i = 0; i < 2; i++) duringBuild.push((await s.submit(org.deputy1, { title: `建好之后的建议 ${i}`, content: '内容' })).id);

    const prepared = preparedReadModelPath(readModelPath);
    const preparedInode = statSync(prepared).ino;
    await old.stop();
    markAsOlderSchema(readModelPath);

    upgraded = await startTestApp({}, old.dataDir);
    expect(existsSync(prepared)).toBe(false);
    // The served file is the prepared one (renamed, not rebuilt at start).
    expect(statSync(readModelPath).ino).toBe(preparedInode);
    const staff = await login(upgraded.http, 'staff1', PASSWORD);
    const after = new Suggestions(upgraded.http);
    for (const id of [...before, ...duringBuild]) {
      expect((await after.state(staff, id)).id).toBe(id);
    }
  });
});

/** What an older version's file looks like to this one: another schema version. */
function markAsOlderSchema(path: string): void {
  const db = new Database(path);
  try {
    db.pragma(`user_version = ${READ_MODEL_SCHEMA_VERSION - 1}`);
  } finally {
    db.close();
  }
}
