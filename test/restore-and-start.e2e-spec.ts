import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { backupSqliteStore, restoreSqliteStore } from '@duban/event-store';
import { createOrganisation, login, Organisation, PASSWORD } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/**
 * An operator restores an older backup of the store and starts the service without `npm run
 * rebuild`. The read model still describes the newer events; left as it is, new writes get
 * positions it believes it has applied: acknowledged (201) and never readable.
 */
describe('restoring an older backup, then starting without a rebuild', () => {
  let first: TestApp;
  let second: TestApp | undefined;
  let org: Organisation;
  let backupDir: string;
  let keptId: string;
  const lostIds: string[] = [];

  beforeAll(async () => {
    backupDir = mkdtempSync(path.join(tmpdir(), 'duban-backup-'));
    first = await startTestApp();
    org = await createOrganisation(first.http);
    const s = new Suggestions(first.http);
    keptId = (await s.submit(org.deputy1, { title: '备份之前提交的建议', content: '内容' })).id;
    await backupSqliteStore(path.join(first.dataDir, 'events.sqlite'), path.join(backupDir, 'older.sqlite'));
    // Written after the backup: the restore takes these away from the store, not from the read model.
    for (let i = 1; i <= 3; i++) {
      const id = (await s.submit(org.deputy1, { title: `备份之后提交的建议 ${i}`, content: '内容' })).id;
      await s.run(org.staff, id, 'accept');
      lostIds.push(id);
    }
    expect((await s.list(org.staff)).body.total).toBe(4);
    await first.stop();
    await restoreSqliteStore(path.join(backupDir, 'older.sqlite'), path.join(first.dataDir, 'events.sqlite'), { force: true });
  });

  afterAll(async () => {
    await second?.stop();
    await first.dispose();
    rmSync(backupDir, { recursive: true, force: true });
  });

  it('rebuilds the read model before serving, so a new suggestion is readable with ?after= and the lost ones are gone', async () => {
    second = await startTestApp({}, first.dataDir);
    const health = await second.http.get('/api/health');
    expect(health.body.status).toBe('ok');
    expect(health.body.projector.checkpoint).toBe(health.body.store.head);

    const deputy = await login(second.http, 'deputy1', PASSWORD);
    const staff = await login(second.http, 'staff1', PASSWORD);
    const s = new Suggestions(second.http);
    const written = await s.submit(deputy, { title: '恢复之后提交的建议', content: '恢复之后的内容' });
    const detail = await second.http.get(`/api/suggestions/${written.id}?after=${written.position}`, { token: deputy.token });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: written.id, title: '恢复之后提交的建议', status: 'submitted' });

    const list = await second.http.get(`/api/suggestions?after=${written.position}`, { token: staff.token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id).sort()).toEqual([keptId, written.id].sort());
    for (const id of lostIds) expect((await second.http.get(`/api/suggestions/${id}`, { token: staff.token })).status).toBe(404);
  });
});
