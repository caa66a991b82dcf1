import { PassThrough } from 'node:stream';
import type { Worksheet } from 'exceljs';
import { buildSheet, Column, streamSheet } from './spreadsheet';

interface Row {
  id: string;
  title: string;
  rate: number | null;
}

const COLUMNS: Column<Row>[] = [
  { header: '编号', width: 20, value: (r) => r.id },
  { header: '标题', width: 40, value: (r) => r.title },
  { header: '满意率', width: 10, value: (r) => r.rate, numFmt: '0.0%' },
];
const ROWS: Row[] = Array.from({ length: 450 }, (_, i) => ({ id: `S-${i}`, title: `关于第 ${i} 条公交线路的建议`, rate: i % 7 === 0 ? null : i / 1000 }));

async function* pagesOf(rows: Row[], size: number): AsyncGenerator<Row[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

async function streamed(rows: Row[], pageSize: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await streamSheet(out, '建议列表', COLUMNS, pagesOf(rows, pageSize));
  return Buffer.concat(chunks);
}

async function readBack(buffer: Buffer): Promise<Worksheet> {
  const { Workbook } = jest.requireActual<typeof import('exceljs')>('exceljs');
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

const cells = (sheet: Worksheet) => sheet.getSheetValues().slice(1).map((row) => (Array.isArray(row) ? row.slice(1) : []));

describe('streamed spreadsheet export', () => {
  it('writes, page by page, the workbook the whole-list build made: same sheet, headers, rows and formats', async () => {
    const whole = await readBack(await buildSheet('建议列表', COLUMNS, ROWS));
    const sheet = await readBack(await streamed(ROWS, 200));
    expect(sheet.name).toBe('建议列表');
    expect(cells(sheet)[0]).toEqual(['编号', '标题', '满意率']);
    expect(cells(sheet)).toHaveLength(ROWS.length + 1);
    expect(cells(sheet)).toEqual(cells(whole));
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('C3').numFmt).toBe('0.0%');
  });

  it('an empty list is a sheet with its header row only', async () => {
    const sheet = await readBack(await streamed([], 200));
    expect(cells(sheet)).toEqual([['编号', '标题', '满意率']]);
  });
});
