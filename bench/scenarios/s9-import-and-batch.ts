import ExcelJS from 'exceljs';
import * as P from '../generator/phrases';
import { Prng } from '../generator/prng';
import { personName, suggestionContent, suggestionTitle } from '../generator/texts';
import { ApiClient, ApiError } from '../harness/api-client';
import { apiEnv, BENCH_ADMIN_PASSWORD } from '../harness/api-env';
import { makeRow } from '../harness/bench-row';
import { ChildServer, freePort } from '../harness/child-server';
import { Scenario } from './scenario';

const PASSWORD = 'bench-password-2026';
const DEPUTIES = 60;
const UNITS = 30;

interface ImportReport {
  created: number;
  skipped: number;
  errors: { row: number; column?: string; message: string }[];
}
interface BatchResult {
  results: { id: string; status: number; message?: string }[];
}

/**
 * After a congress meets: the staff import the session's suggestions from the meeting's
 * spreadsheet, register them, and assign them in one 交办会. Against the built api (production
 * configuration, embedded store, durable appends), over HTTP, as the web app does it.
 */
export const s9ImportAndBatch: Scenario = {
  id: 'S9',
  title: 'Excel import of a congress session, batch registration and batch assignment',
  async run(ctx) {
    const rows = ctx.sizes.importRows;
    const assignments = ctx.sizes.batchAssignments;
    const { server: api } = await ChildServer.start({
      name: 'api',
      script: ctx.apiMain,
      env: apiEnv({ eventsPath: ctx.scratch.freshDb('s9-events.sqlite'), readModelPath: ctx.scratch.freshDb('s9-read-model.sqlite') }),
      port: await freePort(),
      readyPath: '/api/health',
    });
    try {
      const client = new ApiClient(api.baseUrl);
      const admin = await client.login('admin', BENCH_ADMIN_PASSWORD);
      const prng = new Prng('bench-s9');
      const deputyNames: string[] = [];
      for (let i = 1; i <= DEPUTIES; i++) {
        const username = `benchdep${String(i).padStart(3, '0')}`;
        // Half the sheet names deputies by login name, half by name (unique here): both are looked up.
        const displayName = `${personName(prng)}${i}`;
        await client.send('POST', '/api/users', { username, password: PASSWORD, displayName, role: 'deputy' }, admin);
        deputyNames.push(i % 2 === 0 ? username : displayName);
      }
      const unitIds: string[] = [];
      for (let i = 1; i <= UNITS; i++) {
        const id = `benchunit${String(i).padStart(2, '0')}`;
        await client.send('POST', '/api/units', { id, name: `压测承办单位${i}` }, admin);
        unitIds.push(id);
      }
      await client.send('POST', '/api/users', { username: 'benchstaff', password: PASSWORD, displayName: '压测工作人员', role: 'staff' }, admin);
      const staff = await client.login('benchstaff', PASSWORD);
      const sessionId = await createSession(client, staff);

      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('代表建议');
      sheet.addRow(['标题', '内容', '领衔代表', '附议代表', '代表团']);
      for (let i = 0; i < rows; i++) {
        const vars = { topic: prng.pick(P.TOPICS), region: prng.pick(P.REGIONS), year: 2026 };
        const lead = deputyNames[i % DEPUTIES]!;
        const co = [deputyNames[(i + 1) % DEPUTIES]!, deputyNames[(i + 7) % DEPUTIES]!].join('、');
        sheet.addRow([`${suggestionTitle(prng, vars)}（${i + 1}）`, suggestionContent(prng, vars), lead, co, '']);
      }
      const file = Buffer.from(await book.xlsx.writeBuffer());
      ctx.log(`workload: POST /api/imports/suggestions, one .xlsx of ${rows} rows (${(file.length / 1024 / 1024).toFixed(1)} MiB), ${DEPUTIES} deputies by login name or name, 2 co-signers a row; session ${sessionId ?? '(default)'}`);

      const t0 = performance.now();
      const report = (await upload(api.baseUrl, `/api/imports/suggestions${sessionId ? `?sessionId=${sessionId}` : ''}`, file, staff)) as ImportReport;
      const importSeconds = (performance.now() - t0) / 1000;
      ctx.log(`import: ${importSeconds.toFixed(2)} s — created ${report.created}, skipped ${report.skipped}, refused rows ${report.errors.length}${report.errors[0] ? ` (first: row ${report.errors[0].row} ${report.errors[0].message})` : ''}`);
      const t1 = performance.now();
      const again = (await upload(api.baseUrl, `/api/imports/suggestions${sessionId ? `?sessionId=${sessionId}` : ''}`, file, staff)) as ImportReport;
      ctx.log(`re-upload of the same file: ${((performance.now() - t1) / 1000).toFixed(2)} s — created ${again.created}, skipped ${again.skipped}`);

      const ids = await submittedIds(client, staff, assignments);
      const t2 = performance.now();
      const accepted = (await client.send('POST', '/api/suggestions/batch/accept', { ids }, staff)) as BatchResult;
      const acceptSeconds = (performance.now() - t2) / 1000;
      const acceptFailures = accepted.results.filter((r) => r.status !== 200);
      ctx.log(`batch accept of ${ids.length}: ${acceptSeconds.toFixed(2)} s, ${acceptFailures.length} refused`);

      const items = ids.map((id, i) =>
        i % 3 === 2
          ? { id, mode: 'lead', unitIds: [unitIds[i % UNITS]!, unitIds[(i + 1) % UNITS]!], leadUnitId: unitIds[i % UNITS]! }
          : { id, mode: 'sole', unitIds: [unitIds[i % UNITS]!] },
      );
      const t3 = performance.now();
      const assigned = (await client.send('POST', '/api/suggestions/batch/assign', { items }, staff)) as BatchResult;
      const assignSeconds = (performance.now() - t3) / 1000;
      const assignFailures = assigned.results.filter((r) => r.status !== 200);
      ctx.log(`batch assign of ${items.length} (each its own plan; sole and lead + co): ${assignSeconds.toFixed(2)} s, ${assignFailures.length} refused`);

      const importFailure =
        report.created !== rows ? `created ${report.created} of ${rows} rows` : again.created !== 0 || again.skipped !== rows ? `re-upload created ${again.created}, skipped ${again.skipped}` : undefined;
      return [
        makeRow({
          scenario: 'S9',
          measure: `Excel import, ${rows} rows`,
          figure: importSeconds,
          unit: 's',
          floors: [{ kind: 'figure_max', value: 30 }],
          ...(importFailure !== undefined ? { failure: importFailure } : {}),
        }),
        makeRow({
          scenario: 'S9',
          measure: `batch accept, ${ids.length} items`,
          figure: acceptSeconds,
          unit: 's',
          floors: [],
          ...(acceptFailures.length > 0 ? { failure: `${acceptFailures.length} refused` } : {}),
        }),
        makeRow({
          scenario: 'S9',
          measure: `batch assign, ${items.length} items`,
          figure: assignSeconds,
          unit: 's',
          floors: [{ kind: 'figure_max', value: 10 }],
          ...(assignFailures.length > 0 ? { failure: `${assignFailures.length} refused: ${assignFailures[0]!.message ?? ''}` } : {}),
        }),
      ];
    } catch (error) {
      ctx.log(`api output:\n${api.recentOutput(30)}`);
      throw error;
    } finally {
      await api.stop();
    }
  },
};

