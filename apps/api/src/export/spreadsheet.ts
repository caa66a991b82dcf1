import { StreamableFile } from '@nestjs/common';
import type { Workbook } from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Column<Row> {
  header: string;
  width: number;
  value: (row: Row) => string | number | null;
  /** Excel number format, e.g. `0.0%` for a rate. */
  numFmt?: string;
}

export interface SheetOptions<Row> {
  /** Lines above the header (what the sheet counts, for which period, when): one cell each. */
  caption?: string[];
  /** A bold last row (合计) under the rows. */
  total?: Row;
}

/** One sheet with a bold, frozen header row: what people open in Excel or WPS. */
export async function buildSheet<Row>(sheetName: string, columns: Column<Row>[], rows: readonly Row[], options: SheetOptions<Row> = {}): Promise<Buffer> {
  const workbook: Workbook = new (loadExcel().Workbook)();
  workbook.created = new Date(0);
  const caption = options.caption ?? [];
  const headerRow = caption.length + 1;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: headerRow }] });
  if (caption.length === 0) sheet.columns = sheetColumns(columns);
  else {
    // Widths and formats without the header (it would land in row 1), then the caption, then the header.
    sheet.columns = sheetColumns(columns).map(({ header: _header, ...column }) => column);
    for (const line of caption) sheet.addRow([line]);
    sheet.getRow(1).font = { bold: true };
    sheet.addRow(columns.map((c) => c.header));
  }
  sheet.getRow(headerRow).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  if (options.total !== undefined) sheet.addRow(columns.map((c) => c.value(options.total!))).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The same sheet as buildSheet, written to `out` as its rows arrive, page by page: only the page
 * being written and the compressor's window are held, not the whole list and its workbook (eight
 * exports of 20,000 rows once took over a gigabyte). Between pages the event loop gets its turn, and
 * a slow client holds the writer back (drain) instead of the rows piling up in memory.
 */
export async function streamSheet<Row>(out: Writable, sheetName: string, columns: Column<Row>[], pages: AsyncIterable<readonly Row[]>): Promise<void> {
  const workbook = new (loadExcel().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = sheetColumns(columns);
  sheet.getRow(1).font = { bold: true };
  for await (const rows of pages) {
    for (const row of rows) sheet.addRow(columns.map((c) => c.value(row))).commit();
    if (out.writableNeedDrain) await once(out, 'drain');
    await setImmediate();
  }
  sheet.commit();
  await workbook.commit();
}

function sheetColumns<Row>(columns: Column<Row>[]): Partial<import('exceljs').Column>[] {
  return columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
}

/**
 * exceljs costs most of a second to load (measured 0.7–0.9 s of start-up CPU) and only exports
 * use it: it is required on the first export, not while the service is starting. `require`, not
 * `import()`: the build emits CommonJS and jest runs it as such; node caches the module.
 */
function loadExcel(): typeof import('exceljs') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof import('exceljs');
}

/** An attachment whose Chinese file name survives every browser (RFC 6266 `filename*`), with an ASCII fallback. */
export function xlsxFile(buffer: Buffer, asciiName: string, chineseName: string): StreamableFile {
  return new StreamableFile(buffer, { type: XLSX_TYPE, disposition: xlsxDisposition(asciiName, chineseName), length: buffer.length });
}

export function xlsxDisposition(asciiName: string, chineseName: string): string {
  return `attachment; filename="${asciiName}.xlsx"; filename*=UTF-8''${encodeURIComponent(chineseName)}.xlsx`;
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2026-03-02 10:00` in Beijing time, as people read dates in a sheet; empty when absent. */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
