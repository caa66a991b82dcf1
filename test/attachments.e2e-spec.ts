import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { runBackupCommand } from '../libs/event-store/src/backup/backup.command';
import { runRestoreCommand } from '../libs/event-store/src/backup/restore.command';
import { runVerifyAuditCommand } from '../libs/event-store/src/audit/verify-audit.command';
import { createOrganisation, Organisation } from './support/organisation';
import { StoreProbe } from './support/store-probe';
import { Suggestions } from './support/suggestions';
import { startTestApp, TEST_AUDIT_KEY, TestApp } from './support/test-app';
import { download, SAMPLE_FILES, upload } from './support/upload';
import { ContractCheckedClient } from './openapi/contract-checker';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A minimal DOCX: a stored (uncompressed) zip naming [Content_Types].xml and word/document.xml. */
function docx(): Buffer {
  const entries = [
    ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'],
  ] as const;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

function io(env: NodeJS.ProcessEnv, cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (chunk) => (out += String(chunk)));
  stderr.on('data', (chunk) => (out += String(chunk)));
  return { io: { stdout, stderr, env, cwd }, output: () => out };
}

/** Every stored file under the attachments folder (not the bookkeeping beside them). */
function storedFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((d) => /^[0-9a-f]{2}$/.test(d))
    .flatMap((d) => fs.readdirSync(path.join(dir, d)));
}

/**
 * 答复函 and attachments over HTTP: uploads checked by their bytes and stored by hash, refused ones
 * leaving nothing behind; an answer carrying its letter with the letter's sha256 in the event; the
 * same bytes back with the Chinese name; the public copy of a published letter; a file changed on
 * disk reported, not served; unused letters swept after the grace period; backup → restore →
 * verify-audit with the files.
 */
