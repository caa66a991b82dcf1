import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { createOrganisation, login, Organisation, PASSWORD } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';
import { describeOnEachEventStore } from '../libs/event-store/src/testing/event-store-switch';

describeOnEachEventStore('data survives a restart', (storeEnv) => {
  let first: TestApp;
  let second: TestApp | undefined;
  let third: TestApp | undefined;
  let org: Organisation;
  let id: string;
  let detailBefore: any;
  let timelineBefore: any[];

  beforeAll(async () => {
    first = await startTestApp(storeEnv());
    org = await createOrganisation(first.http);
    const s = new Suggestions(first.http);
    id = (await s.submit(org.deputy1, { title: '关于重启测试的建议', content: '内容', coSignerIds: ['deputy2'] })).id;
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'lead', unitIds: ['traffic', 'housing'], leadUnitId: 'traffic' });
    await s.run(org.housing, id, 'co-opinion', { content: '协办意见' });
    detailBefore = await s.state(org.deputy1, id);
    timelineBefore = (await s.timeline(org.deputy1, id)).body;
    await first.stop();
  });

  afterAll(async () => {
    await third?.stop();
    await second?.stop();
    await first.dispose();
  });

  it('a second server on the same files knows the accounts and the suggestion, and continues it', async () => {
    second = await startTestApp(storeEnv(), first.dataDir);
    const deputy = await login(second.http, 'deputy1', PASSWORD);
    const traffic = await login(second.http, 'traffic1', PASSWORD);
    const s = new Suggestions(second.http);
    expect(await s.state(deputy, id)).toEqual(detailBefore);
    expect((await s.timeline(deputy, id)).body).toEqual(timelineBefore);

    const outcome = await s.run(traffic, id, 'answer', { category: 'A', content: '已解决', signedBy: '局长' });
    expect(outcome.revision).toBe(detailBefore.revision + 1);
    expect((await s.state(deputy, id)).status).toBe('answered');
    // The admin was created once, on the first start only.
    const admins = await second.http.get(`/api/users?role=admin&after=${outcome.position}`, { token: deputy.token });
    expect(admins.body).toHaveLength(1);
    await second.stop();
  });

  it('a lost read model is rebuilt from the events on start', async () => {
    rmSync(path.join(first.dataDir, 'read-model.sqlite'), { force: true });
    rmSync(path.join(first.dataDir, 'read-model.sqlite-wal'), { force: true });
    rmSync(path.join(first.dataDir, 'read-model.sqlite-shm'), { force: true });
    third = await startTestApp(storeEnv(), first.dataDir);
    const deputy = await login(third.http, 'deputy1', PASSWORD);
    const health = await third.http.get('/api/health');
    const s = new Suggestions(third.http);
    s.lastPosition = health.body.store.head;
    const detail = await s.state(deputy, id);
    expect(detail.status).toBe('answered');
    expect(detail.revision).toBe(detailBefore.revision + 1);
    expect((await s.timeline(deputy, id)).body.slice(0, timelineBefore.length)).toEqual(timelineBefore);
  });
});
