import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TestApp } from '../support/test-app';
import PUBLISHED_OPERATION_IDS from './published-operation-ids.json';

const REDOCLY = path.join(__dirname, '../../node_modules/.bin/redocly');

/**
 * The served document passes Redocly's recommended rules with no error, as an integrator's CI
 * would check it. Telemetry and update checks are off: the lint runs offline.
 */
describe('the served OpenAPI document', () => {
  let app: TestApp;
  let dir: string;

  beforeAll(async () => {
    app = await startTestApp();
    dir = mkdtempSync(path.join(tmpdir(), 'duban-openapi-'));
  });

  afterAll(async () => {
    await app?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('declares for every operation a success body and the shared error body for each error status', async () => {
    const document = (await (await fetch(`${app.baseUrl}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string; allOf?: { $ref?: string }[] } }> }> }>>;
    };
    const gaps: string[] = [];
    let operations = 0;
    for (const [route, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        operations += 1;
        const where = `${method.toUpperCase()} ${route}`;
        const statuses = Object.keys(operation.responses);
        const success = statuses.filter((s) => s.startsWith('2'));
        if (!success.some((s) => Object.values(operation.responses[s]!.content ?? {}).some((c) => c.schema !== undefined))) gaps.push(`${where}: no success body`);
        if (!statuses.some((s) => s >= '400')) gaps.push(`${where}: no error status`);
        for (const status of statuses.filter((s) => s.startsWith('4'))) {
          const schema = operation.responses[status]!.content?.['application/json']?.schema;
          // The shared body itself, or narrowed to the status's closed set of codes.
          if ((schema?.$ref ?? schema?.allOf?.[0]?.$ref) !== '#/components/schemas/ErrorBodyDoc') gaps.push(`${where} ${status}: not the shared error body`);
        }
      }
    }
    expect(gaps).toEqual([]);
    expect(operations).toBeGreaterThanOrEqual(60);
  });

  it('keeps every published operationId (generated clients name their methods after them): routes may be added, never renamed', async () => {
    const document = (await (await fetch(`${app.baseUrl}/api/docs-json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    const served = new Map<string, string>();
    for (const [route, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) served.set(`${method.toUpperCase()} ${route}`, operation.operationId);
    }
    const changed = Object.entries(PUBLISHED_OPERATION_IDS as Record<string, string>)
      .filter(([operation, id]) => served.get(operation) !== id)
      .map(([operation, id]) => `${operation}: published as ${id}, served as ${served.get(operation) ?? 'nothing'}`);
    expect(changed).toEqual([]);
  });

  it('has no error under the recommended ruleset', async () => {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, await (await fetch(`${app.baseUrl}/api/docs-json`)).text());
    const result = await promisify(execFile)(REDOCLY, ['lint', file, '--extends=recommended', '--format=json'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(result.stdout) as { totals: { errors: number }; problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
    const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });
});