describe('attachments and answer letters', () => {
  let t: TestApp;
  let org: Organisation;
  let s: Suggestions;
  let probe: StoreProbe;
  let filesDir: string;

  beforeAll(async () => {
    t = await startTestApp({ ATTACHMENT_MAX_MB: '1', ATTACHMENT_GRACE_HOURS: '24' });
    org = await createOrganisation(t.http);
    s = new Suggestions(t.http);
    probe = new StoreProbe(t);
    filesDir = path.join(t.dataDir, 'attachments');
  });
  afterAll(() => t.dispose());

  async function assignedToTraffic(title = '关于公交线路优化的建议'): Promise<string> {
    const { id } = await s.submit(org.deputy1, { title, content: '建议优化线路。', coSignerIds: ['deputy2'] });
    await s.run(org.staff, id, 'accept');
    await s.run(org.staff, id, 'assign', { mode: 'sole', unitIds: ['traffic'] });
    return id;
  }

  it('accepts PDF, JPEG, PNG and DOCX recognised by their bytes; the upload is in the record', async () => {
    const id = await assignedToTraffic();
    const cases = [
      { who: org.deputy1, name: '现场照片.jpg', bytes: SAMPLE_FILES.jpeg(), type: 'image/jpeg' },
      { who: org.deputy2, name: '路口.png', bytes: SAMPLE_FILES.png(), type: 'image/png' },
      { who: org.staff, name: '纸质来信.docx', bytes: docx(), type: DOCX_TYPE },
      { who: org.traffic, name: '答复函.pdf', bytes: SAMPLE_FILES.pdf(), type: 'application/pdf' },
    ];
    for (const c of cases) {
      // The declared type is ignored: the bytes decide.
      const response = await upload(t.http, `/api/suggestions/${id}/attachments`, { name: c.name, bytes: c.bytes, type: 'text/plain' }, c.who.token);
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(new RegExp(`^${id}_[0-9a-f]{16}$`)),
        sha256: sha256(c.bytes),
        name: c.name,
        size: c.bytes.length,
        contentType: c.type,
        revision: expect.any(Number),
        position: expect.any(String),
      });
    }
    const detail = await s.state(org.deputy1, id);
    expect(detail.allowedActions).toContain('attachments');
    expect(detail.attachments.map((a: { name: string; kind: string }) => [a.name, a.kind])).toEqual([
      ['现场照片.jpg', 'material'],
      ['路口.png', 'material'],
      ['纸质来信.docx', 'material'],
      ['答复函.pdf', 'letter'],
    ]);
    expect(await s.eventTypes(org.staff, id)).toEqual(expect.arrayContaining(['AttachmentAdded']));
  });

  it('refuses forged and unknown bytes and oversized files, with a Chinese reason, storing nothing', async () => {
    const id = await assignedToTraffic('关于拒收文件的测试建议');
    const before = storedFiles(filesDir).length;
    const head = await probe.head();
    const forged = await upload(t.http, `/api/suggestions/${id}/attachments`, { name: '答复函.pdf', bytes: Buffer.from('MZ\u0090\u0000 this is a program'), type: 'application/pdf' }, org.traffic.token);
    expect(forged.status).toBe(400);
    expect(forged.body.message).toMatch(/文件内容不是可接受的类型/);
    const renamed = await upload(t.http, `/api/suggestions/${id}/attachments`, { name: '答复函.pdf', bytes: SAMPLE_FILES.png() }, org.traffic.token);
    expect(renamed.status).toBe(400);
    expect(renamed.body.message).toMatch(/扩展名与内容不符/);
    const xlsxLike = await upload(t.http, `/api/suggestions/${id}/attachments`, { name: '表格.docx', bytes: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]) }, org.traffic.token);
    expect(xlsxLike.status).toBe(400);
    const big = Buffer.concat([SAMPLE_FILES.pdf(), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const oversized = await upload(t.http, `/api/suggestions/${id}/attachments`, { name: '扫描件.pdf', bytes: big }, org.traffic.token);
    expect(oversized.status).toBe(413);
    expect(oversized.body).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/不能超过 1 MB/) });
    expect(storedFiles(filesDir).length).toBe(before);
    expect(await probe.head()).toBe(head);
  });

  it('gives 404 to whoever may not read the suggestion, for upload and download alike, storing nothing', async () => {
    const id = await assignedToTraffic('关于权限的测试建议');
    const mine = await upload(t.http, `/api/suggestions/${id}/attachments`, { name: '照片.png', bytes: SAMPLE_FILES.png() }, org.deputy1.token);
    const before = storedFiles(filesDir).length;
    const other = Buffer.concat([SAMPLE_FILES.pdf('另一份'), Buffer.from('unique-bytes-404')]);
    for (const stranger of [org.deputy3, org.education]) {
      const refused = await upload(t.http, `/api/suggestions/${id}/attachments`, { name: '别人的.pdf', bytes: other }, stranger.token);
      expect(refused.status).toBe(404);
      expect(refused.body).toEqual((await s.detail(stranger, id)).body);
      const read = await download(t.http, `/api/attachments/${mine.body.id}`, stranger.token);
      expect(read.status).toBe(404);
      expect(read.json).toEqual((await s.detail(stranger, id)).body);
    }
    // May read but may not add: a supervisor. Refused by the rules before anything is stored.
    const supervisor = await upload(t.http, `/api/suggestions/${id}/attachments`, { name: '督办.pdf', bytes: other }, org.supervisor.token);
    expect(supervisor.status).toBe(403);
    expect(storedFiles(filesDir).length).toBe(before);
    expect((await download(t.http, `/api/attachments/${mine.body.id}`)).status).toBe(401);
    expect((await download(t.http, `/api/attachments/${id}_0000000000000000`, org.deputy1.token)).status).toBe(404);
  });

  it('a unit answers with its signed letter: the event holds its sha256, the deputy downloads the same bytes with the Chinese name, the public reads it once published', async () => {
    const id = await assignedToTraffic('关于答复函的测试建议');
    const letterBytes = SAMPLE_FILES.pdf('市交通运输局关于代表建议的答复函');
    const letter = await upload(t.http, `/api/suggestions/${id}/attachments`, { name: '关于第12号建议的答复函（盖章）.pdf', bytes: letterBytes }, org.traffic.token);
    expect(letter.status).toBe(201);
    // Another unit's letter, or an unknown id, cannot be carried.
    const wrong = await s.send(org.traffic, id, 'answer', { category: 'A', content: '已解决。', signedBy: '局长', attachmentIds: [`${id}_ffffffffffffffff`] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('attachmentIds.0');

    await s.run(org.traffic, id, 'answer', { category: 'A', content: '已按建议优化线路。', signedBy: '局长 李明', attachmentIds: [letter.body.id] });
    const timeline = await s.timeline(org.deputy1, id);
    const answered = timeline.body.find((e: { type: string }) => e.type === 'SuggestionAnswered') as { data: { letters: unknown[] } };
    expect(answered.data.letters).toEqual([{ attachmentId: letter.body.id, sha256: sha256(letterBytes), name: '关于第12号建议的答复函（盖章）.pdf', size: letterBytes.length, contentType: 'application/pdf' }]);

    const got = await download(t.http, `/api/attachments/${letter.body.id}?download=1`, org.deputy1.token);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(letterBytes)).toBe(true);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="___12___________.pdf"; filename*=UTF-8''${encodeURIComponent('关于第12号建议的答复函（盖章）.pdf').replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );

    // Not public before publication; public after; withdrawn again by 不予公开.
    expect((await download(t.http, `/api/public/attachments/${letter.body.id}`)).status).toBe(404);
    await s.run(org.staff, id, 'publish');
    const published = await t.http.get(`/api/public/suggestions/${id}?after=${s.lastPosition}`);
    expect(published.body.answers[0].letters[0]).toMatchObject({ attachmentId: letter.body.id, sha256: sha256(letterBytes) });
    const anonymous = await download(t.http, `/api/public/attachments/${letter.body.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.bytes.equals(letterBytes)).toBe(true);
    expect(anonymous.headers.get('content-disposition')).toMatch(/^inline; .*filename\*=UTF-8''/);
    await s.run(org.staff, id, 'exempt', { reason: 'privacy' });
    expect((await download(t.http, `/api/public/attachments/${letter.body.id}`)).status).toBe(404);
  });

  it('a group answer (并案) carries the letter to every member; each member’s deputy reads it there; the export lists it', async () => {
    const a = (await s.submit(org.deputy1, { title: '关于校车接送的建议', content: '内容' })).id;
    const b = (await s.submit(org.deputy2, { title: '关于校车安全的建议', content: '内容' })).id;
    for (const id of [a, b]) await s.run(org.staff, id, 'accept');
    const group = await t.http.post('/api/groups', { suggestionIds: [a, b], primarySuggestionId: a }, { token: org.staff.token });
    expect(group.status).toBe(201);
    const groupId = group.body.groupId as string;
    expect((await t.http.post(`/api/groups/${groupId}/assign`, { mode: 'sole', unitIds: ['traffic'] }, { token: org.staff.token })).status).toBe(200);
    const bytes = SAMPLE_FILES.pdf('并案答复函');
    const letter = await upload(t.http, `/api/suggestions/${a}/attachments`, { name: '并案答复函.pdf', bytes }, org.traffic.token);
    const answered = await t.http.post(`/api/groups/${groupId}/answer`, { category: 'A', content: '一并答复。', signedBy: '局长', attachmentIds: [letter.body.id] }, { token: org.traffic.token });
    expect(answered.status).toBe(200);
    expect(answered.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true]);
    for (const id of [a, b]) {
      const event = (await probe.suggestion(id)).find((e) => e.type === 'SuggestionAnswered')!;
      expect((event.data as { letters: { sha256: string }[] }).letters.map((l) => l.sha256)).toEqual([sha256(bytes)]);
    }
    // deputy2 leads b only: the letter is read through b, not through a.
    expect((await download(t.http, `/api/attachments/${letter.body.id}`, org.deputy2.token)).status).toBe(404);
    const through = await download(t.http, `/api/attachments/${letter.body.id}?via=${b}`, org.deputy2.token);
    expect(through.status).toBe(200);
    expect(through.bytes.equals(bytes)).toBe(true);
    expect((await download(t.http, `/api/attachments/${letter.body.id}?via=${a}`, org.deputy2.token)).status).toBe(404);

    // The Excel export names the letter on both rows.
    const sheet = await download(t.http, `/api/suggestions.xlsx?after=${answered.body.position}`, org.staff.token);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.bytes as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const column = (rows[0] as string[]).indexOf('答复函');
    for (const id of [a, b]) expect(String(rows.find((r) => r[0] === id)![column])).toContain('并案答复函.pdf');
  });

  it('reports a file changed on disk instead of serving it', async () => {
    const id = await assignedToTraffic('关于文件被改动的测试建议');
    const bytes = Buffer.concat([SAMPLE_FILES.pdf('会被改动'), Buffer.from('tamper-me')]);
    const added = await upload(t.http, `/api/suggestions/${id}/attachments`, { name: '材料.pdf', bytes }, org.deputy1.token);
    const file = path.join(filesDir, added.body.sha256.slice(0, 2), added.body.sha256);
    fs.writeFileSync(file, Buffer.concat([bytes.subarray(0, bytes.length - 1), Buffer.from('!')]));
    const read = await download(t.http, `/api/attachments/${added.body.id}`, org.deputy1.token);
    expect(read.status).toBe(500);
    expect(read.json).toMatchObject({ code: 'attachment_damaged', message: expect.stringMatching(/已被改动/) });
    fs.writeFileSync(file, bytes);
    expect((await download(t.http, `/api/attachments/${added.body.id}`, org.deputy1.token)).status).toBe(200);
  });

  it('discards a letter no answer used once the grace period has passed, and removes its file', async () => {
    const id = await assignedToTraffic('关于未使用答复函的测试建议');
    const bytes = Buffer.concat([SAMPLE_FILES.pdf('草稿'), Buffer.from('never-used-letter')]);
    const draft = await upload(t.http, `/api/suggestions/${id}/attachments`, { name: '草稿.pdf', bytes }, org.traffic.token);
    const kept = await upload(t.http, `/api/suggestions/${id}/attachments`, { name: '照片.png', bytes: SAMPLE_FILES.png() }, org.deputy1.token);
    const file = path.join(filesDir, draft.body.sha256.slice(0, 2), draft.body.sha256);
    expect(fs.existsSync(file)).toBe(true);

    const clock = await t.http.get('/api/test-clock', { token: org.admin.token });
    const later = new Date(Date.parse(clock.body.now) + 25 * 3_600_000).toISOString();
    expect((await t.http.post('/api/test-clock', { now: later }, { token: org.admin.token })).status).toBe(200);

    expect(fs.existsSync(file)).toBe(false);
    const events = await probe.suggestion(id);
    expect(events.filter((e) => e.type === 'AttachmentDiscarded').map((e) => e.data)).toEqual([{ attachmentId: draft.body.id, sha256: draft.body.sha256 }]);
    const detail = await s.state(org.traffic, id);
    expect(detail.attachments.find((a: { attachmentId: string }) => a.attachmentId === draft.body.id).discardedAt).toEqual(expect.any(String));
    expect((await download(t.http, `/api/attachments/${draft.body.id}`, org.traffic.token)).status).toBe(404);
    expect((await download(t.http, `/api/attachments/${kept.body.id}`, org.deputy1.token)).status).toBe(200);
    // A discarded letter cannot be carried by an answer.
    const late = await s.send(org.traffic, id, 'answer', { category: 'A', content: '已解决。', signedBy: '局长', attachmentIds: [draft.body.id] });
    expect(late.status).toBe(400);
  });

  it('uploads and downloads answer as the OpenAPI document says (bodies, statuses, headers)', async () => {
    const document = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as ConstructorParameters<typeof ContractCheckedClient>[1];
    const checker = new ContractCheckedClient(t.baseUrl, document);
    const id = await assignedToTraffic('关于接口文档的测试建议');
    const path = `/api/suggestions/${id}/attachments`;
    const added = await upload(t.http, path, { name: '照片.png', bytes: SAMPLE_FILES.png() }, org.deputy1.token);
    checker.check('post', path, added);
    checker.check('post', path, await upload(t.http, path, { name: '照片.pdf', bytes: SAMPLE_FILES.png() }, org.deputy1.token));
    checker.check('post', path, await upload(t.http, path, { name: '大.pdf', bytes: Buffer.alloc(1024 * 1024 + 1, 0x25) }, org.deputy1.token));
    checker.check('post', path, await upload(t.http, path, { name: '照片.png', bytes: SAMPLE_FILES.png() }, org.deputy3.token));
    const got = await download(t.http, `/api/attachments/${added.body.id}`, org.deputy1.token);
    checker.check('get', `/api/attachments/${added.body.id}`, { status: got.status, body: got.bytes, headers: got.headers });
    const missing = await download(t.http, `/api/public/attachments/${added.body.id}`);
    checker.check('get', `/api/public/attachments/${added.body.id}`, { status: missing.status, body: missing.json, headers: missing.headers });
    expect(checker.problems).toEqual([]);
    expect(checker.checked.size).toBe(6);
  });

  it('backup → restore → verify-audit carries the files, and verify-audit finds a changed one', async () => {
    const env = { EVENT_STORE_PATH: path.join(t.dataDir, 'events.sqlite'), AUDIT_KEY: TEST_AUDIT_KEY, AUDIT_SEAL_DIR: path.join(t.dataDir, 'audit-seals') };
    const backupFile = path.join(t.dataDir, 'backup', 'copy.sqlite');
    fs.mkdirSync(path.dirname(backupFile), { recursive: true });
    const backup = io(env, t.dataDir);
    expect(await runBackupCommand([backupFile], backup.io)).toBe(0);
    expect(backup.output()).toMatch(/附件已备份：\d+ 个文件/);
    const liveFiles = storedFiles(filesDir).sort();
    expect(storedFiles(`${backupFile}.attachments`).sort()).toEqual(liveFiles);

    // Restore into a fresh folder: the store and its files arrive together and verify.
    const restoredDir = path.join(t.dataDir, 'restored');
    fs.mkdirSync(restoredDir);
    const restoreEnv = { ...env, EVENT_STORE_PATH: path.join(restoredDir, 'events.sqlite') };
    const restore = io(restoreEnv, t.dataDir);
    expect(await runRestoreCommand([backupFile], restore.io)).toBe(0);
    expect(restore.output()).toMatch(/附件已恢复/);
    expect(storedFiles(path.join(restoredDir, 'attachments')).sort()).toEqual(liveFiles);
    const verify = io(restoreEnv, t.dataDir);
    const code = await runVerifyAuditCommand([], verify.io);
    expect(verify.output()).toMatch(/附件文件校验通过/);
    expect(code).toBe(0);

    // A changed file in the restored folder is a finding.
    const victim = liveFiles[0]!;
    fs.writeFileSync(path.join(restoredDir, 'attachments', victim.slice(0, 2), victim), 'changed');
    const again = io(restoreEnv, t.dataDir);
    expect(await runVerifyAuditCommand([], again.io)).toBe(1);
    expect(again.output()).toContain(`附件文件已被改动：${victim}`);
  });
});
