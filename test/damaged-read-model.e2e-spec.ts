import Database from 'better-sqlite3';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { createOrganisation, login, Organisation, PASSWORD } from './support/organisation';
import { Suggestions } from './support/suggestions';
import { startTestApp, TestApp } from './support/test-app';

/** Garbage over the middle third of the file's pages, as a failing disk or a stray write leaves it. */
function damageMiddleOf(file: string): void {
  const pageSize = 4096;
  const third = Math.floor(statSync(file).size / 3 / pageSize) * pageSize;
  const garbage = Buffer.alloc(Math.max(pageSize, third));
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, garbage, 0, garbage.length, third);
  } finally {
    closeSync(fd);
  }
}

function quickCheck(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('quick_check', { simple: true });
  } catch (error) {
    return (error as Error).message;
  } finally {
    db.close();
  }
}

describe('a read model whose pages are damaged', () => {
  let first: TestApp;
  let second: TestApp | undefined;
  let org: Organisation;
  const ids: string[] = [];

  beforeAll(async () => {
    first = await startTestApp();
    org = await createOrganisation(first.http);
    const s = new Suggestions(first.http);
    for (let i = 1; i <= 12; i++) {
      const id = (await s.submit(org.deputy1, { title: `页面损坏测试建议 ${i}`, content: `第 ${i} 条建议的内容。`.repeat(200) })).id;
      ids.push(id);
      if (i % 2 === 0) await s.run(org.staff, id, 'accept');
    }
    await first.stop();
    const readModel = path.join(first.dataDir, 'read-model.sqlite');
    damageMiddleOf(readModel);
    // The damage is real: SQLite itself finds it.
    expect(quickCheck(readModel)).not.toBe('ok');
  });

  afterAll(async () => {
    await second?.stop();
    await first.dispose();
  });

  it('is rebuilt on start, and the service serves every suggestion from a sound file', async () => {
    second = await startTestApp({}, first.dataDir);
    const staff = await login(second.http, 'staff1', PASSWORD);
    const health = await second.http.get('/api/health');
    expect(health.body.status).toBe('ok');

    const list = await second.http.get(`/api/suggestions?pageSize=50&after=${health.body.store.head}`, { token: staff.token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id).sort()).toEqual([...ids].sort());
    const accepted = await second.http.get(`/api/suggestions/${ids[1]}`, { token: staff.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.title).toBe('页面损坏测试建议 2');
    expect(accepted.body.status).not.toBe('submitted');
    expect(quickCheck(path.join(first.dataDir, 'read-model.sqlite'))).toBe('ok');
  });
});