/** A congress session to import into, where the api has sessions; otherwise the default session. */
async function createSession(client: ApiClient, token: string): Promise<string | undefined> {
  try {
    const created = (await client.send('POST', '/api/sessions', { name: '压测：第一次会议', kind: 'congress', startsOn: '2026-01-10', endsOn: '2026-01-15' }, token)) as { id: string };
    return created.id;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

async function upload(baseUrl: string, path: string, file: Buffer, token: string): Promise<unknown> {
  const form = new FormData();
  form.append('file', new Blob([file]), 'import.xlsx');
  const res = await fetch(baseUrl + path, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  if (res.status !== 200) throw new ApiError('POST', path, res.status, text);
  return JSON.parse(text) as unknown;
}

/** Ids of `count` submitted suggestions, once the read model lists them. */
async function submittedIds(client: ApiClient, token: string, count: number): Promise<string[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ids: string[] = [];
    for (let page = 1; ids.length < count; page++) {
      const list = (await client.send('GET', `/api/suggestions?status=submitted&pageSize=100&page=${page}`, undefined, token)) as { items: { id: string }[] };
      ids.push(...list.items.map((i) => i.id));
      if (list.items.length < 100) break;
    }
    if (ids.length >= count) return ids.slice(0, count);
    if (Date.now() > deadline) throw new Error(`only ${ids.length} submitted suggestions listed, ${count} needed`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
